namespace OpenClaw.Desired.Secrets.Scanning;

/// <summary>A .env file's credential lines: a secret-looking name with a literal value, whatever its entropy.</summary>
internal static class EnvFields
{
    public static StructuredFields Find(string text)
    {
        var fields = new List<StructuredField>();
        foreach (var entry in DotEnv.Parse(text))
        {
            var named = SecretNames.Classify(entry.Name) != NameVerdict.NotSecret || OpenClaw.SecretKeys.IsSecretKey(entry.Name);
            var covered = SecretScanner.Scan(entry.Value).Count > 0;
            if ((named || covered) && entry.Value.Length >= 6 && entry.ValueLength == entry.Value.Length
                && !ValueHeuristics.IsReference(entry.Value) && JsonFields.IsLiteralCredential(entry.Value))
            {
                fields.Add(new StructuredField(entry.Value, new EnvLineLocation(entry.Name, entry.LineIndex, true), entry.Name));
            }
        }

        return new StructuredFields(fields, [], []);
    }
}
