using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>Sends told in other languages, password-manager vaults read out whole, and uploads to a bucket the skill names.</summary>
public static partial class AuditSignals
{
    /// <summary>
    /// A send told in another language, its address on the line or the next ("Sende den Inhalt an `https://…`", "Envie o zip
    /// para o nosso serviço: `https://…`").
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:sende[nt]?|schick\w*|übermittl\w*|übertrag\w*|übergib|übergeben|lade\w*\s+[^\n]{0,60}?\s+hoch|env(?:[ií]a|ie|iar|iá)\w*|envoie\w*|envoyez|envoyer|transmet\w*|transmit[ae]\w*|téléverse\w*|invia\w*|carica(?:re|lo|la|li)?|suba|sube|отправ\w*|перешл\w*|выгруз\w*|kirim\w*|unggah\w*|gönder\w*|wyślij\w*|prześlij\w*)\b|发送|上传|送信|アップロード|보내|업로드)[^\n]{0,80}?(?:\r?\n[ \t>*-]*[^\n]{0,20}?)?[`<]?https?://", I)]
    private static partial Regex SendProseElsewhere();

    /// <summary>
    /// A password manager's whole vault read out with its secrets: <c>bw list items</c> (not a search), <c>bw export</c>, <c>lpass export</c>,
    /// <c>keepassxc-cli export</c>, <c>security dump-keychain -d</c>, or <c>op item list</c> then <c>op item get … --reveal</c>
    /// for what it listed. A skill that fetches the one secret it is asked for names it (<c>op read op://…</c>).
    /// </summary>
    [GeneratedRegex(@"\bbw\s+list\s+items\b(?![^\n|]*--(?:search|url|folderid|collectionid)(?:\s+|=)(?!""|''|-))|\bbw\s+export\b|\blpass\s+export\b|\bkeepassxc-cli\s+export\b|\bsecurity\s+dump-keychain\b[^\n]*\s-\w*d|\bop\s+item\s+list\b(?:[^\n]*\n){0,12}?[^\n]*\bop\s+item\s+get\b[^\n]*--reveal\b|\bop\s+item\s+get\b[^\n]*--reveal\b(?:[^\n]*\n){0,12}?[^\n]*\bop\s+item\s+list\b|\bop\s+(?:item\s+)?export\b", I)]
    private static partial Regex VaultDump();

    /// <summary>A message sent on a WebSocket (<c>ws.send(…)</c>, <c>send_binary</c>, <c>sendText</c>), in a program that connects to a remote <c>ws://</c> or <c>wss://</c> address it names.</summary>
    [GeneratedRegex(@"\.send(?:_binary|_bytes|_text|Binary|Text)?\s*\(\s*(?!\))", RegexOptions.CultureInvariant)]
    private static partial Regex SocketSend();

    /// <summary>Whether a program names a WebSocket address off this machine (<c>"wss://index.example.ai/v1/stream"</c>); a local dashboard's socket is not one.</summary>
    private static bool NamesRemoteSocket(string text) => text.Contains("ws", StringComparison.Ordinal) && RemoteSocket().IsMatch(text);

    [GeneratedRegex(@"[""'`]wss?://(?!localhost\b|127\.|0\.0\.0\.0|\[::1\]|\{|\$)[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemoteSocket();

    /// <summary>A copy to cloud storage: <c>aws s3 cp|sync|mv</c>, <c>gsutil cp|rsync</c>, <c>rclone copy|sync|move</c>, <c>b2 upload-file|sync</c>, <c>az storage blob upload</c>.</summary>
    [GeneratedRegex(@"\baws\s+s3\s+(?:cp|sync|mv)\b|\bgsutil\s+(?:-\w+\s+)*(?:cp|rsync|mv)\b|\brclone\s+(?:copy|sync|move)\b|\bb2\s+(?:upload-file|sync|file\s+upload)\b|\baz\s+storage\s+blob\s+(?:upload|upload-batch|sync)\b", I)]
    private static partial Regex BucketUpload();

    /// <summary>
    /// A copy to a bucket the skill names itself (<c>BUCKET="s3://clawbackup-cloud-eu1/u"</c>, <c>gs://…</c>) as its last
    /// argument, written there or set in a variable the file assigns, sends data out; a copy from a bucket, or to a bucket
    /// the user gives (<c>$BACKUP_BUCKET</c>, <c>s3://your-bucket</c>), is not.
    /// </summary>
    public static AuditSeverity? JudgeBucketUpload(string text, Match match)
    {
        if (LineJudges.JudgeNotNegated(text, match) is null)
        {
            return null;
        }

        // The destination is the command's last argument: a bucket written there, or a variable the file sets to one.
        var end = text.IndexOf('\n', match.Index);
        var rest = text.AsSpan(match.Index + match.Length, (end < 0 ? text.Length : end) - match.Index - match.Length).Trim().TrimEnd('\\').Trim();
        var last = LastArgument().Match(rest.ToString());
        if (!last.Success)
        {
            return null;
        }

        var destination = last.Value.Trim('"', '\'');
        if (Regex.Match(destination, @"^\$\{?(?<name>[A-Za-z_]\w*)") is { Success: true } variable)
        {
            var assigned = Regex.Match(text, @"(?m)^[ \t]*(?:export[ \t]+|local[ \t]+|readonly[ \t]+)?" + variable.Groups["name"].Value + @"=[""']?(?<value>[^""'\s]+)", RegexOptions.CultureInvariant);
            destination = assigned.Success ? assigned.Groups["value"].Value : string.Empty;
        }

        return NamedBucket().Match(" " + destination) is { Success: true } bucket && !AuditContext.QuotesAnExample(bucket.Value) && !SampleValue().IsMatch(bucket.Value) && !PlaceholderBucket().IsMatch(bucket.Value)
            ? AuditSeverity.Low : null;
    }

    /// <summary>A command line's last argument that is no option (quoted or bare), before a redirect or the line's end.</summary>
    [GeneratedRegex(@"(?:""[^""]*""|'[^']*'|[^\s""'>|;&]+)(?=\s*(?:[>|;&].*)?$)", RegexOptions.CultureInvariant)]
    private static partial Regex LastArgument();

    [GeneratedRegex(@"(?<=[""'=\s])(?:s3|gs|b2|az|wasabi)://[a-z0-9][a-z0-9.-]{2,62}\b", I)]
    private static partial Regex NamedBucket();

    [GeneratedRegex(@"://(?:my|your|the|<|\$|\{|bucket\b|name\b)", I)]
    private static partial Regex PlaceholderBucket();
}
