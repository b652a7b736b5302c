namespace OpenClaw.Desired.Cli.Commands;

/// <summary>Text resources shipped inside the core library (schemas, tier postures).</summary>
internal static class Embedded
{
    public static string Text(string name)
    {
        using var stream = typeof(Reconciliation.ReconcileRun).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
