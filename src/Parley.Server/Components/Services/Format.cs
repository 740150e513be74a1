using System.Globalization;
using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>How the pages write dates, shares, durations, stances and statuses. Dates are shown in UTC, the time base of the data.</summary>
public static class Format
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"15 Dec 2025".</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", En);

    /// <summary>"15 Dec 2025, 09:00 UTC".</summary>
    public static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", En) + " UTC";

    /// <summary>The value of a date input: "2025-12-15".</summary>
    public static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"91 %" (with a no-break space, so that the sign never wraps alone).</summary>
    public static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + "\u00a0%";

    /// <summary>"29 days 15 h", "5 h 20 min", "12 min"; "expired" at or below zero.</summary>
    public static string TimeLeft(TimeSpan left) =>
        left <= TimeSpan.Zero ? "expired"
        : left.TotalDays >= 1 ? $"{(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")} {left.Hours} h"
        : left.TotalHours >= 1 ? $"{left.Hours} h {left.Minutes} min"
        : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min";

    /// <summary>An enum value in words: "InEffect" → "In effect", "UnderReview" → "Under review".</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }

    /// <summary>The words for a stance.</summary>
    public static string StanceText(Stance stance) => stance switch
    {
        Stance.Preferred => "preferred",
        Stance.Acceptable => "acceptable",
        Stance.Unacceptable => "unacceptable",
        Stance.RedLine => "red line",
        _ => stance.ToString(),
    };

    /// <summary>A symbol that tells the stance apart without colour.</summary>
    public static string StanceSymbol(Stance stance) => stance switch
    {
        Stance.Preferred => "★",
        Stance.Acceptable => "✓",
        Stance.Unacceptable => "✗",
        Stance.RedLine => "⊘",
        _ => "",
    };

    /// <summary>The CSS class for a stance.</summary>
    public static string StanceClass(Stance stance) => stance switch
    {
        Stance.Preferred => "stance-preferred",
        Stance.Acceptable => "stance-acceptable",
        Stance.Unacceptable => "stance-unacceptable",
        Stance.RedLine => "stance-redline",
        _ => "",
    };

    /// <summary>The CSS class for an issue status.</summary>
    public static string StatusClass(IssueStatus status) => "status-" + status.ToString().ToLowerInvariant();

    /// <summary>The CSS class for a proposal state.</summary>
    public static string ProposalClass(ProposalState state) => "proposal-" + state.ToString().ToLowerInvariant();

    /// <summary>"Ukraine, Russia and the United States" style list of names.</summary>
    public static string List(IEnumerable<string> names)
    {
        var items = names.ToArray();
        return items.Length switch
        {
            0 => "",
            1 => items[0],
            _ => string.Join(", ", items[..^1]) + " and " + items[^1],
        };
    }
}

/// <summary>How the forms turn a chosen day into the instant an item holds from.</summary>
public static class Dates
{
    /// <summary>
    /// Today means now (so that an item entered today follows what was entered earlier today); any other day
    /// means its start, 00:00 UTC. Null when no day was chosen.
    /// </summary>
    public static DateTimeOffset? Instant(DateOnly? day, DateTimeOffset now) =>
        day is not { } d ? null
        : d == DateOnly.FromDateTime(now.UtcDateTime) ? now
        : new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// The day a date input reports (<c>yyyy-MM-dd</c>), or null when empty or incomplete. Date inputs are read on
    /// change and never bound back: writing the value while the user types it segment by segment (month, day,
    /// year) resets the typing, so a keyboard user could not enter a date.
    /// </summary>
    public static DateOnly? Parse(object? value) =>
        DateOnly.TryParseExact(value as string, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
