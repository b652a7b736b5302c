using OpenClaw.Desired.Monitoring.Health;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Monitoring;

/// <summary>Memory and headless browsers, read from a /proc written in the kernel's formats under a scratch root.</summary>
public sealed class ProcChecksTests : IDisposable
{
    private const int Claw = 1000;
    private readonly HealthHarness _h = new();

    public void Dispose() => _h.Dispose();

    private DateTimeOffset Ago(TimeSpan span) => _h.Clock.GetUtcNow() - span;

    [Theory]
    [InlineData(8_000_000, 2_000_000, 90, HealthStatus.Ok, 75)]
    [InlineData(8_000_000, 400_000, 90, HealthStatus.Failed, 95)]
    [InlineData(8_000_000, 400_000, 96, HealthStatus.Ok, 95)]
    public void Memory_AgainstItsLimit_IsJudgedOnTotalMinusAvailable(long total, long available, int limit, HealthStatus expected, double percent)
    {
        _h.Proc().Meminfo(total, available);

        var result = _h.Run(new MemoryCheck(), $"checks:\n  memory: {{ maxPercent: {limit} }}");

        Assert.Equal(expected, result.Status);
        Assert.Equal(percent, result.Value);
        Assert.Equal(limit, result.Threshold);
    }

    [Fact]
    public void Memory_OnAnOldKernelWithoutMemAvailable_CountsFreeAndCache()
    {
        _h.Proc().Meminfo(1_000_000, null, freeKib: 100_000, cachedKib: 400_000);

        var result = _h.Run(new MemoryCheck());

        Assert.Equal(50, result.Value);
    }

