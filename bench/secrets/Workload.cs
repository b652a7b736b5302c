using System.Text;
using OpenClaw.Desired.Tests.Secrets.Corpus;

namespace OpenClaw.Desired.Bench.Secrets;

/// <summary>
/// What an agent host's files look like in bulk: Markdown notes, session-log JSON lines (some carrying base64
/// images), YAML and .env snippets, with a credential in about one line of two hundred. Seeded, so every
/// run scans the same bytes.
/// </summary>
internal static class Workload
{
    private static readonly string[] Words =
    [
        "the", "agent", "summarised", "weather", "for", "Dana", "and", "key", "points", "of", "meeting", "token", "budget", "pass", "the",
        "report", "to", "family", "group", "tomorrow", "calendar", "invite", "secret", "santa", "list", "shopping", "password", "reset",
        "reminder", "skill", "github", "issues", "triage", "label", "bug", "feature", "deploy", "server", "backup", "restic", "snapshot",
        "crypto", "price", "alert", "telegram", "message", "channel", "credential", "rotation", "monthly", "ollama", "model", "local",
    ];

    public static string Build(int megabytes, int seed = 7)
    {
        var random = new Random(seed);
        var values = new SyntheticValues(seed);
        var text = new StringBuilder(megabytes * 1024 * 1024 + 4096);
        var line = 0;
        while (text.Length < megabytes * 1024 * 1024)
        {
            line++;
            var secret = line % 200 == 0 ? Secret(values, random) : null;
            switch (random.Next(100))
            {
                case < 45:
                    text.Append("- ").Append(Sentence(random, 12, secret)).Append('\n');
                    break;
                case < 80:
                    text.Append("{\"role\":\"").Append(random.Next(2) == 0 ? "user" : "assistant").Append("\",\"content\":\"")
                        .Append(Sentence(random, 30, secret)).Append("\",\"ts\":").Append(1_776_600_000 + line).Append("}\n");
                    break;
                case < 90:
                    text.Append("{\"type\":\"image\",\"data\":\"").Append(values.Of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 2048)).Append("==\"}\n");
                    break;
                case < 95:
                    text.Append("max_tokens: ").Append(random.Next(8192)).Append("\ntemperature: 0.").Append(random.Next(10)).Append("\nsort_key: created_at\n");
                    break;
                default:
                    text.Append("LOG_LEVEL=info\nOLLAMA_HOST=http://127.0.0.1:11434\n");
                    if (secret is not null)
                    {
                        text.Append("SERVICE_TOKEN=").Append(secret).Append('\n');
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string Sentence(Random random, int words, string? secret)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sentence.Append(Words[random.Next(Words.Length)]).Append(' ');
            if (secret is not null && i == words / 2)
            {
                sentence.Append("use ").Append(secret).Append(' ');
            }
        }

        return sentence.Append('.').ToString();
    }

    private static string Secret(SyntheticValues values, Random random) => random.Next(6) switch
    {
        0 => values.GitHub(),
        1 => values.Anthropic(),
        2 => values.Telegram(),
        3 => values.OpenAiProject(),
        4 => values.Jwt(),
        _ => values.SlackBot(),
    };
}
