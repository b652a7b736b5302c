using System.Text.RegularExpressions;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// The words of lures in other languages than English: run verbs and what they run, "password", archives and
/// "unpack". Kept apart so that the English patterns read on their own; the signals use them by name.
/// </summary>
public static partial class AuditSignals
{
    /// <summary>Run verbs in other languages: a lure's instruction only with what it runs (a command, a terminal, a program) beside it.</summary>
    private const string LocalRun = @"ejecut\w*|execut[ae]\w*|exécut\w*|lanc[ez]\w*|inici[ae]\w*|выполн\w*|запуст\w*|ausführ\w*|führen\s+sie|実行|çalıştır\w*|esegu\w*|avvia\w*|uruchom\w*|jalankan|실행|\bstarte\b|\bstarten\s+sie|\bvoer\s+\S+\s+uit|\buitvoer\w*|\bchạy\b|चला(?:एँ|एं|ओ|इए|इये|एगा|ना|ें)|रन\s+कर\w*|(?:^|\s)(?:ش[ّ]?غ[ّ]?ل|ن[ّ]?ف[ّ]?ذ)\w*";

    private const string LocalRunObject = @"comando\w*|commande\w*|команд\w*|befehl\w*|コマンド|terminal\w*|consola|console|консол\w*|терминал\w*|ターミナル|powershell|shell|оболочк\w*|シェル|スクリプト|скрипт\w*|脚本|终端|命令行|스크립트|터미널|셸|쉘|명령\w*|komut\w*|polecen\w*|perintah|sudo\b|(?:exatamente|exactamente|exactement|esattamente|genau|точно)\s+(?:o\s+que|lo\s+que|ce\s+qu|ciò\s+che|quello\s+che|was|то,?\s+что)|\.(?:exe|app|pkg|dmg|msi)\b|instalador|installateur|установщик\w*|installationsprogramm|インストーラ|टर्मिनल|कमांड|स्क्रिप्ट|शेल|الطرفية|التيرمينال|الأمر|سكربت|\blệnh\b|opdracht\w*|commando\w*";

    /// <summary>"Password" in other languages: an archive's only with an archive named beside it, or alone on a line as "Пароль: x".</summary>
    private const string LocalPassword = @"contraseña|clave|senha|парол[ьеяюи]\w*|passwort|kennwort|mot\s+de\s+passe|パスワード|비밀번호|암호|şifre\w*|parola\s+d'ordine|hasł[oa]|wachtwoord|kata\s+sandi|पासवर्ड|mật\s+khẩu|كلمة\s+(?:ال)?(?:مرور|سر)|รหัสผ่าน";

    private const string ArchiveWords = @"zip|7z|rar|archiv\w*|arquivo\w*|fichier\w*|datei\w*|dosya\w*|plik\w*|архив\w*|アーカイブ|압축|解压|压缩|ज़िप|जिप|tệp\s+nén|مضغوط|ไฟล์\s*zip";

    /// <summary>"Unpack" in other languages ("Entpacke es mit dem Passwort …", "descomprímelo con la contraseña …").</summary>
    private const string LocalUnpack = @"\bentpack\w*|\bdekomprimier\w*|\bdescompr[ií]m\w*|\bdescompact\w*|\bextra(?:e|ia|iga|ir|er|yez|ire|ete)\b|\bdécompress\w*|\bdézipp\w*|\bdezip\w*|распак\w*|разархив\w*|解凍|展開|\brozpak\w*|\bestrai\w*|\bdecomprimi\w*|\buitpak\w*|\bgiải\s+nén|فك\s+(?:ال)?ضغط|\bçıkar\w*|\baç(?:ın|ıp)\b|अनज़िप|एक्सट्रैक्ट";

    /// <summary>Run instructions in other languages, apart so that English text (nearly all) never pays for them; a flag's value (<c>--type execute</c>) is none.</summary>
    [GeneratedRegex(@"(?<!--[\w-]{1,30}[\s=])(?:" + LocalRun + @")[^\n]{0,60}?(?:" + LocalRunObject + @")|(?:" + LocalRunObject + @")[^\n]{0,60}?(?<!--[\w-]{1,30}[\s=])(?:" + LocalRun + @"|\baus\b)|\babr[ae]\s+(?:el|la|o|a)\s+\S+\.(?:exe|app)\b|откройте\s+\S+\.(?:exe|app)", I)]
    private static partial Regex LocalRunInstruction();

