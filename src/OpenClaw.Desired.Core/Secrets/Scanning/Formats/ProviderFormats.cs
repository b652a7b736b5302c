using System.Buffers;

namespace OpenClaw.Desired.Secrets.Scanning.Formats;

/// <summary>
/// The anchored credential formats, one row each: anchor, kind, and the shape the provider documents or issues
/// (prefix, alphabet, length, fixed infixes). Patterns end at a boundary so a longer run is not cut to fit.
/// Formats with more structure than a row can say (Slack, Telegram, Discord, JWT, private keys) have detectors
/// of their own in <see cref="PrefixDetectors"/>.
/// </summary>
internal static class ProviderFormats
{
    private const string B62End = "(?![A-Za-z0-9])";
    private const string B64UEnd = "(?![A-Za-z0-9_-])";
    /// <summary>A DER SEQUENCE of under 128 bytes, in base64, that opens with a private key's version.</summary>
    private const string ShortDer = "M[C-H][A-Za-z0-9+/]CAQ(?:Aw|EE|Ew)[A-Za-z0-9+/]{52,160}={0,2}(?![A-Za-z0-9+/=])";

    private const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static readonly SearchValues<char> Alnum = Chars.Alnum;
    private static readonly SearchValues<char> Base64 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    private static readonly SearchValues<char> Base64Url = Chars.Base64Url;
    private static readonly SearchValues<char> LowerAlnum = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>A hash under a name that says "hash" is stored as one on purpose (a user table, an htpasswd-style config).</summary>
    private static readonly string[] HashFields = ["hash", "digest", "crypt"];

    public static IReadOnlyList<TokenFormat> All { get; } = Build();

