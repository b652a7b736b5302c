using OpenClaw.Desired.Planning;
using OpenClaw.Desired.Resources.Sandboxes;

namespace OpenClaw.Desired.Tests.Resources.Sandboxes;

public sealed class InspectCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static ObservedContainer Container(string id, string imageId = "sha256:one") => new(id, "c-" + id, new Dictionary<string, string> { ["openclaw.desired/skill"] = id },
        new ContainerSettings("img", imageId, true, "none", "1000:1000", new TmpfsMount(true, true, 1 << 20), ValueList<string>.Empty, true, 1 << 26, 64, 500_000_000, false,
            new[] { new BindSpec("/w", "/workspace", true) }.ToValueList(), null, true));

    [Fact]
    public void ToInspect_UncachedIds_AreAllInspected()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");

        Assert.Equal(3, cache.ToInspect(["a", "b", "c"]).Count);
    }

    [Fact]
    public void ToInspect_ManyCached_RechecksTheOldestTwentiethAndEveryNewId()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");
        var ids = Enumerable.Range(0, 200).Select(i => $"id{i:D3}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            cache.Put(Container(ids[i]), Start.AddMinutes(i));
        }

        var now = cache.ToInspect([.. ids, "recreated-by-hand"]);

        Assert.Equal(11, now.Count);
        Assert.Contains("recreated-by-hand", now);
        Assert.Equal(ids.Take(10).ToHashSet(), now.Where(id => id != "recreated-by-hand").ToHashSet());
    }

    [Fact]
    public void ToInspect_RepeatedRuns_VerifyEveryCachedContainerWithinTwentyRuns()
    {
        var cache = InspectCache.Load(null, "unix:///x.sock");
        var ids = Enumerable.Range(0, 1000).Select(i => $"id{i:D4}").ToList();
        foreach (var id in ids)
        {
            cache.Put(Container(id), Start);
        }

        var verified = new HashSet<string>();
        for (var run = 1; run <= InspectCache.RecheckRuns; run++)
        {
            foreach (var id in cache.ToInspect(ids))
            {
                verified.Add(id);
                cache.Put(Container(id), Start.AddHours(run));
            }
        }

        Assert.Equal(ids.ToHashSet(), verified);
    }

    [Fact]
    public void Save_ThenLoad_RoundTripsTheSettings()
    {
        using var folder = new Skills.TempFolder();
        var cache = InspectCache.Load(folder.Path, "unix:///x.sock");
        cache.Put(Container("a"), Start);
        cache.Put(Container("gone"), Start);

        cache.Save("unix:///x.sock", ["a"]);
        var loaded = InspectCache.Load(folder.Path, "unix:///x.sock");

        Assert.Equal(1, loaded.Count);
        Assert.Equal(Container("a").Settings, loaded.Get("a")!.Settings);
        Assert.Equal(Container("a").Labels, loaded.Get("a")!.Labels);
        Assert.Equal(0, InspectCache.Load(folder.Path, "unix:///other.sock").Count);
    }
}