    /// <summary>
    /// Hand-over verbs in other languages (send, share, forward, paste): Portuguese, Spanish, French, Italian, German,
    /// Dutch, Turkish, Russian, Polish, Indonesian, Chinese, Japanese, Korean. English is <see cref="HandOver"/>.
    /// </summary>
    private const string LocalHandOver =
        @"(?:\b(?:env[ií][ae]\w*|mand(?:e|a|ar|á)|compart(?:a|e|as|es|ir|ilh\w*)|partilh\w*|encaminh\w*|reenv[ií]\w*|envoy\w*|partag\w*|transmet\w*|invi[ai]\w*|condivid\w*|inoltr\w*|trasmett\w*|"
        + @"senden|sende|sendet|schick\w*|übermittel\w*|übermittle|weiterleit\w*|teilen|teile|stuur\w*|verstuur\w*|deel|delen|gönder\w*|paylaş\w*|ilet(?:in|iniz|mek|ip)|"
        + @"отправ\w*|пришл\w*|перешл\w*|переда\w*|подели\w*|wyślij\w*|prześlij\w*|udostępnij\w*|kirim\w*|bagikan)\b|送信|送って|共有|发送|发给|发到|分享|提交|上传|보내|전송|공유)";

    /// <summary>
    /// Secrets by name in other languages: API and private keys, tokens, credentials, passwords, seed phrases; and the
    /// files that hold them (<see cref="SecretFiles"/>, the same in every language).
    /// </summary>
    private const string LocalSecret =
        @"(?:\b(?:clave|claves|chave|chaves|chiave|chiavi|cl[ée]s?|klucz\w*|kunci)\s+(?:de\s+|d'|da\s+|dell'|dell[ae]\s+)?(?:api|privad\w*|privat\w*|priv[ée]e?s?|secret\w*|segret\w*|prywatn\w*|acesso|acceso|accesso|accès)\b"
        + @"|\bapi[\s-]?(?:schlüssel\w*|sleutel\w*|anahtar\w*|ключ\w*)|\b(?:privat\w*|geheim\w*|priv[ée])[\s-]?(?:schlüssel\w*|sleutel\w*)|\bözel\s+anahtar\w*|\b(?:приватн|секретн)\w*\s+ключ\w*|\bключ\w*\s+(?:api|доступа)\b"
        + @"|\btoken\w*|\bjetons?\b|\bтокен\w*|トークン|令牌|토큰|\bcredenciai?s\b|\bcredenciales\b|\bcredenziali\b|\bidentifiants\b|\bzugangsdaten\b|\banmeldedaten\b|\binloggegevens\b|\bkimlik\s+bilgi\w*|\bуч[её]тн\w*\s+данн\w*|\bdane\s+logowania\b|\bkredensial\b|認証情報|凭据|凭证|자격\s*증명"
        + @"|\bcontraseñas?\b|\bsenhas?\b|\bmots?\s+de\s+passe\b|\bpassword\b|\bpassw[oö]rt\w*|\bkennw[oö]rt\w*|\bwachtwoord\w*|\bşifre\w*|\bпарол\w*|\bhasł\w*|\bkata\s+sandi\b|パスワード|密码|비밀번호"
        + @"|\bfrase\s+(?:semilla|semente|de\s+recupera\w*|di\s+recupero)|\bphrase\s+de\s+récupération|\bseed[\s-]?(?:phrase|zin|frase)\w*|\bwiederherstellungsphrase\b|\bherstelzin\b|\bkurtarma\s+ifade\w*|\bсид[\s-]?фраз\w*|\bфраз\w*\s+восстановлен\w*|助记词|シードフレーズ|복구\s*구문"
        + @"|APIキー|秘密鍵|API\s*密钥|密钥|私钥|API\s*키|개인\s*키|" + SecretFiles + ")";

