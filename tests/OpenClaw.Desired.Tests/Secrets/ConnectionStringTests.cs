using OpenClaw.Desired.Secrets.Scanning;

namespace OpenClaw.Desired.Tests.Secrets;

/// <summary>
/// Passwords in connection strings and URLs: a finding whatever the wording (a weak or documentation-like password
/// still opens the database that has it), never when the value is a template, a mask or an interpolation.
/// </summary>
public sealed class ConnectionStringTests
{
    [Theory]
    [InlineData("Server=sql.corp.internal;Database=ledger;User Id=ledger_app;Password=Qw7!vLp2#x;", "Qw7!vLp2#x")]
    [InlineData("Data Source=10.0.4.12,1433;Initial Catalog=Shop;User ID=shop;Password=secret;", "secret")]
    [InlineData("Driver={ODBC Driver 18 for SQL Server};Server=tcp:db1;Uid=reporter;Pwd=myPassword;Encrypt=yes", "myPassword")]
    [InlineData("var cs = \"Host=pg.local;Port=5432;Username=app;Password = harbor-lights;Database=app\";", "harbor-lights")]
    [InlineData("conninfo: host=pg.local port=5432 user=app password=tidepool77 dbname=app", "tidepool77")]
    [InlineData("Provider=SQLOLEDB;Data Source=db2;User ID=sa;Password={semi;colon};", "semi;colon")]
    public void Scan_ConnectionStringPassword_FindsThePasswordOnly(string line, string password)
    {
        var match = Assert.Single(SecretScanner.Scan(line));
        Assert.Equal(password, line.Substring(match.Start, match.Length));
        Assert.Equal(SecretKinds.ConnectionPassword, match.Kind);
    }

    [Theory]
    [InlineData("Server=db;Database=app;User Id=app;Password=<password>;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};")]
    [InlineData("Server=db;Database=app;User Id=app;Password={{ db_password }};")]
    [InlineData("Server=db;Database=app;User Id=app;Password=%s;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=%DB_PASS%;")]
    [InlineData("Server=db;Database=app;User Id=app;Password={0};")]
    [InlineData("Server=db;Database=app;User Id=app;Password=#{db_password};")]
    [InlineData("Server=db;Database=app;User Id=app;Password=$DbPassword;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=********;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=xxxxxxxx;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=;")]
    [InlineData("Server=db;Database=app;User Id=app;Password=your_password;")]
    [InlineData("\"Server=db;Database=app;User Id=app;Password=\" + password + \";\"")]
    [InlineData("sqlcmd -c \"Server=db.example.net;Database=db;User=user;Password=pass\"")]
    public void Scan_ConnectionStringTemplate_FindsNothing(string line) =>
        Assert.Empty(SecretScanner.Scan(line));

    [Theory]
    [InlineData("The Password= field of the connection dialog stays empty when Windows authentication is on.")]
    [InlineData("| Server | Database | Password |")]
    [InlineData("Set `Trusted_Connection=True;` in the connection string instead of a password.")]
    [InlineData("reset_password=true; server=api; notify=yes")]
    public void Scan_ConnectionStringNearMiss_FindsNoConnectionPassword(string line) =>
        Assert.DoesNotContain(SecretScanner.Scan(line), m => m.Kind == SecretKinds.ConnectionPassword);

    [Theory]
    [InlineData("postgresql://user:secret@localhost:5433/db", "secret")]
    [InlineData("DATABASE_URL=mysql://root:password@db.internal/shop", "password")]
    [InlineData("amqp://guest:guest@rabbit:5672/", "guest")]
    [InlineData("redis://:myRedisPass@cache:6379/0", "myRedisPass")]
    public void Scan_UrlPasswordWhateverItsWording_IsFound(string line, string password)
    {
        var match = Assert.Single(SecretScanner.Scan(line));
        Assert.Equal(SecretKinds.UrlPassword, match.Kind);
        Assert.Equal(password, line.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("postgresql://user:<password>@localhost/db")]
    [InlineData("postgresql://user:${PGPASSWORD}@localhost/db")]
    [InlineData("postgresql://user:{{ pg_password }}@localhost/db")]
    [InlineData("postgresql://%s:%s@%s/%s")]
    [InlineData("postgresql://user:****@localhost/db")]
    [InlineData("postgresql://user:xxxx@localhost/db")]
    [InlineData("postgresql://$PGUSER:$PGPASSWORD@localhost/db")]
    [InlineData("https://user@example.org/repo.git")]
    [InlineData("export HTTPS_PROXY=\"http://user:pass@proxy.example.net:8080\"")]
    [InlineData("--proxy \"http://alice:Wq8r2Lx@ip:port\"")]
    [InlineData("DATABASE_URL: \"postgresql://admin:Wq8r2Lx@host:5432/db\"")]
    public void Scan_UrlPasswordTemplate_FindsNothing(string line) =>
        Assert.Empty(SecretScanner.Scan(line));
}
