using OpenClaw.Desired.OpenClaw;
using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Incidents;

/// <summary>
/// What may be a credential on a process's command line (<c>openclaw gateway --token T</c>, <c>--password=P</c>, a
/// key the scanner knows by its shape): the values the redactor must mask wherever a stopped process is named.
/// </summary>
public static class CommandLineSecrets
{
    public static IReadOnlyList<string> Of(string? commandLine)
    {
        if (string.IsNullOrEmpty(commandLine))
        {
            return [];
        }

        var found = SecretScanner.Scan(commandLine).Select(m => commandLine.Substring(m.Start, m.Length)).ToList();
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (!words[i].StartsWith('-'))
            {
                continue;
            }

            var equals = words[i].IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? words[i] : words[i][..equals]).TrimStart('-');
            if (name.Length == 0 || !(SecretKeys.IsSecretKey(name.Replace("-", string.Empty, StringComparison.Ordinal)) || SecretNames.Classify(name) != NameVerdict.NotSecret))
            {
                continue;
            }

            var value = equals >= 0 ? words[i][(equals + 1)..] : i + 1 < words.Length && !words[i + 1].StartsWith('-') ? words[i + 1] : null;
            if (!string.IsNullOrEmpty(value))
            {
                found.Add(value);
            }
        }

        return found;
    }

    /// <summary>The text with every value the redactor knows masked, after it learnt what the scanner finds in it.</summary>
    public static string Scrub(Redaction.SecretRedactor redactor, string text)
    {
        foreach (var match in SecretScanner.Scan(text))
        {
            redactor.Add(text.Substring(match.Start, match.Length));
        }

        return redactor.Redact(text);
    }
}
