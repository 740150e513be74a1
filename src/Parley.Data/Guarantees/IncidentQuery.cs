using Parley.Core.Guarantees;

namespace Parley.Data.Guarantees;

/// <summary>The order of a list of incident reports; ties always go by id in the same direction.</summary>
public enum IncidentSort
{
    /// <summary>Latest start first (the desk's default).</summary>
    Newest,

    /// <summary>Earliest start first (the verification queue's order).</summary>
    Oldest,

    /// <summary>Most reported deaths first (unknown last), then latest first.</summary>
    Deaths,

    /// <summary>By admin1 region (A–Z, none last), then latest first.</summary>
    Region,

    /// <summary>By event type (A–Z), then latest first.</summary>
    EventType,
}

/// <summary>
/// Which reports of a negotiation a list shows. Every criterion is optional; those given must all hold.
/// States are read as of the list's instant (steps recorded later are not known yet); <see cref="Party"/> is the party
/// held responsible by a verification known by then; <see cref="From"/> and <see cref="To"/> are UTC days, both
/// inclusive, on the report's start; <see cref="Text"/> is a case-insensitive substring (ASCII letters on SQLite) of the
/// id, place, admin areas, country, types, actors, sources or notes; <see cref="Region"/> and <see cref="EventType"/>
/// are whole names, case-insensitive (ASCII letters on SQLite).
/// </summary>
public sealed record IncidentFilter
{
    /// <summary>The longest text, region, type or party accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Checks the criteria.</summary>
    /// <exception cref="ArgumentException">A text longer than <see cref="MaxTextLength"/>, or <paramref name="to"/> before
    /// <paramref name="from"/>; the parameter named is the criterion's.</exception>
    public IncidentFilter(IReadOnlyList<VerificationState>? states = null, string? eventType = null, string? region = null,
        string? party = null, DateOnly? from = null, DateOnly? to = null, string? text = null)
    {
        States = states is { Count: > 0 } ? states.Distinct().Order().ToArray() : [];
        EventType = Clean(eventType, "type");
        Region = Clean(region, "region");
        Party = Clean(party, "party");
        Text = Clean(text, "q");
        if (from is { } f && to is { } t && t < f) throw new ArgumentException("the last day is before the first", "to");
        (From, To) = (from, to);
    }

    /// <summary>No criterion: every report.</summary>
    public static IncidentFilter None { get; } = new();

    /// <summary>The states accepted (empty: any).</summary>
    public IReadOnlyList<VerificationState> States { get; }

    /// <summary>The event type (whole name), or null.</summary>
    public string? EventType { get; }

    /// <summary>The admin1 region (whole name), or null.</summary>
    public string? Region { get; }

    /// <summary>The responsible party's id, or null.</summary>
    public string? Party { get; }

    /// <summary>The first day (UTC, inclusive), or null.</summary>
    public DateOnly? From { get; }

    /// <summary>The last day (UTC, inclusive), or null.</summary>
    public DateOnly? To { get; }

    /// <summary>The text searched for, or null.</summary>
    public string? Text { get; }

    /// <summary>True when no criterion is set.</summary>
    public bool IsEmpty => States.Count == 0 && EventType is null && Region is null && Party is null && From is null && To is null && Text is null;

    private static string? Clean(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (value.Length > MaxTextLength) throw new ArgumentException($"at most {MaxTextLength} characters", name);
        if (value.Any(char.IsControl)) throw new ArgumentException("control characters are not allowed", name);
        return value;
    }
}

/// <summary>
/// One page of a list of reports known at <see cref="AsOf"/> (started at or before it): <see cref="Filter"/>, in
/// <see cref="Sort"/> order, skipping <see cref="Offset"/> and taking at most <see cref="Limit"/>. With
/// <see cref="Grouped"/>, the rows are the primary reports of duplicate groups (each with its members).
/// </summary>
public sealed record IncidentQuery
{
    /// <summary>The most rows one page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The furthest a page may start.</summary>
    public const int MaxOffset = 10_000_000;

    /// <summary>Checks the bounds.</summary>
    /// <exception cref="ArgumentException">A limit outside 1..<see cref="MaxLimit"/> (parameter <c>limit</c>) or an offset
    /// outside 0..<see cref="MaxOffset"/> (parameter <c>offset</c>).</exception>
    public IncidentQuery(IncidentFilter filter, DateTimeOffset asOf, IncidentSort sort = IncidentSort.Newest, int offset = 0,
        int? limit = 50, bool grouped = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaxLimit) throw new ArgumentException($"must be between 1 and {MaxLimit}", nameof(limit));
        if (offset is < 0 or > MaxOffset) throw new ArgumentException($"must be between 0 and {MaxOffset}", nameof(offset));
        if (!Enum.IsDefined(sort)) throw new ArgumentException("unknown order", nameof(sort));
        (Filter, AsOf, Sort, Offset, Limit, Grouped) = (filter, asOf.ToUniversalTime(), sort, offset, limit, grouped);
    }

    /// <summary>The criteria.</summary>
    public IncidentFilter Filter { get; }

    /// <summary>The instant states are read at; later reports are not known.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The order.</summary>
    public IncidentSort Sort { get; }

    /// <summary>Rows skipped.</summary>
    public int Offset { get; }

    /// <summary>Rows taken at most; null: every row from the offset on (the API's list without <c>limit</c>).</summary>
    public int? Limit { get; }

    /// <summary>Rows are duplicate groups (their primary report), not single reports.</summary>
    public bool Grouped { get; }
}

/// <summary>
/// A page of reports: the rows in order, how many match in all, and (grouped lists) each row's duplicate reports,
/// by the primary's id, in start order.
/// </summary>
public sealed record IncidentPage(IReadOnlyList<StoredIncident> Rows, int Total, IReadOnlyDictionary<string, IReadOnlyList<StoredIncident>> Duplicates);
