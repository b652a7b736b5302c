namespace OpenClaw.Desired.Safety;

/// <summary>
/// Fault-injection hook for crash and lock tests: <c>OPENCLAW_DESIRED_TEST_HOLD=event:n</c> makes the process
/// stop right after the n-th journal entry of that event, write a <c>held</c> marker, and wait until it is
/// killed or a <c>release</c> file appears in the run folder. Unset in normal use.
/// </summary>
internal sealed class TestHold(string runDirectory, string eventName, int count)
{
    public const string Variable = "OPENCLAW_DESIRED_TEST_HOLD";
    public const string MarkerName = "held";
    public const string ReleaseName = "release";

    public static TestHold? FromEnvironment(string runDirectory)
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], out var n) ? new TestHold(runDirectory, parts[0], n) : null;
    }

    public void MaybeHold(string seenEvent, int seenCount)
    {
        if (seenEvent != eventName || seenCount != count)
        {
            return;
        }

        File.WriteAllText(Path.Combine(runDirectory, MarkerName), seenEvent);
        while (!File.Exists(Path.Combine(runDirectory, ReleaseName)))
        {
            Thread.Sleep(50);
        }
    }
}
