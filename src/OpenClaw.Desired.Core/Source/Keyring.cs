namespace OpenClaw.Desired.Source;

/// <summary>Reads a public keyring file: binary (<c>gpg --export</c>) as is, ASCII-armored (<c>--armor</c>) decoded.</summary>
internal static class Keyring
{
    private const string Begin = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    public static byte[] ReadBinary(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException($"cannot read the keyring {path}: {Reporting.UserMessage.Of(e)}");
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes);
        return text.Contains(Begin, StringComparison.Ordinal) ? Dearmor(text, path) : bytes;
    }

    /// <summary>Every armored block in the file, concatenated: the base64 body between the headers and the checksum line.</summary>
    private static byte[] Dearmor(string text, string path)
    {
        using var output = new MemoryStream();
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Begin)
            {
                continue;
            }

            var body = new System.Text.StringBuilder();
            // Armor headers (Version:, Comment:) end at the first empty line.
            while (++i < lines.Length && lines[i].Trim().Length > 0 && lines[i].Contains(':', StringComparison.Ordinal))
            {
            }

            for (; i < lines.Length && !lines[i].StartsWith("-----END", StringComparison.Ordinal); i++)
            {
                var line = lines[i].Trim();
                if (line.Length > 0 && !line.StartsWith('='))
                {
                    body.Append(line);
                }
            }

            try
            {
                output.Write(Convert.FromBase64String(body.ToString()));
            }
            catch (FormatException)
            {
                throw new SourceException($"the keyring {path} is not a valid armored key block");
            }
        }

        return output.ToArray();
    }
}
