using System.Globalization;

namespace OpenClaw.Desired.Resources.Backups;

/// <summary>
/// A five-field cron expression (or @hourly/@daily/@weekly/@monthly) with numeric fields, checked once and
/// rendered for either scheduler: as written for /etc/cron.d, as an OnCalendar= value for a systemd timer.
/// </summary>
public sealed record CronSchedule(string Expression, string OnCalendar)
{
    private static readonly (string Name, int Min, int Max)[] Fields =
        [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7)];

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>Parses an expression, or says in one sentence what is wrong with it.</summary>
    public static CronSchedule? TryParse(string expression, out string? error)
    {
        error = null;
        switch (expression)
        {
            case "@hourly": return new(expression, "*-*-* *:00:00");
            case "@daily": return new(expression, "*-*-* 00:00:00");
            case "@weekly": return new(expression, "Sun *-*-* 00:00:00");
            case "@monthly": return new(expression, "*-*-01 00:00:00");
        }

        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            error = "a cron expression has five fields: minute hour day-of-month month day-of-week";
            return null;
        }

        var sets = new SortedSet<int>?[5];
        for (var i = 0; i < 5; i++)
        {
            sets[i] = ParseField(parts[i], Fields[i].Min, Fields[i].Max, out var fieldError);
            if (fieldError is not null)
            {
                error = $"{Fields[i].Name} '{parts[i]}': {fieldError}";
                return null;
            }
        }

        if (sets[4] is { } dow && dow.Remove(7))
        {
            dow.Add(0);
        }

        for (var i = 0; i < 5; i++)
        {
            var all = i == 4 ? 7 : Fields[i].Max - Fields[i].Min + 1;
            sets[i] = sets[i] is { } set && set.Count == all ? null : sets[i];
        }

        // cron runs when EITHER day field matches, a systemd timer only when both do: refuse what would differ.
        if (sets[2] is not null && sets[4] is not null)
        {
            error = "restrict day of month or day of week, not both (cron and systemd read that differently)";
            return null;
        }

        var days = sets[4] is { } d ? string.Join(',', d.Select(n => DayNames[n])) + " " : string.Empty;
        var calendar = $"{days}*-{Render(sets[3])}-{Render(sets[2])} {Render(sets[1])}:{Render(sets[0])}:00";
        return new(string.Join(' ', parts), calendar);
    }

    private static string Render(SortedSet<int>? values) =>
        values is null ? "*" : string.Join(',', values.Select(v => v.ToString("00", CultureInfo.InvariantCulture)));

    /// <summary>The values a field selects, or null for every value ("*").</summary>
    private static SortedSet<int>? ParseField(string field, int min, int max, out string? error)
    {
        error = null;
        if (field == "*")
        {
            return null;
        }

        var values = new SortedSet<int>();
        foreach (var item in field.Split(','))
        {
            var (range, stepText) = item.Split('/') is [var r, var s] ? (r, s) : (item, null);
            var step = 1;
            if (stepText is not null && (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                error = "the step after / must be a positive number";
                return null;
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b] && Number(a, out from) && Number(b, out to))
            {
            }
            else if (Number(range, out from))
            {
                to = stepText is null ? from : max;
            }
            else
            {
                error = "use numbers, ranges (a-b), lists (a,b) and steps (*/n); names are not supported";
                return null;
            }

            if (from < min || to > max || from > to)
            {
                error = $"values must lie between {min} and {max}";
                return null;
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values;
    }

    private static bool Number(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A schedule that runs at least every <paramref name="interval"/>: the default when the posture names none.</summary>
    public static string FromInterval(TimeSpan interval)
    {
        if (interval < TimeSpan.FromHours(1) && interval.TotalMinutes >= 1 && 60 % (int)interval.TotalMinutes == 0)
        {
            return $"*/{(int)interval.TotalMinutes} * * * *";
        }

        if (interval < TimeSpan.FromDays(1) && interval.TotalHours >= 1 && 24 % (int)interval.TotalHours == 0)
        {
            return interval.TotalHours == 1 ? "0 * * * *" : $"0 */{(int)interval.TotalHours} * * *";
        }

        return interval >= TimeSpan.FromDays(1) ? "0 0 * * *" : "0 * * * *";
    }
}
