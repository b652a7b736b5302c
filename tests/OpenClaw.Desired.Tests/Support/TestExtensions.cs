namespace OpenClaw.Desired.Tests.Support;

/// <summary>Small helpers for writing tests.</summary>
internal static class TestExtensions
{
    /// <summary>Runs an action on a value and returns the value (for setup written inline).</summary>
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