    /// <summary>
    /// A hand-over of a secret in another language: the verb first and the secret a few words on ("envie sua chave de API",
    /// "Senden Sie Ihren API-Schlüssel"), or, where the language puts the verb last, the secret first and the verb ending
    /// the clause ("API anahtarınızı … adresine gönderin.", "APIキーを…に送信してください"). Where it goes is
    /// <see cref="LocalRecipient"/>; a clause that says not to is judged out (<see cref="JudgeLocalHandover"/>).
    /// </summary>
    [GeneratedRegex(LocalHandOver + @"[ \t]+(?:[\w'’~/.-]+[ \t]+){0,6}?" + LocalSecret
        + "|" + LocalSecret + @"\S*[ \t]+(?:\S+[ \t]+){0,8}?" + LocalHandOver + @"\w*(?:[ \t]+(?:sie|lütfen|please))?[ \t]*(?:[.!?。！,;:)]|$)"
        + "|" + LocalSecret + @"[^\n。！]{0,60}?(?:送信|送って|发送|发给|发到|上传|提交|보내|전송)", I | RegexOptions.Multiline)]
    private static partial Regex LocalSecretHandover();

    /// <summary>
    /// Every match of <see cref="LocalSecretHandover"/> holds one of these where a word starts: its verb. Whole enough
    /// not to start common English words ("mand" would start "mandatory" and end "command"), so English text seldom
    /// runs the pattern. A property: <see cref="All"/>, in another file, reads it while the class starts.
    /// </summary>
    internal static string[] LocalHandOverAnchors =>
    [
        "envie", "envia", "enviar", "envía", "envíe", "enviá", "mande", "manda ", "mandar", "mandá", "comparta", "comparte", "compartas", "compartes", "compartir", "compartilh",
        "partilh", "encaminh", "reenv", "envoy", "envoie", "partag", "transmet", "invia", "invii", "condivid", "inoltr", "trasmett", "senden", "sende ", "sendet",
        "schick", "übermittl", "übermittel", "weiterleit", "teilen", "teile", "stuur", "verstuur", "deel", "delen", "gönder", "paylaş", "ilet",
        "отправ", "пришл", "перешл", "переда", "подели", "wyślij", "prześlij", "udostępnij", "kirim", "bagikan",
        "送信", "送って", "共有", "发送", "发给", "发到", "分享", "提交", "上传", "보내", "전송", "공유",
    ];

    /// <summary>A text without any <see cref="LocalHandOverAnchors"/> hands nothing over in another language: its recipients are not looked for.</summary>
    private static Text.Needles? localHandOverNeedles;

    /// <summary>Whether a text holds a verb of <see cref="LocalHandOverAnchors"/> where a word starts: one with case outside ASCII as prose writes it (lower case, upper case, a capital first), as <see cref="AnchorIndex"/> looks for it.</summary>
    internal static bool MayHandOverLocally(string text) => (localHandOverNeedles ??= new(LocalHandOverAnchors.SelectMany(Forms))).ContainsAny(text);

    private static IEnumerable<Text.Needle> Forms(string anchor) =>
        Text.Needles.Supports(anchor, StringComparison.OrdinalIgnoreCase)
            ? [new(anchor, StringComparison.OrdinalIgnoreCase, WordStart: true)]
            : new[] { anchor, anchor.ToUpperInvariant(), char.ToUpperInvariant(anchor[0]) + anchor[1..] }.Distinct(StringComparer.Ordinal).Select(form => new Text.Needle(form, StringComparison.Ordinal, WordStart: true));

    [GeneratedRegex(LocalHandOver, I)]
    private static partial Regex LocalHandOverVerb();