    [Fact]
    public void Memory_WithoutProcMeminfo_IsUnknownNeverOk()
    {
        File.Delete(_h.Host.Real("/proc/meminfo"));

        var result = _h.Run(new MemoryCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("/proc/meminfo", result.Message);
    }

    [Fact]
    public void Memory_WhenMeminfoIsAFifo_IsUnknownAndDoesNotBlock()
    {
        _h.Proc();
        File.Delete(_h.Host.Real("/proc/meminfo"));
        HostFiles.MkFifo(_h.Host.Real("/proc/meminfo"));

        var result = _h.Run(new MemoryCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("FIFO", result.Message);
    }

    [Fact]
    public void Browsers_OwnedByTheGateway_AreCountedWithTheirHelpers()
    {
        _h.Proc()
            .Process(100, 1, Claw, "openclaw-gatewa", ["openclaw-gateway"], Ago(TimeSpan.FromHours(5)))
            .Process(200, 100, Claw, "chrome-headless", ProcFixture.HeadlessChrome(), Ago(TimeSpan.FromMinutes(10)))
            .Process(201, 200, Claw, "chrome-headless", ProcFixture.HeadlessChrome("--type=renderer"), Ago(TimeSpan.FromMinutes(10)))
            .Process(202, 200, Claw, "chrome-headless", ProcFixture.HeadlessChrome("--type=gpu-process"), Ago(TimeSpan.FromMinutes(10)));
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new BrowsersCheck(), context);

        Assert.Equal(HealthStatus.Ok, result.Status);
        Assert.Equal(1, result.Value);
        Assert.Equal(new Desired.Monitoring.Health.BrowserSample(1, 3, 0, 0, 600), context.Samples.Browsers);
    }

    [Fact]
    public void Browsers_WhoseGatewayDied_AreOrphansAndFailTheCheck()
    {
        _h.Proc()
            .Process(300, 1, Claw, "chromium", ["/usr/lib/chromium/chromium", "--headless=new", "--no-sandbox"], Ago(TimeSpan.FromMinutes(30)))
            .Process(301, 300, Claw, "chromium", ["/usr/lib/chromium/chromium", "--type=zygote", "--headless=new"], Ago(TimeSpan.FromMinutes(30)));

        var result = _h.Run(new BrowsersCheck());

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("1 orphaned (pid 300)", result.Message);
    }

    [Fact]
    public void Browsers_AForkOfTheMainBeforeItExecsAHelper_CountsWithItsBrowser()
    {
        _h.Proc()
            .Process(300, 1, Claw, "chromium", ["/usr/lib/chromium/chromium", "--headless=new", "--no-sandbox"], Ago(TimeSpan.FromMinutes(3)))
            .Process(301, 300, Claw, "chromium", ["/usr/lib/chromium/chromium", "--type=zygote", "--headless=new"], Ago(TimeSpan.FromMinutes(3)))
            // Between fork and exec the child is a copy of the main: the same name and arguments, no --type=.
            .Process(302, 300, Claw, "chromium", ["/usr/lib/chromium/chromium", "--headless=new", "--no-sandbox"], Ago(TimeSpan.Zero));
        var context = _h.For("interval: 5m");

        var result = HealthHarness.Run(new BrowsersCheck(), context);

        Assert.Equal((1, 3), (context.Samples.Browsers!.Browsers, context.Samples.Browsers.Processes));
        Assert.Contains("1 orphaned (pid 300)", result.Message);
    }

    [Fact]
    public void Browsers_MoreThanTheLimit_FailEvenWhenOwned()
    {
        var proc = _h.Proc().Process(100, 1, Claw, "openclaw", ["openclaw"], Ago(TimeSpan.FromHours(1)));
        for (var i = 0; i < 6; i++)
        {
            proc.Process(500 + i, 100, Claw, "chrome-headless", ProcFixture.HeadlessChrome(), Ago(TimeSpan.FromMinutes(5)));
        }

        var defaults = _h.Run(new BrowsersCheck());
        var raised = _h.Run(new BrowsersCheck(), "checks:\n  browsers: { max: 6 }");

        Assert.Equal((HealthStatus.Failed, 6.0), (defaults.Status, defaults.Value!.Value));
        Assert.Contains("more than 5", defaults.Message);
        Assert.Equal(HealthStatus.Ok, raised.Status);
    }

    [Fact]
    public void Browsers_HelpersThatRetitledThemselves_StillCountWithTheirBrowser()
    {
        _h.Proc()
            .Process(300, 1, Claw, "chromium", ["/usr/lib/chromium/chromium", "--headless=new"], Ago(TimeSpan.FromMinutes(3)))
            // setproctitle leaves one string with spaces in /proc/PID/cmdline, not NUL-separated arguments.
            .Process(301, 300, Claw, "chromium", ["/usr/lib/chromium/chromium --type=zygote --headless=new"], Ago(TimeSpan.FromMinutes(3)));
        var context = _h.For("interval: 5m");

        HealthHarness.Run(new BrowsersCheck(), context);

        Assert.Equal((1, 2), (context.Samples.Browsers!.Browsers, context.Samples.Browsers.Processes));
    }

    [Fact]
    public void Browsers_RunningLongerThanMaxAge_AreLeftovers()
    {
        _h.Proc()
            .Process(100, 1, Claw, "openclaw-gatewa", ["openclaw-gateway"], Ago(TimeSpan.FromDays(1)))
            .Process(200, 100, Claw, "chrome", ["/opt/google/chrome/chrome", "--headless"], Ago(TimeSpan.FromHours(7)));

        var result = _h.Run(new BrowsersCheck(), "checks:\n  browsers: { maxAge: 6h }");

        Assert.Equal(HealthStatus.Failed, result.Status);
        Assert.Contains("1 running longer than 6h", result.Message);
    }

    [Fact]
    public void Browsers_OfOtherUsersAndWithAWindow_AreNotCounted()
    {
        _h.Proc()
            .Process(300, 1, 0, "chrome-headless", ProcFixture.HeadlessChrome(), Ago(TimeSpan.FromDays(3)))
            .Process(301, 1, Claw, "chromium", ["/usr/lib/chromium/chromium", "--user-data-dir=/tmp/x"], Ago(TimeSpan.FromDays(3)))
            .Process(302, 1, Claw, "sleep", ["sleep", "--headless"], Ago(TimeSpan.FromDays(3)));

        var result = _h.Run(new BrowsersCheck());

        Assert.Equal((HealthStatus.Ok, 0.0), (result.Status, result.Value!.Value));
    }

    [Fact]
    public void Browsers_WithAProcessEntryThatIsAFifo_AreUnknownNamingIt()
    {
        _h.Proc().Process(300, 1, Claw, "chrome-headless", ProcFixture.HeadlessChrome(), Ago(TimeSpan.FromMinutes(3)));
        Directory.CreateDirectory(_h.Host.Real("/proc/301"));
        HostFiles.MkFifo(_h.Host.Real("/proc/301/stat"));

        var result = _h.Run(new BrowsersCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("/proc/301/stat", result.Message);
    }

    [Fact]
    public void Browsers_WithoutProcUnderTheRoot_AreUnknown()
    {
        Directory.Delete(_h.Host.Real("/proc"), recursive: true);

        var result = _h.Run(new BrowsersCheck());

        Assert.Equal(HealthStatus.Unknown, result.Status);
    }
}
