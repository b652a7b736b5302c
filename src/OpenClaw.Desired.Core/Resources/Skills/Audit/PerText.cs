using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OpenClaw.Desired.Resources.Skills.Audit;

/// <summary>
/// What a judge learns from a whole file, kept while the file's text lives: a judge runs once per match, and a question
/// about the whole text (does it encode data, which hosts does it name, how is this variable used) answered per match
/// costs the text's length times its matches.
/// </summary>
internal static class PerText
{
    private static readonly ConditionalWeakTable<string, ConcurrentDictionary<string, bool>> Answers = new();

    /// <summary>The answer to <paramref name="question"/> about <paramref name="text"/>, worked out once.</summary>
    public static bool Ask(string text, string question, Func<string, bool> answer) =>
        Answers.GetValue(text, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal)).GetOrAdd(question, _ => answer(text));

    private static readonly ConditionalWeakTable<string, ConcurrentDictionary<string, object>> Facts = new();

    /// <summary>What <paramref name="work"/> finds in <paramref name="text"/> (a table of its names, say), worked out once.</summary>
    public static T Get<T>(string text, string question, Func<string, T> work)
        where T : class =>
        (T)Facts.GetValue(text, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal)).GetOrAdd(question, _ => work(text));
}
