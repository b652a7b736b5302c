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
    private const string LocalPassword = @"contraseña|clave|senha|пароль|passwort|kennwort|mot\s+de\s+passe|パスワード|비밀번호|암호|şifre\w*|parola\s+d'ordine|hasł[oa]|wachtwoord|kata\s+sandi";

    private const string ArchiveWords = @"zip|7z|rar|archiv\w*|arquivo\w*|fichier\w*|datei\w*|dosya\w*|plik\w*|архив\w*|アーカイブ|압축|解压|压缩";

    /// <summary>"Unpack" in other languages ("Entpacke es mit dem Passwort …", "descomprímelo con la contraseña …").</summary>
    private const string LocalUnpack = @"\bentpack\w*|\bdekomprimier\w*|\bdescompr[ií]m\w*|\bdescompact\w*|\bextra(?:e|ia|iga|ir|er|yez|ire|ete)\b|\bdécompress\w*|\bdézipp\w*|\bdezip\w*|распак\w*|разархив\w*|解凍|展開|\brozpak\w*|\bestrai\w*|\bdecomprimi\w*|\buitpak\w*|\bgiải\s+nén|فك\s+(?:ال)?ضغط|\bçıkar\w*|\baç(?:ın|ıp)\b|अनज़िप|एक्सट्रैक्ट";

    /// <summary>Run instructions in other languages, apart so that English text (nearly all) never pays for them.</summary>
    [GeneratedRegex(@"(?:" + LocalRun + @")[^\n]{0,60}?(?:" + LocalRunObject + @")|(?:" + LocalRunObject + @")[^\n]{0,60}?(?:" + LocalRun + @"|\baus\b)|\babr[ae]\s+(?:el|la|o|a)\s+\S+\.(?:exe|app)\b|откройте\s+\S+\.(?:exe|app)", I)]
    private static partial Regex LocalRunInstruction();
}
