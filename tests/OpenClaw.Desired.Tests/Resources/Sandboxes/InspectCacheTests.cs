using Docker.DotNet.Models;
using OpenClaw.Desired.Resources.Sandboxes;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

public sealed class InspectCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToInspect_UncachedIds_AreAllInspected()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");

        Assert.Equal(3, cache.ToInspect(["a", "b", "c"]).Count);
    }

    [Fact]
    public void ToInspect_ManyCached_RechecksTheOldestTenthAndEveryNewId()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");
        var ids = Enumerable.Range(0, 200).Select(i => $"id{i:D3}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            cache.Put(new ContainerInspectResponse { ID = ids[i] }, Start.AddMinutes(i));
        }

        var now = cache.ToInspect([.. ids, "recreated-by-hand"]);

        Assert.Equal(21, now.Count);
        Assert.Contains("recreated-by-hand", now);
        Assert.Equal(ids.Take(20).ToHashSet(), now.Where(id => id != "recreated-by-hand").ToHashSet());
    }

    [Fact]
    public void ToInspect_RepeatedRuns_VerifyEveryCachedContainerWithinTenRuns()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");
        var ids = Enumerable.Range(0, 100).Select(i => $"id{i:D3}").ToList();
        foreach (var id in ids)
        {
            cache.Put(new ContainerInspectResponse { ID = id }, Start);
        }

        var verified = new HashSet<string>();
        for (var run = 1; run <= 10; run++)
        {
            foreach (var id in cache.ToInspect(ids))
            {
                verified.Add(id);
                cache.Put(new ContainerInspectResponse { ID = id }, Start.AddHours(run));
            }
        }

        Assert.Equal(ids.ToHashSet(), verified);
    }

    [Fact]
    public void Get_ReturnsACopy_SoLiveFieldsNeverLeakIntoTheCache()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");
        cache.Put(new ContainerInspectResponse { ID = "a", Image = "sha256:one", HostConfig = new HostConfig { ReadonlyRootfs = true } }, Start);

        cache.Get("a")!.Image = "sha256:two";

        Assert.Equal("sha256:one", cache.Get("a")!.Image);
        Assert.True(cache.Get("a")!.HostConfig.ReadonlyRootfs);
    }
}
