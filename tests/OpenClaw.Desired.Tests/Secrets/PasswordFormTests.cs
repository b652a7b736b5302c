using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>
/// Generic password and key assignments, judged by the value's shape: every way a value is given to a name on an
/// agent host, and what is not a value (a reference, a code expression, a word that configures).
/// </summary>
public sealed class PasswordFormTests
{
    [Theory]
    [InlineData("smtp_password: Wq8!vLr2pZ", "Wq8!vLr2pZ")]
    [InlineData("DB_PASSWORD=lantern42maple", "lantern42maple")]
    [InlineData("\"password\": \"Trellis-Nimbus7\"", "Trellis-Nimbus7")]
    [InlineData(":password => 'kestrel9x'", "kestrel9x")]
    [InlineData("my_password := \"q7Wv!fennel\"", "q7Wv!fennel")]
    [InlineData("if password == \"quokka77\" {", "quokka77")]
    [InlineData("if creds.Secret != 'mossy-otter' {", "mossy-otter")]
    [InlineData("<add key=\"MailPassword\" value=\"Harbor#2291\"/>", "Harbor#2291")]
    [InlineData("<password>Fj3k!tRzq</password>", "Fj3k!tRzq")]
    [InlineData("Connect-VIServer vc.lab -User admin -Password Orchid5!", "Orchid5!")]
    [InlineData("mytool --password 'Zephyr-9921' --verbose", "Zephyr-9921")]
    [InlineData("machine api.example.org login dana password 9fj3kslq2", "9fj3kslq2")]
    [InlineData("credentials {\n  username 'dana'\n  password 'Velvet7Ember'\n}", "Velvet7Ember")]
    [InlineData("The wifi password is 'lantern7maple'.", "lantern7maple")]
    [InlineData("the password for user 'backup' is \"Quartz88\"", "Quartz88")]
    [InlineData("wifi_password: lantern maple quartz pepper", "lantern maple quartz pepper")]
    [InlineData("REACT_APP_AUTH_PASSWORD=whiteduke", "whiteduke")]
    [InlineData("psexec \\\\host -u Administrator -p Tundra42x cmd", "Tundra42x")]
    [InlineData("mysql -u root -pPlover88 shop", "Plover88")]
    [InlineData("curl -u dana:Sp1ndle44 https://api.example.org/", "Sp1ndle44")]
    [InlineData("var c = new NetworkCredential(\"dana\", \"Kettle9Moss\");", "Kettle9Moss")]
    [InlineData("$p = ConvertTo-SecureString \"Pebble7Rain\" -AsPlainText -Force", "Pebble7Rain")]
    [InlineData("- Dana's weather service key is 8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e, do not share it.", "8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e")]
    [InlineData("jwtsecret: \"7`D'}/vYR)T;W5]EBrf;_&k>qX??]G&3CF\"", "7`D'}/vYR)T;W5]EBrf;_&k>qX??]G&3CF")]
    [InlineData("token-secret: f395accd245ae53d", "f395accd245ae53d")]
    [InlineData("os.environ.setdefault(\"WEATHER_API_KEY\", \"9f3b2c71d0e84a56b7c1e2f3a4d5c6b7\")", "9f3b2c71d0e84a56b7c1e2f3a4d5c6b7")]
    [InlineData("setenv(\"SERVICE_TOKEN\", \"Zk4qT9vX2mLp8RwN3sYb7HcJ\", 1);", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("headers.put(\"X-Api-Key\", \"q8Wm2Lx9Tz4Vb7Nc3Rk6Hp1D\");", "q8Wm2Lx9Tz4Vb7Nc3Rk6Hp1D")]
    [InlineData("buildConfigField 'String', 'MAPS_API_KEY', '\"4c1e9a7f2b8d3e6a0f5c9b2d7e1a4f8c\"'", "4c1e9a7f2b8d3e6a0f5c9b2d7e1a4f8c")]
    [InlineData("config.set('db_password', 'R7u!pQ2x#Lm9')", "R7u!pQ2x#Lm9")]
    [InlineData("DB_PASSWORD=Sup3rS3cret2024", "Sup3rS3cret2024")]
    [InlineData("openclaw config set gateway.auth.token cec255404e4fb440034d6608697a8d41bed440e50454f31a", "cec255404e4fb440034d6608697a8d41bed440e50454f31a")]
    [InlineData("curl -H \"Authorization: Token 3f9a6c1e8b7d2a4f0c5e9b1d7a3f6c2e8b4d0a9f\" https://api.example.org/v1/listen", "3f9a6c1e8b7d2a4f0c5e9b1d7a3f6c2e8b4d0a9f")]
    public void Scan_PasswordOrKeyGivenToAName_IsFound(string text, string value)
    {
        var matches = SecretScanner.Scan(text);

        Assert.Contains(matches, m => text.Substring(m.Start, m.Length) == value);
    }

    [Theory]
    [InlineData("password = getpass()")]
    [InlineData("label = t(\"password\", \"Passwort\")")]
    [InlineData("key = os.getenv(\"OPENAI_API_KEY\", \"your-key-here\")")]
    [InlineData("fields = [\"api_key\", \"session_token\", \"refresh_token\"]")]
    [InlineData("form.add(\"password\", \"Password\");")]
    [InlineData("value = config.get(\"api_key\", \"default\")")]
    [InlineData("x = i18n(\"reset_password\", \"Reset your password\")")]
    [InlineData("os.environ.get(\"GITHUB_TOKEN\", \"\")")]
    [InlineData("columns = [\"token\", \"token_hash_sha256\", \"secret\", \"secret_ciphertext_b64\"]")]
    [InlineData("['secret', 'client_secret_2fa', 'api_key', 'webhookSigningSecretV1']")]
    [InlineData("emitter.on(\"token\", \"onTokenRefreshV2\");")]
    [InlineData("logger.info(\"token\", \"refresh_token_expired_v2\")")]
    [InlineData("metrics.increment(\"api_key\", \"auth.apikey.v1.invalid\")")]
    [InlineData("msg(\"password\", \"Contraseña1\")")]
    [InlineData("password = request.form[\"password\"]")]
    [InlineData("PASSWORD=$($(dirname $0)/get-setting DB_PASSWORD)")]
    [InlineData("export PGPASSWORD=\"$db_password\"")]
    [InlineData("text << \"Password=#{password}, \"")]
    [InlineData("passwordLabel: \"Password:\", rememberMeLabel: \"Remember me:\"")]
    [InlineData("this.addPassword = \"#add-password\";")]
    [InlineData("IAMUserChangePassword = \"arn:aws:iam::aws:policy/IAMUserChangePassword\"")]
    [InlineData("password: required")]
    [InlineData("password_strategy: bcrypt")]
    [InlineData("\"password\": \"string\"")]
    [InlineData("SMTP_PASSWORD=hunter")]
    [InlineData("wifi_password: see the vault")]
    [InlineData("password: not set")]
    [InlineData("DB_PASSWORD=changeme")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("password: <your-password>")]
    [InlineData("Password=thisismypassword")]
    [InlineData("psexec \\\\host -u Administrator -p $Password cmd")]
    [InlineData("curl -u ${USER}:${TOKEN} https://api.example.org/")]
    [InlineData("The key is important, keep the answers short.")]
    [InlineData("the token is valid until tomorrow")]
    [InlineData("max_tokens: 4096")]
    public void Scan_NotAPasswordValue_FindsNothing(string text) =>
        Assert.Empty(SecretScanner.Scan(text));

    [Theory]
    [InlineData("DB_PASSWORD=Wq8!vLr2pZ", SecretKinds.Password)]
    [InlineData("webhook_secret: 8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e", SecretKinds.Generic)]
    [InlineData("AWS_SECRET_ACCESS_KEY=Q7x9Lm2Kp4Rt8Wz3Vb6Nc1Yh5Jd0Sa2EfG4kT9mZ", SecretKinds.AwsSecretKey)]
    public void Scan_Assignment_KindFollowsTheName(string text, string kind) =>
        Assert.Equal(kind, Assert.Single(SecretScanner.Scan(text)).Kind);
}
