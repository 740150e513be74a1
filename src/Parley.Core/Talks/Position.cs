namespace Parley.Core.Talks;

/// <summary>What one party says of one option.</summary>
public enum Stance
{
    /// <summary>The party's preferred outcome (also acceptable).</summary>
    Preferred,

    /// <summary>The party could live with it.</summary>
    Acceptable,

    /// <summary>The party rejects it for now.</summary>
    Unacceptable,

    /// <summary>Unacceptable and declared non-negotiable.</summary>
    RedLine,
}

/// <summary>Helpers on <see cref="Stance"/>.</summary>
public static class StanceExtensions
{
    /// <summary>Preferred or acceptable.</summary>
    public static bool Accepts(this Stance stance) => stance is Stance.Preferred or Stance.Acceptable;

    /// <summary>Unacceptable or a red line.</summary>
    public static bool Rejects(this Stance stance) => stance is Stance.Unacceptable or Stance.RedLine;
}

/// <summary>
/// A party's stances on the options of one issue, holding in the world from <see cref="ValidFrom"/> until the
/// party's next position on the same issue (valid time). Options the position does not mention are unknown,
/// neither accepted nor rejected.
/// </summary>
public sealed record Position
{
    /// <summary>Creates a position.</summary>
    /// <exception cref="ArgumentException">Malformed keys or no stance.</exception>
    public Position(string id, string party, string issue, DateTimeOffset validFrom,
        IReadOnlyDictionary<string, Stance> stances, string? statement = null, string note = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Party = Key.Require(party, nameof(party));
        Issue = Key.Require(issue, nameof(issue));
        ValidFrom = validFrom;
        if (stances.Count == 0) throw new ArgumentException($"Position '{id}' states no stance.", nameof(stances));
        foreach (var option in stances.Keys) Key.Require(option, nameof(stances));
        Stances = new SortedDictionary<string, Stance>(stances.ToDictionary(), StringComparer.Ordinal);
        Statement = statement is null ? null : Key.Require(statement, nameof(statement));
        Note = note ?? "";
        Visibility = visibility;
    }

    /// <summary>The position's key.</summary>
    public string Id { get; }

    /// <summary>The party holding it.</summary>
    public string Party { get; }

    /// <summary>The issue it is about.</summary>
    public string Issue { get; }

    /// <summary>When it began to hold in the world (inclusive).</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>Stance per option id, ordered by option id.</summary>
    public IReadOnlyDictionary<string, Stance> Stances { get; }

    /// <summary>The statement it comes from, if any.</summary>
    public string? Statement { get; }

    /// <summary>Analyst's note.</summary>
    public string Note { get; }

    /// <summary>Who may see it; a red line shared only with the mediator is <see cref="VisibilityScope.Party"/>.</summary>
    public Visibility Visibility { get; }

    /// <summary>The stance on <paramref name="option"/>, or null when unknown.</summary>
    public Stance? On(string option) => Stances.TryGetValue(option, out var s) ? s : null;
}