    /// <summary>
    /// Where a hand-over in another language goes: a preposition ("para", "a", "an", "naar", "à", "на", "ke", "到") then, a
    /// few words on, an e-mail address, a chat handle or a web page; or the address with the case ending or particle that
    /// says "to" ("… adresine", "…に", "…로").
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:para|pra|a|à|al|ao|au|aux|an|naar|aan|nach|per|via|tramite|por|em|en|sur|auf|ad|alla|allo|na|do|на|в|до|ke|kepada)[ \t]+(?:[\w-]{1,40}:?[ \t]+){0,4}|(?:到|至|给)[ \t]*)[*_`]{0,2}(?:" + Address + @")"
        + @"|(?:" + Address + @")[*_`]{0,2}(?:'\w+)?[ \t]*(?:(?:adres|hesab|kanal|bot)\w*|に|へ|로|으로|에게)", I)]
    private static partial Regex LocalRecipient();

    /// <summary>An e-mail address, a chat handle or a web page, as <see cref="Recipient"/> names them.</summary>
    private const string Address = @"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b|@[a-z]\w{3,31}\b|https?://[^\s""'<>)\]`にへ로]+";

    /// <summary>A clause that says not to, in the languages of <see cref="LocalHandOver"/>; a Turkish negative imperative ("göndermeyin") too.</summary>
    [GeneratedRegex(@"\b(?:nunca|jamás|jamais|ne|n'|não|nao|non|mai|asla|hiçbir|nooit|niet|niemals|nie|nicht|kein\w*|никогда|не|ни|nigdy|jangan|tidak|sem|sin|senza|sans|ohne|zonder|без)\b|\bno[ \t]+(?:env|compart|mand|reenv)|\w(?:m[ae]y[ıi]n|m[ae]yiniz)\b|絶対に|しないで|ないで|不要|请勿|切勿|禁止|하지\s*마|마세요", I)]
    private static partial Regex LocalNegation();

    /// <summary>
    /// "Don't" in other languages, as a clause before a step says it ("Nie dodawaj wpisów `NOPASSWD`", "Never run …" in
    /// Spanish, German, French, Russian…); unlike <see cref="LocalNegation"/>, no "without" (that hides a step, it does not
    /// forbid it), and no word that English shares ("no", "non-interactive").
    /// </summary>
    [GeneratedRegex(@"\b(?:nunca|jamás|jamais|ne|não|nao|mai|asla|hiçbir|nooit|niet|niemals|nie|nicht|kein\w*|никогда|не|nigdy|jangan|tidak)\b|\bnon\b(?!-)|\w(?:m[ae]y[ıi]n|m[ae]yiniz)\b|絶対に|しないで|ないで|不要|请勿|切勿|禁止|하지\s*마|마세요", I)]
    private static partial Regex LocalProhibition();

    /// <summary>Whether a clause says "don't" in another language (<see cref="LocalProhibition"/>).</summary>
    internal static bool ProhibitsLocally(ReadOnlySpan<char> clause) => LocalProhibition().IsMatch(clause);

    /// <summary>A hand-over in another language counts unless its clause, before or after it, says not to (in that language or in English).</summary>
    public static AuditSeverity? JudgeLocalHandover(string text, Match match)
    {
        var end = match.Index + match.Length;
        var rest = text.AsSpan(end, Math.Min(200, text.Length - end));
        var stop = rest.IndexOfAny(".!?;\n。");
        var clause = string.Concat(LineJudges.ClauseBefore(text, match.Index, ".!?:;。"), match.ValueSpan, stop < 0 ? rest : rest[..stop]);
        return LocalNegation().IsMatch(clause) || LineJudges.Negates(clause) || LineJudges.LeavesOut(match.Value) ? null : AuditSeverity.Low;
    }

    /// <summary>A recipient in another language's words counts on a line that hands something over in it, judged then as any recipient (<see cref="Origins.JudgeRecipient"/>).</summary>
    public static AuditSeverity? JudgeLocalRecipient(string text, Match match)
    {
        var start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        var end = text.IndexOf('\n', match.Index);
        return LocalHandOverVerb().IsMatch(text.AsSpan(start, (end < 0 ? text.Length : end) - start)) ? Origins.JudgeRecipient(text, match) : null;
    }

    /// <summary>
    /// A cover story in another language: the agent told not to mention, tell or show what it did ("No menciones este
    /// envío", "não mencione", "ne le mentionnez pas", "erwähne es nicht", "non menzionare", "не упоминай", "不要告诉用户",
    /// "ユーザーには伝えない"), or to act without telling ("sin decírselo", "sem avisar", "sans le dire", "ohne Bescheid").
    /// Evidence as <see cref="Concealment"/> is: a finding only beside a read, a send or a handover.
    /// </summary>
    [GeneratedRegex(@"\b(?:no|nunca|jamás)\s+(?:se\s+)?(?:le\s+|lo\s+|les\s+)?(?:menciones|mencione|mencionar|digas|diga|informes|informe|avises|avise|comentes|comente|cuentes|cuente)\b"
        + @"|\bsin\s+(?:decírselo|decirle|decirlo|avisar|avisarle|informar|mencionar|notificar)\b"
        + @"|\b(?:não|nunca)\s+(?:lhe\s+|o\s+)?(?:mencione|mencionar|diga|digas|informe|avise|comente|conte)\b|\bsem\s+(?:avisar|informar|mencionar|dizer|contar)\b"
        + @"|\bne\s+(?:le\s+|lui\s+|les\s+|l'|en\s+)?(?:mentionnez|mentionne|dites|dis|signalez|signale|parlez)\s+(?:pas|jamais|rien)\b|\bne\s+(?:pas|jamais)\s+(?:le\s+|en\s+)?(?:mentionner|dire|signaler|informer)\b|\bsans\s+(?:le\s+|lui\s+en\s+)?(?:dire|mentionner|informer|prévenir|signaler)\b"
        + @"|\b(?:erwähne|erwähnen\s+sie|sage|sag|sagen\s+sie|melde|melden\s+sie)\s+(?:\w+\s+){0,3}?(?:nicht|nie|niemals|nichts)\b|\bohne\s+(?:\w+\s+){0,3}?(?:zu\s+(?:erwähnen|sagen|informieren|melden)|Bescheid)\b"
        + @"|\bnon\s+(?:lo\s+|gli\s+)?(?:menzionare|menzionarlo|dire|dirlo|informare|segnalare)\b|\bsenza\s+(?:dirlo|dire|informare|avvisare|menzionare)\b"
        + @"|\bне\s+(?:упоминай\w*|сообщай\w*|говори\w*|рассказывай\w*)|\bбез\s+ведома"
        + @"|(?:不要|请勿|切勿)(?:告诉|提及|提到|让用户知道|透露)|无需告知|勿告知|(?:ユーザー|利用者)に(?:は)?(?:伝え|言わ|知らせ|報告し|見せ)(?:ない|ず)|言わないで|사용자에게\s*(?:알리지|말하지|언급하지)", I)]
    private static partial Regex LocalConcealment();

    /// <summary>
    /// A cover story in another language counts unless what it keeps back is a secret's value ("no muestres la contraseña"),
    /// or it is a phrase quoted by itself as what not to write (“不要告诉用户”之类的指令).
    /// </summary>
    public static AuditSeverity? JudgeLocalConcealment(string text, Match match)
    {
        // A phrase wrapped in quotes by itself is named, not said: its closing quote within a dozen characters.
        var end0 = match.Index + match.Length;
        if (match.Index > 0 && text[match.Index - 1] is '"' or '“' or '「' or '『' or '«' or '`' or '\'' or '„'
            && text.AsSpan(end0, Math.Min(12, text.Length - end0)).IndexOfAny("\"”」』»`'“") >= 0)
        {
            return null;
        }

        var end = match.Index + match.Length;
        var rest = text.AsSpan(end, Math.Min(60, text.Length - end));
        var stop = rest.IndexOfAny(".!?;\n。");
        return LocalSecretValue().IsMatch(stop < 0 ? rest : rest[..stop]) ? null : AuditSeverity.Low;
    }

    [GeneratedRegex(@"contraseña|clave|token|senha|chave|mot\s+de\s+passe|passwort|kennwort|schlüssel|password|пароль|ключ|токен|密码|密钥|パスワード|トークン|비밀번호", I)]
    private static partial Regex LocalSecretValue();

    /// <summary>
    /// Files of private keys gathered by their kind, two or more on a line (<c>*.key</c>, <c>*.p12</c> o <c>*.pfx</c>):
    /// certificates with their private keys, Java and password-manager stores, PuTTY keys. Their own signal: TLS and
    /// backup guides name them beside an upload, so only a cover story beside them makes a theft. A line about what to
    /// leave out of a repository or a backup (ignore, commit, exclude, out of) names them to keep them in.
    /// </summary>
    [GeneratedRegex(@"\*\.(?:p12|pfx|key|jks|keystore|kdbx|ppk|pem)\b[^\n]{0,40}?\*\.(?:p12|pfx|key|jks|keystore|kdbx|ppk|pem|cer|crt)\b", I)]
    private static partial Regex KeyContainers();

    public static AuditSeverity? JudgeKeyContainers(string text, Match match)
    {
        var line = LineJudges.LineOf(text, match.Index);
        return KeptOut().IsMatch(line) ? null : LineJudges.JudgeNotNegated(text, match);
    }

    [GeneratedRegex(@"ignor\w*|\bcommit\w*|exclu\w*|\bout\s+of\b|\bnever\b|\bdon'?t\b|\bdo\s+not\b|\bnunca\b|\bnie\b|\bnicht\b", I)]
    private static partial Regex KeptOut();
}
