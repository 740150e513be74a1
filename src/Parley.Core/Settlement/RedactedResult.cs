using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>A package and the viewing party's own utility for it.</summary>
public sealed record RedactedPoint(Outcome Outcome, double OwnUtility);

/// <summary>
/// A <see cref="SettlementResult"/> as one delegation may see it: the packages and that party's own utilities only.
/// Other parties' utilities, reservations, the ideal point and opposition (which is computed from the others'
/// utilities) are left out; the frontier's counts are kept as they reveal nothing about a single profile.
/// </summary>
public sealed record RedactedResult
{
    /// <summary>The party this view is for.</summary>
    public required string Party { get; init; }

    /// <summary>The size of the outcome space.</summary>
    public required BigInteger Outcomes { get; init; }

    /// <summary>Packages acceptable to all, counted; null when not counted.</summary>
    public required BigInteger? Acceptable { get; init; }

    /// <summary>True when <see cref="Pareto"/> comes from the whole frontier, false for a representative set.</summary>
    public required bool FrontierComplete { get; init; }

    /// <summary>An upper bound on the number of distinct frontier vectors (equal to the count when complete).</summary>
    public required BigInteger FrontierSizeBound { get; init; }

    /// <summary>The frontier's packages (one example each) with the party's utility, in the full result's order.</summary>
    public required ImmutableArray<RedactedPoint> Pareto { get; init; }

    /// <summary>The bargaining packages that exist, with the party's utility.</summary>
    public required ImmutableDictionary<BargainingSolution, RedactedPoint> Points { get; init; }

    /// <summary>Builds the view of <paramref name="result"/> for the party named <paramref name="party"/>.</summary>
    /// <exception cref="ArgumentException">The party is not part of the result.</exception>
    public static RedactedResult For(SettlementResult result, string party)
    {
        ArgumentNullException.ThrowIfNull(result);
        var i = result.Parties.IndexOf(party);
        if (i < 0) throw new ArgumentException($"Party '{party}' is not part of this settlement.", nameof(party));
        var points = ImmutableDictionary.CreateBuilder<BargainingSolution, RedactedPoint>();
        foreach (var s in Enum.GetValues<BargainingSolution>())
            if (result.Point(s) is { } p) points[s] = new RedactedPoint(p.Outcome, p.Utilities[i]);
        return new RedactedResult
        {
            Party = party,
            Outcomes = result.Outcomes,
            Acceptable = result.Acceptable,
            FrontierComplete = result.FrontierComplete,
            FrontierSizeBound = result.FrontierSizeBound,
            Pareto = [.. result.Pareto.Select(f => new RedactedPoint(f.Example, f.Utilities[i]))],
            Points = points.ToImmutable(),
        };
    }
}