    private static List<TokenFormat> Build()
    {
        var rows = new List<TokenFormat>
        {
            // AI providers.
            new("sk-ant-admin", "anthropic-admin-key", $"sk-ant-admin\\d\\d-[A-Za-z0-9_-]{{80,120}}{B64UEnd}"),
            new("sk-ant-oat", "anthropic-oauth-token", $"sk-ant-oat\\d\\d-[A-Za-z0-9_-]{{80,120}}{B64UEnd}"),
            new("sk-ant-ort", "anthropic-oauth-token", $"sk-ant-ort\\d\\d-[A-Za-z0-9_-]{{80,120}}{B64UEnd}"),
            new("sk-None-", SecretKinds.OpenAi, $"sk-None-[A-Za-z0-9_-]{{20,300}}{B64UEnd}"),
            new("sk_", "elevenlabs-api-key", $"sk_[a-f0-9]{{48}}{B62End}"),
            new("lsv2_", "langsmith-api-key", $"lsv2_(?:pt|sk)_[a-f0-9]{{32}}_[a-f0-9]{{10}}{B62End}"),
            new("ls__", "langsmith-api-key", $"ls__[a-f0-9]{{32}}{B62End}"),
            new("pcsk_", "pinecone-api-key", $"pcsk_[A-Za-z0-9]{{4,8}}_[A-Za-z0-9]{{40,90}}{B62End}"),
            new("tvly-", "tavily-api-key", $"tvly-(?:dev-|prod-)?[A-Za-z0-9]{{20,48}}{B62End}"),
            new("fc-", "firecrawl-api-key", $"fc-[a-f0-9]{{32}}{B62End}"),
            new("jina_", "jina-api-key", $"jina_[A-Za-z0-9]{{56,64}}{B62End}"),
            new("fw_", "fireworks-api-key", $"fw_[A-Za-z0-9]{{24}}{B62End}"),
            new("pa-", "voyage-api-key", $"pa-[A-Za-z0-9_-]{{43}}{B64UEnd}"),
            new("api_org_", SecretKinds.HuggingFace, $"api_org_[A-Za-z]{{34}}{B62End}"),
            new("ctx7sk-", "context7-api-key", $"ctx7sk-{Uuid}(?![A-Za-z0-9-])"),

            // Google, AWS.
            new("1//0", "google-oauth-refresh-token", $"1//0[A-Za-z0-9_-]{{40,512}}{B64UEnd}"),
            new("A3T", SecretKinds.AwsAccessKeyId, $"A3T[A-Z0-9][A-Z2-7]{{16}}{B62End}"),
            new("FwoGZXIvYXdz", "aws-session-token", "FwoGZXIvYXdz[A-Za-z0-9+/]{100,2000}={0,2}"),
            new("IQoJb3JpZ2lu", "aws-session-token", "IQoJb3JpZ2lu[A-Za-z0-9+/]{100,2000}={0,2}"),
            new("ABSKQmVkcm9ja0FQSUtleS", "aws-bedrock-api-key", "ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,400}={0,2}"),
            new("bedrock-api-key-", "aws-bedrock-api-key", "bedrock-api-key-[A-Za-z0-9+/]{40,2000}={0,2}"),
            new("amzn.mws.", "amazon-mws-token", $"amzn\\.mws\\.{Uuid}"),
            new("da2-", "aws-appsync-key", $"da2-[a-z0-9]{{26}}{B62End}"),

            // Azure: identifiable keys carry a signature at a fixed place; the common annotated format (84
            // characters) carries "JQQJ9" after 52 and the issuing service's code after 76.
            new("JQQJ9", "azure-identifiable-key", $"[A-Za-z0-9]{{52}}JQQJ9[A-Za-z0-9]{{2}}[A-L][A-Za-z0-9]{{16}}[A-Za-z][A-Za-z0-9]{{7}}(?:[A-Za-z0-9]{{2}}==)?{B62End}")
                { StartsBefore = Alnum, KindOf = AnnotatedKind },
            new("+ASt", SecretKinds.AzureStorageKey, "[A-Za-z0-9/+]{76}\\+ASt[A-Za-z0-9/+]{5}[AQgw]==") { StartsBefore = Base64 },
            new("ACDb", "azure-cosmosdb-key", "[A-Za-z0-9/+]{76}ACDb[A-Za-z0-9/+]{5}[AQgw]==") { StartsBefore = Base64 },
            new("APIM", "azure-apim-key", "[A-Za-z0-9/+]{76}APIM[A-Za-z0-9/+]{5}[AQgw]==") { StartsBefore = Base64 },
            new("AzFu", "azure-function-key", "[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==") { StartsBefore = Base64Url },
            new("AzSe", "azure-search-key", $"[A-Za-z0-9]{{42}}AzSe[A-D][A-Za-z0-9]{{5}}{B62End}") { StartsBefore = Alnum },
            new("+ACR", "azure-container-registry-key", "[A-Za-z0-9/+]{42}\\+ACR[A-D][A-Za-z0-9/+]{5}(?![A-Za-z0-9/+])") { StartsBefore = Base64 },
            new("AzCa", "azure-cache-key", "[A-Za-z0-9]{33}AzCa[A-P][A-Za-z0-9]{5}=") { StartsBefore = Alnum },
            new("AZEG", "azure-event-grid-key", "[A-Za-z0-9]{33}AZEG[A-P][A-Za-z0-9]{5}=") { StartsBefore = Alnum },
            new("+ASb", "azure-messaging-key", "[A-Za-z0-9/+]{33}\\+ASb[A-P][A-Za-z0-9/+]{5}=") { StartsBefore = Base64 },
            new("+AEh", "azure-messaging-key", "[A-Za-z0-9/+]{33}\\+AEh[A-P][A-Za-z0-9/+]{5}=") { StartsBefore = Base64 },
            new("+ARm", "azure-messaging-key", "[A-Za-z0-9/+]{33}\\+ARm[A-P][A-Za-z0-9/+]{5}=") { StartsBefore = Base64 },
            new("AIoT", "azure-messaging-key", "[A-Za-z0-9/+]{33}\\+?AIoT[A-P][A-Za-z0-9/+]{5}=") { StartsBefore = Base64 },
            new("sig=", "azure-sas-token", "sig=[A-Za-z0-9%+/=]{40,120}") { SkipAnchor = true, Glued = true, LineWords = ["sv=20"] },
            new(";Secret=", "azure-app-config-secret", ";Secret=[A-Za-z0-9+/]{40,50}={0,2}") { SkipAnchor = true, Glued = true, LineWords = ["azconfig.io"] },

            // Other clouds and infrastructure.
            new("v1.0-", "cloudflare-origin-ca-key", $"v1\\.0-[a-f0-9]{{24}}-[a-f0-9]{{146}}{B62End}"),
            new("doo_v1_", "digitalocean-token", $"doo_v1_[a-f0-9]{{64}}{B62End}"),
            new("dop_v1_", "digitalocean-token", $"dop_v1_[a-f0-9]{{64}}{B62End}"),
            new("dor_v1_", "digitalocean-token", $"dor_v1_[a-f0-9]{{64}}{B62End}"),
            new("HRKU-", "heroku-api-key", $"HRKU-[A-Za-z0-9_-]{{58,64}}{B64UEnd}"),
            new("dapi", "databricks-token", $"dapi[a-f0-9]{{32}}(?:-\\d)?{B62End}"),
            new("hvs.", "vault-token", $"hvs\\.[A-Za-z0-9_-]{{24,300}}{B64UEnd}"),
            new("hvb.", "vault-token", $"hvb\\.[A-Za-z0-9_-]{{24,300}}{B64UEnd}"),
            new("hvr.", "vault-token", $"hvr\\.[A-Za-z0-9_-]{{24,300}}{B64UEnd}"),
            new(".atlasv1.", "terraform-token", $"[a-z0-9]{{14}}\\.atlasv1\\.[A-Za-z0-9_=-]{{60,70}}{B64UEnd}") { StartsBefore = LowerAlnum },
            new("dp.", "doppler-token", $"dp\\.(?:ct|pt|sa|scim|audit|st(?:\\.[a-z0-9_-]{{2,35}})?)\\.[A-Za-z0-9]{{40,44}}{B62End}"),
            new("dt0c01.", "dynatrace-token", $"dt0c01\\.[A-Z0-9]{{24}}\\.[A-Z0-9]{{64}}{B62End}"),
            new("glc_", "grafana-token", "glc_[A-Za-z0-9+/]{32,400}={0,2}"),
            new("glsa_", "grafana-token", $"glsa_[A-Za-z0-9]{{32}}_[A-Fa-f0-9]{{8}}{B62End}"),
            new("eyJrIjoi", "grafana-token", "eyJrIjoi[A-Za-z0-9+/]{50,100}={0,2}"),
            new("thingsboard.cloud/api/v1/", "thingsboard-token", $"thingsboard\\.cloud/api/v1/[a-z0-9]{{20}}{B62End}") { SkipAnchor = true, Glued = true },

            // Code hosting, packages, CI.
            new("GR1348941", "gitlab-runner-token", $"GR1348941[A-Za-z0-9_-]{{20}}{B64UEnd}"),
            new("pypi-AgEIcHlwaS5vcmc", "pypi-token", $"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{{50,500}}{B64UEnd}"),
            new("pypi-AgENdGVzdC5weXBpLm9yZw", "pypi-token", $"pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{{50,500}}{B64UEnd}"),
            new("rubygems_", "rubygems-api-key", $"rubygems_[a-f0-9]{{48}}{B62End}"),
            new("oy2", "nuget-api-key", $"oy2[a-z0-9]{{43}}{B62End}"),
            new("cio", "crates-io-token", $"cio[A-Za-z0-9]{{32}}{B62End}"),
            new("dckr_pat_", "dockerhub-token", $"dckr_pat_[A-Za-z0-9_-]{{27,32}}{B64UEnd}"),
            new("dckr_oat_", "dockerhub-token", $"dckr_oat_[A-Za-z0-9_-]{{27,32}}{B64UEnd}"),
            new("AKCp", "artifactory-token", $"AKCp[A-Za-z0-9]{{69}}{B62End}"),
            new("cmVmdGtu", "artifactory-token", $"cmVmdGtu[A-Za-z0-9]{{56}}{B62End}"),
            new("ATATT3", "atlassian-api-token", "ATATT3[A-Za-z0-9_=-]{150,250}(?![A-Za-z0-9_=-])"),
            new("ATBB", "bitbucket-app-password", "ATBB[A-Za-z0-9_=.-]{32,40}(?![A-Za-z0-9_=.-])"),
            new("sgp_", "sourcegraph-token", $"sgp_(?:local_|[a-f0-9]{{16}}_)?[a-f0-9]{{40}}{B62End}"),
            new("sgp_", "segment-token", $"sgp_[A-Za-z0-9]{{64}}{B62End}"),
            new("odt_", "dependency-track-key", $"odt_[A-Za-z0-9]{{32,40}}{B62End}"),
            new("eyJ0eXAiOiAiVENWMiJ9", "teamcity-token", $"eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_-]{{30,40}}\\.[A-Za-z0-9_-]{{40,60}}{B64UEnd}"),
            new("sntrys_", "sentry-token", "sntrys_eyJ[A-Za-z0-9+/_=-]{60,400}"),
            new("sntryu_", "sentry-token", $"sntryu_[a-f0-9]{{64}}{B62End}"),
            new("squ_", "sonarqube-token", $"squ_[a-f0-9]{{40}}{B62End}"),
            new("sqp_", "sonarqube-token", $"sqp_[a-f0-9]{{40}}{B62End}"),
            new("sqa_", "sonarqube-token", $"sqa_[a-f0-9]{{40}}{B62End}"),
            new("PMAK-", "postman-api-key", $"PMAK-[a-f0-9]{{24}}-[a-f0-9]{{34}}{B62End}"),
            new("hawk.", "stackhawk-api-key", $"hawk\\.[A-Za-z0-9_-]{{20}}\\.[A-Za-z0-9_-]{{20}}{B64UEnd}"),

            // Messaging, payments, SaaS.
            new("discord.com/api/webhooks/", "discord-webhook", $"discord\\.com/api/webhooks/\\d{{17,20}}/[A-Za-z0-9_-]{{60,70}}{B64UEnd}") { Glued = true, ValueAfterLast = '/' },
            new("discordapp.com/api/webhooks/", "discord-webhook", $"discordapp\\.com/api/webhooks/\\d{{17,20}}/[A-Za-z0-9_-]{{60,70}}{B64UEnd}") { Glued = true, ValueAfterLast = '/' },
            new("/IncomingWebhook/", "msteams-webhook", $"/IncomingWebhook/[a-f0-9]{{32}}/{Uuid}") { SkipAnchor = true, Glued = true, LineWords = ["office.com"] },
            new("hooks.slack.com/workflows/", SecretKinds.SlackWebhook, "hooks\\.slack\\.com/workflows/[A-Za-z0-9/]{30,120}") { SkipAnchor = true, Glued = true },
            new("hooks.slack.com/triggers/", SecretKinds.SlackWebhook, "hooks\\.slack\\.com/triggers/[A-Za-z0-9/]{30,120}") { SkipAnchor = true, Glued = true },
            new("xoxe.xox", "slack-refresh-token", "xoxe\\.xox[bp]-1-[A-Za-z0-9-]{60,250}"),
            new("xoxe-1-", "slack-refresh-token", "xoxe-1-[A-Za-z0-9-]{60,250}"),
            new("sk_test_", SecretKinds.Stripe, $"sk_test_[A-Za-z0-9]{{20,247}}{B62End}"),
            new("rk_test_", SecretKinds.Stripe, $"rk_test_[A-Za-z0-9]{{20,247}}{B62End}"),
            new("whsec_", "stripe-webhook-secret", "whsec_[A-Za-z0-9+/]{32,88}={0,2}"),
            new("shpat_", "shopify-token", $"shpat_[a-fA-F0-9]{{32}}{B62End}"),
            new("shpss_", "shopify-token", $"shpss_[a-fA-F0-9]{{32}}{B62End}"),
            new("shpca_", "shopify-token", $"shpca_[a-fA-F0-9]{{32}}{B62End}"),
            new("shppa_", "shopify-token", $"shppa_[a-fA-F0-9]{{32}}{B62End}"),
            new("sq0atp-", "square-token", $"sq0atp-[A-Za-z0-9_-]{{22}}{B64UEnd}"),
            new("sq0csp-", "square-token", $"sq0csp-[A-Za-z0-9_-]{{43}}{B64UEnd}"),
            new("EAAA", "square-token", $"EAAA[A-Za-z0-9_-]{{60}}{B64UEnd}"),
            new("EAA", "facebook-access-token", $"EAA[A-Za-z0-9]{{90,400}}{B62End}"),
            new("secret_", "notion-token", $"secret_[A-Za-z0-9]{{43}}{B62End}"),
            new("ntn_", "notion-token", $"ntn_[A-Za-z0-9]{{40,50}}{B62End}"),
            new("lin_api_", "linear-api-key", $"lin_api_[A-Za-z0-9]{{40}}{B62End}"),
            new("pat", "airtable-token", $"pat[A-Za-z0-9]{{14}}\\.[a-f0-9]{{64}}{B62End}"),
            new("figd_", "figma-token", $"figd_[A-Za-z0-9_-]{{40}}{B64UEnd}"),
            new("sbp_", "supabase-token", $"sbp_(?:v0_)?[a-f0-9]{{40}}{B62End}"),
            new("sb_secret_", "supabase-token", $"sb_secret_[A-Za-z0-9_-]{{20,60}}{B64UEnd}"),
            new("sl.", "dropbox-token", $"sl\\.(?:u\\.)?[A-Za-z0-9_-]{{130,1400}}{B64UEnd}"),
            new("key-", "mailgun-api-key", $"key-[a-f0-9]{{32}}{B62End}"),
            new("-us", "mailchimp-api-key", $"[a-f0-9]{{32}}-us\\d{{1,2}}{B62End}") { StartsBefore = LowerAlnum },
            new("sk.eyJ", "mapbox-token", $"sk\\.eyJ[A-Za-z0-9_-]{{20,300}}\\.[A-Za-z0-9_-]{{20,30}}{B64UEnd}"),
            new("tk.eyJ", "mapbox-token", $"tk\\.eyJ[A-Za-z0-9_-]{{20,300}}\\.[A-Za-z0-9_-]{{20,30}}{B64UEnd}"),
            new("NRAK-", "newrelic-key", $"NRAK-[A-Z0-9]{{27}}{B62End}"),
            new("NRAA-", "newrelic-key", $"NRAA-[a-f0-9]{{27}}{B62End}"),
            new("NRII-", "newrelic-key", $"NRII-[A-Za-z0-9_-]{{32}}{B64UEnd}"),
            new("NRIQ-", "newrelic-key", $"NRIQ-[A-Za-z0-9_-]{{32}}{B64UEnd}"),
            new("NRRA-", "newrelic-key", $"NRRA-[a-f0-9]{{42}}{B62End}"),
            new("NRJS-", "newrelic-key", $"NRJS-[a-f0-9]{{19}}{B62End}"),
            new("NRAL", "newrelic-key", $"[a-z0-9]{{36}}NRAL{B62End}") { StartsBefore = LowerAlnum },
            new("px-api-", "newrelic-key", $"px-api-{Uuid}{B62End}"),
            new("px-dep-", "newrelic-key", $"px-dep-{Uuid}{B62End}"),
            new("00D", "salesforce-access-token", "00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,120}(?![A-Za-z0-9._])"),
            new("live_", "twitch-stream-key", $"live_\\d{{6,12}}_[A-Za-z0-9]{{30}}{B62End}"),
            new("aio_", "adafruit-io-key", $"aio_[A-Za-z0-9]{{28}}{B62End}"),
            new("p8e-", "adobe-client-secret", $"p8e-[A-Za-z0-9_-]{{32}}{B64UEnd}"),

            // Keys, passwords, hashes.
            new("AGE-SECRET-KEY-1", "age-secret-key", $"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{{58}}{B62End}") { Checksum = Checksums.Bech32 },
            new("django-insecure-", "django-secret-key", "django-insecure-[^\\s'\"`\\\\]{40,60}"),
            new("MII", SecretKinds.PrivateKey, "MII[A-Za-z0-9+/]{100,12000}={0,2}(?![A-Za-z0-9+/=])") { Valid = Structure.IsDerPrivateKey, ValidIsIssued = true },

            // Shorter bare DER keys (EC, Ed25519, X25519): a SEQUENCE of 128-255 bytes opens MIG or MIH; a shorter one
            // opens M, one character of its length and C, then the version and what follows it (AQAw, AQEE, AQEw).
            new("MIG", SecretKinds.PrivateKey, "MIG[A-Za-z0-9+/]{160,260}={0,2}(?![A-Za-z0-9+/=])") { Valid = Structure.IsShortDerPrivateKey, ValidIsIssued = true },
            new("MIH", SecretKinds.PrivateKey, "MIH[A-Za-z0-9+/]{240,344}={0,2}(?![A-Za-z0-9+/=])") { Valid = Structure.IsShortDerPrivateKey, ValidIsIssued = true },
            new("CAQAw", SecretKinds.PrivateKey, ShortDer) { StartsBefore = Base64, Valid = Structure.IsShortDerPrivateKey, ValidIsIssued = true },
            new("CAQEE", SecretKinds.PrivateKey, ShortDer) { StartsBefore = Base64, Valid = Structure.IsShortDerPrivateKey, ValidIsIssued = true },
            new("CAQEw", SecretKinds.PrivateKey, ShortDer) { StartsBefore = Base64, Valid = Structure.IsShortDerPrivateKey, ValidIsIssued = true },
            new("LS0tLS1CRUdJTi", SecretKinds.PrivateKey, "LS0tLS1CRUdJTi[A-Za-z0-9+/]{100,20000}={0,2}") { Valid = Structure.IsBase64PrivateKey },
            new("Basic ", "http-basic-auth", "Basic [A-Za-z0-9+/]{8,200}={0,2}(?![A-Za-z0-9+/=])") { SkipAnchor = true, LineWords = ["authorization"], Valid = Structure.IsBasicCredentials },
            new("$1$", "password-hash", "\\$1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}(?![./A-Za-z0-9])") { NotAfter = HashFields },
            new("$5$", "password-hash", "\\$5\\$(?:rounds=\\d{4,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{43}(?![./A-Za-z0-9])") { NotAfter = HashFields },
            new("$6$", "password-hash", "\\$6\\$(?:rounds=\\d{4,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{86}(?![./A-Za-z0-9])") { NotAfter = HashFields },
            new("$8$", "password-hash", "\\$8\\$[./A-Za-z0-9]{14}\\$[./A-Za-z0-9]{43}(?![./A-Za-z0-9])") { NotAfter = HashFields },
            new("$krb5asrep$", "password-hash", "\\$krb5asrep\\$23\\$(?:[^$:\\s]{1,200}:)?[a-f0-9]{32}\\$[a-f0-9]{64,8192}") { NotAfter = HashFields },
            new("$argon2", "password-hash", "\\$argon2(?:id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]{11,64}\\$[A-Za-z0-9+/]{16,128}") { NotAfter = HashFields },
        };

        foreach (var prefix in new[] { "ghp_", "ghu_", "ghs_", "ghr_", "gho_" })
        {
            var kind = prefix == "gho_" ? SecretKinds.GitHubOAuth : SecretKinds.GitHub;
            rows.Add(new(prefix, kind, $"{prefix}[A-Za-z0-9]{{30,255}}{B62End}") { Checksum = Checksums.Crc32Base62Tail });
        }

        foreach (var prefix in new[] { "$2a$", "$2b$", "$2y$" })
        {
            rows.Add(new(prefix, "password-hash", "\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}(?![./A-Za-z0-9])") { NotAfter = HashFields });
        }

        foreach (var prefix in new[] { "glpat-", "gloas-", "gldt-", "glrt-", "glrtr-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-" })
        {
            rows.Add(new(prefix, SecretKinds.GitLab, $"{prefix}[A-Za-z0-9_-]{{20,300}}(?:\\.[A-Za-z0-9_-]{{2,300}}){{0,3}}{B64UEnd}"));
        }

        foreach (var prefix in new[] { "AKIA", "ASIA", "ABIA", "ACCA" })
        {
            rows.Add(new(prefix, SecretKinds.AwsAccessKeyId, $"{prefix}[A-Z2-7]{{16}}{B62End}"));
        }

        return rows;
    }

    /// <summary>The service code a common annotated key carries after its 76th character.</summary>
    private static string AnnotatedKind(ReadOnlySpan<char> value) => value.Length < 80 ? "azure-identifiable-key" : value[76..80] switch
    {
        "AZDO" => "azure-devops-pat",
        "ACOG" or "AOAI" => "azure-openai-key",
        _ => "azure-identifiable-key",
    };
}
