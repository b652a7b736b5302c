using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>
/// Secrets written on a command's line rather than in a config: environment assignments in front of the command (shell
/// scripts, Dockerfile RUN lines, Makefile recipes, cron lines, systemd units, README code blocks), and values fed on
/// standard input to a login. A reference, a command substitution or a placeholder there is not a value.
/// </summary>
public sealed class CommandLineSecretTests
{
    [Theory]
    [InlineData("API_KEY=Zk4qT9vX2mLp8RwN3sYb7HcJ node bot.js", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("DB_PASSWORD=lantern42maple npm start", "lantern42maple")]
    [InlineData("PGPASSWORD=Tundra42x psql -h db -U app", "Tundra42x")]
    [InlineData("PGPASSWORD='Tundra42x' psql -h db -U app", "Tundra42x")]
    [InlineData("AWS_SECRET_ACCESS_KEY=kT3vQ9wLm2Xz7Rb4NcY8pKd6Hf1Js5aE0gUiOoPq AWS_REGION=eu-west-1 aws s3 ls", "kT3vQ9wLm2Xz7Rb4NcY8pKd6Hf1Js5aE0gUiOoPq")]
    [InlineData("env GITHUB_TOKEN=Zk4qT9vX2mLp8RwN3sYb7HcJ gh repo list", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("sudo -E OPENAI_API_KEY=Zk4qT9vX2mLp8RwN3sYb7HcJ ./run", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("sudo -u postgres PGPASSWORD=orchard psql -c 'select 1'", "orchard")]
    [InlineData("RUN DB_PASSWORD=orchard ./migrate.sh", "orchard")]
    [InlineData("deploy:\n\tSECRET_KEY=Zk4qT9vX2mLp8RwN3sYb7HcJ python manage.py migrate", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("*/5 * * * * DB_PASSWORD=orchard /opt/backup/run.sh", "orchard")]
    [InlineData("0 3 * * * root SMTP_PASSWORD=orchard /usr/local/bin/report", "orchard")]
    [InlineData("Environment=DB_PASSWORD=orchard", "orchard")]
    [InlineData("Environment=\"DB_PASSWORD=orchard\"", "orchard")]
    [InlineData("cd /srv/app && DB_PASSWORD=orchard npm start", "orchard")]
    [InlineData("```sh\n$ BOT_TOKEN=Zk4qT9vX2mLp8RwN3sYb7HcJ node bot.js\n```", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("Run `DB_PASSWORD=orchard npm start` once.", "orchard")]
    [InlineData("[smtp]\npassword=open sesame", "open sesame")]
    [InlineData("DB_PASSWORD ?= Tundra42xQ\n\nmigrate:\n\t./migrate.sh", "Tundra42xQ")]
    [InlineData("EXTRA_TOKEN += Zk4qT9vX2mLp8RwN3sYb7HcJ", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("docker run -d -e POSTGRES_PASSWORD=Tundra42x postgres:16", "Tundra42x")]
    [InlineData("docker run --rm --env OPENAI_API_KEY=Zk4qT9vX2mLp8RwN3sYb7HcJ -p 8080:8080 app", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("podman run --env=DB_PASSWORD=orchard -v data:/data app", "orchard")]
    [InlineData("sudo docker compose run -e API_TOKEN=Zk4qT9vX2mLp8RwN3sYb7HcJ worker", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    public void Scan_AssignmentBeforeACommand_FindsTheValue(string text, string value)
    {
        var matches = SecretScanner.Scan(text);

        Assert.Contains(matches, m => text.Substring(m.Start, m.Length) == value);
    }

    [Fact]
    public void Scan_AwsSecretBeforeACommand_IsAnAwsSecretKey()
    {
        var text = "AWS_SECRET_ACCESS_KEY=kT3vQ9wLm2Xz7Rb4NcY8pKd6Hf1Js5aE0gUiOoPq aws s3 ls";

        Assert.Equal(SecretKinds.AwsSecretKey, Assert.Single(SecretScanner.Scan(text)).Kind);
    }

    [Theory]
    [InlineData("API_KEY=$API_KEY node bot.js")]
    [InlineData("API_KEY=${API_KEY} node bot.js")]
    [InlineData("API_KEY=\"$(cat /run/secrets/key)\" node bot.js")]
    [InlineData("API_KEY=$(cat /run/secrets/key) node bot.js")]
    [InlineData("API_KEY=`cat /run/secrets/key` node bot.js")]
    [InlineData("API_KEY=your-key-here node bot.js")]
    [InlineData("API_KEY=<token> node bot.js")]
    [InlineData("API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx node bot.js")]
    [InlineData("PGPASSWORD=$PGPASSWORD psql -h db")]
    [InlineData("sudo PGPASSWORD=\"$DB_PASS\" psql -h db")]
    [InlineData("set API_KEY=%API_KEY% && node bot.js")]
    [InlineData("DB_PASSWORD=changeme npm start")]
    [InlineData("env PASSWORD_FILE=/run/secrets/db ./run")]
    [InlineData("password=db_pass if use_db else None")]
    [InlineData("token=next_token or default_token")]
    [InlineData("result = login(password=user_pw, remember=True)")]
    [InlineData("    password=hashed_pw and check(hashed_pw)")]
    [InlineData("    password=pw_hash, user=name)")]
    [InlineData("DB_PASSWORD ?= $(shell cat /run/secrets/db)")]
    [InlineData("token += next_chunk")]
    [InlineData("docker run -e POSTGRES_PASSWORD=$POSTGRES_PASSWORD postgres:16")]
    [InlineData("docker run -e POSTGRES_PASSWORD postgres:16")]
    [InlineData("docker run --env-file .env -e POSTGRES_PASSWORD=changeme postgres:16")]
    [InlineData("grep -e PASSWORD=orchard config.ini")]
    public void Scan_NoLiteralBeforeTheCommand_FindsNothing(string text) =>
        Assert.Empty(SecretScanner.Scan(text));

    [Theory]
    [InlineData("echo \"Tundra42x\" | docker login -u dana --password-stdin", "Tundra42x")]
    [InlineData("echo 'Tundra42x' | docker login registry.example.org -u dana --password-stdin", "Tundra42x")]
    [InlineData("echo -n Tundra42x | sudo docker login -u dana --password-stdin ghcr.io", "Tundra42x")]
    [InlineData("printf '%s' 'Tundra42x' | podman login -u dana --password-stdin quay.io", "Tundra42x")]
    [InlineData("printf 'Tundra42x' | helm registry login -u dana --password-stdin registry.example.org", "Tundra42x")]
    [InlineData("cd deploy && echo \"Tundra42x\" | docker login -u dana --password-stdin", "Tundra42x")]
    [InlineData("gh auth login --with-token <<< \"Zk4qT9vX2mLp8RwN3sYb7HcJ\"", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("echo \"Zk4qT9vX2mLp8RwN3sYb7HcJ\" | gh auth login --with-token", "Zk4qT9vX2mLp8RwN3sYb7HcJ")]
    [InlineData("docker login -u dana --password-stdin <<< 'Tundra42x'", "Tundra42x")]
    [InlineData("echo Tundra42x | npm login", "Tundra42x")]
    public void Scan_LiteralFedToALogin_FindsTheValue(string text, string value)
    {
        var matches = SecretScanner.Scan(text);

        Assert.Contains(matches, m => text.Substring(m.Start, m.Length) == value);
    }

    [Theory]
    [InlineData("echo \"$TOKEN\" | docker login -u dana --password-stdin")]
    [InlineData("echo $CR_PAT | docker login ghcr.io -u dana --password-stdin")]
    [InlineData("echo \"${REGISTRY_PASSWORD}\" | podman login -u dana --password-stdin quay.io")]
    [InlineData("echo \"$(cat ~/.registry-password)\" | docker login -u dana --password-stdin")]
    [InlineData("cat ~/.registry-password | docker login -u dana --password-stdin")]
    [InlineData("echo \"<your-password>\" | docker login -u dana --password-stdin")]
    [InlineData("echo \"xxxxxxxx\" | docker login -u dana --password-stdin")]
    [InlineData("gh auth login --with-token <<< \"$GH_TOKEN\"")]
    [InlineData("gh auth login --with-token < token.txt")]
    [InlineData("docker login -u dana --password-stdin registry.example.org")]
    [InlineData("podman login -u dana --password-stdin quay.io")]
    [InlineData("echo \"Welcome back\" | grep login")]
    [InlineData("echo \"deployment42\" | tee -a login.log")]
    public void Scan_NoLiteralFedToALogin_FindsNothing(string text) =>
        Assert.Empty(SecretScanner.Scan(text));
}
