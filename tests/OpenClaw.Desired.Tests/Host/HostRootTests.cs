using OpenClaw.Desired.Host;
using OpenClaw.Desired.Tests.Support;

namespace OpenClaw.Desired.Tests.Host;

public sealed class HostRootTests
{
    [Theory]
    [InlineData("/etc/passwd", "/scratch/etc/passwd")]
    [InlineData("/home/claw/../../etc/shadow", "/scratch/etc/shadow")]
    [InlineData("/../../../../etc", "/scratch/etc")]
    [InlineData("/a/./b//c/", "/scratch/a/b/c")]
    public void Resolve_UnderScratchRoot_NeverEscapesIt(string hostPath, string expected)
    {
        Assert.Equal(expected, new HostRoot("/scratch").Resolve(hostPath));
    }

    [Fact]
    public void Resolve_RealRoot_IsIdentity()
    {
        var root = new HostRoot("/");

        Assert.Equal("/etc/passwd", root.Resolve("/etc/passwd"));
        Assert.Equal("/etc/passwd", root.ToHostPath("/etc/passwd"));
    }

    [Fact]
    public void Expand_Tilde_UsesTheUsersHomeFromPasswdUnderTheRoot()
    {
        using var host = ScratchHost.FromDemo();
        var homes = new HomeResolver(new HostRoot(host.Root));

        Assert.Equal("/home/claw/.openclaw", homes.Expand("~/.openclaw", "claw"));
        Assert.Equal("/home/claw/.openclaw", homes.Expand("~claw/.openclaw", "root"));
        Assert.Equal("/root/x", homes.Expand("~/x", "root"));
        Assert.Equal("/opt/openclaw", homes.Expand("/opt/openclaw", "claw"));
        Assert.Throws<InvalidOperationException>(() => homes.Expand("~/x", "nobody-here"));
    }
}
