namespace Parley.Core.Talks;

/// <summary>
/// A record that some parties agreed an option of an issue at an instant — in a round, in a signed text, or
/// implied by an accepted proposal. The issue counts as agreed once the agreeing parties include all its
/// principals. <see cref="AdReferendum"/> marks text agreed pending the capitals' approval.
/// </summary>
public sealed record Agreement
{
    /// <summary>Creates an agreement record.</summary>
    /// <exception cref="ArgumentException">Malformed keys or no party.</exception>
    public Agreement(string id, string issue, string option, IEnumerable<string> parties, DateTimeOffset at,
        bool adReferendum = false, string? source = null, string note = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Issue = Key.Require(issue, nameof(issue));
        Option = Key.Require(option, nameof(option));
        Parties = parties.Select(p => Key.Require(p, nameof(parties))).Distinct().ToArray();
        if (Parties.Count == 0) throw new ArgumentException($"Agreement '{id}' names no party.", nameof(parties));
        At = at;
        AdReferendum = adReferendum;
        Source = source is null ? null : Key.Require(source, nameof(source));
        Note = note ?? "";
        Visibility = visibility;
    }

    /// <summary>The record's key.</summary>
    public string Id { get; }

    /// <summary>The issue agreed.</summary>
    public string Issue { get; }

    /// <summary>The option agreed.</summary>
    public string Option { get; }

    /// <summary>The parties that agreed.</summary>
    public IReadOnlyList<string> Parties { get; }

    /// <summary>When (valid time).</summary>
    public DateTimeOffset At { get; }

    /// <summary>Agreed pending approval by the capitals.</summary>
    public bool AdReferendum { get; }

    /// <summary>The round, proposal or statement it was recorded in, if any.</summary>
    public string? Source { get; }

    /// <summary>Analyst's note.</summary>
    public string Note { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }
}
