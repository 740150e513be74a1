using System.Globalization;
using Parley.Core.Guarantees;

namespace Parley.Application.Briefing;

/// <summary>
/// The words of a briefing, shared by its page and its .docx so that both say the same: dates in UTC as the pages write
/// them ("15 Dec 2025"), shares rounded to whole percent ("91 %"), durations as "7 days 15 h".
/// </summary>
public static class BriefingText
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"State of play as of 15 Dec 2025".</summary>
    public static string Heading(Briefing b) => $"State of play as of {Date(b.AsOf)}";

    /// <summary>"Prepared for the delegation of Ukraine from what it may see in Parley, 15 Dec 2025, 23:59 UTC."</summary>
    public static string PreparedFor(Briefing b) =>
        $"Prepared for {b.PreparedFor} from what {(b.PreparedFor == "the mediator" ? "the mediator sees" : "it may see")} in Parley, as of {DateTime(b.AsOf)}.";

    /// <summary>"20 of 22 issues agreed (91 %)".</summary>
    public static string Agreed(Briefing b) => $"{b.AgreedIssues} of {b.TotalIssues} issues agreed ({Percent(b.AgreedShare)})";

    /// <summary>"By weight: 88 %; 18 agreed ad referendum, pending the capitals' approval."</summary>
    public static string AgreedDetail(Briefing b)
    {
        var adRef = b.Agreed.Count(a => a.AdReferendum);
        return $"By weight: {Percent(b.AgreedShareByWeight)}" + (adRef > 0 ? $"; {adRef} agreed ad referendum, pending the capitals' approval." : ".");
    }

    /// <summary>"Blocked", "Converging", "Open".</summary>
    public static string Status(Core.Talks.IssueStatus status) => status.ToString();

    /// <summary>"red line of Ukraine; unacceptable to Russia".</summary>
    public static string Collision(CollisionLine c)
    {
        var parts = new List<string>();
        if (c.RedLineOf.Count > 0) parts.Add("red line of " + List(c.RedLineOf));
        if (c.UnacceptableTo.Count > 0) parts.Add("unacceptable to " + List(c.UnacceptableTo));
        return string.Join("; ", parts);
    }

    /// <summary>"24 Dec 2025, 00:00 UTC (7 days 15 h left)" or "no deadline".</summary>
    public static string Deadline(OpenOffer o) =>
        o.Expires is { } at ? $"{DateTime(at)}" + (o.TimeLeft is { } left ? $" ({TimeLeft(left)} left)" : "") : "no deadline";

    /// <summary>"version 15 Dec: 4 brackets; 97 % of its words outside brackets".</summary>
    public static string Draft(DraftBrackets d) =>
        $"{d.Draft}, version {d.Version}: {d.Brackets} bracket{(d.Brackets == 1 ? "" : "s")}; {Percent(d.AgreedShareByText)} of its words outside brackets";

    /// <summary>A commitment's or duty's state in words: "In effect", "Violated".</summary>
    public static string State(CommitmentState state) => state switch
    {
        CommitmentState.InEffect => "In effect",
        _ => state.ToString(),
    };

    /// <summary>"none", or "2: acled-1 (24 Dec 2025, Russia); …".</summary>
    public static string Breaches(GuaranteeLine g) =>
        g.Breaches.Count == 0 ? "none" : $"{g.Breaches.Count}: " + string.Join("; ", g.Breaches.Select(x => $"{x.Incident} ({Date(x.At)}, {x.Responsible})"));

    /// <summary>"none", or "United States: 21 Feb 2026, 09:00 UTC (In effect)".</summary>
    public static string Duties(GuaranteeLine g) =>
        g.Duties.Count == 0 ? "none" : string.Join("; ", g.Duties.Select(d => $"{d.Debtor}: {(d.Deadline is { } at ? DateTime(at) : "clock stopped")} ({State(d.State)})"));

    /// <summary>"15 Dec 2025".</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", En);

    /// <summary>"15 Dec 2025, 09:00 UTC".</summary>
    public static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", En) + " UTC";

    /// <summary>"91 %" (no-break space).</summary>
    public static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + "\u00a0%";

    /// <summary>"7 days 15 h", "5 h 20 min", "12 min"; "expired" at or below zero.</summary>
    public static string TimeLeft(TimeSpan left) =>
        left <= TimeSpan.Zero ? "expired"
        : left.TotalDays >= 1 ? $"{(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")} {left.Hours} h"
        : left.TotalHours >= 1 ? $"{left.Hours} h {left.Minutes} min"
        : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min";

    /// <summary>"Ukraine, Russia and the United States".</summary>
    public static string List(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
