using System.Collections.Immutable;

namespace Parley.Core.Settlement.Nonlinear;

/// <summary>How one reference point (e.g. a line of GENIUS's <c>pareto.xml</c>) stands against a computed frontier.</summary>
public enum ReferenceStanding
{
    /// <summary>A frontier vector equals it within the comparison tolerance.</summary>
    Matched,

    /// <summary>A frontier vector is at least as good for every party and better for one: the reference point is not Pareto-optimal.</summary>
    Dominated,

    /// <summary>No frontier vector weakly dominates it: the frontier misses it (or the reference is wrong).</summary>
    Unmatched,
}

/// <summary>One reference point, its standing and the frontier vector that weakly dominates it (null when unmatched).</summary>
public sealed record ReferenceCheck(ImmutableArray<double> Reference, ReferenceStanding Standing, FrontierPoint? By);

/// <summary>
/// Compares reference utility vectors with a frontier. A reference point r is weakly dominated by a frontier vector f when
/// fᵢ ≥ rᵢ − τ for every party (τ = <see cref="Tolerance"/> = 10⁻⁶: GENIUS writes <c>pareto.xml</c> as single-precision
/// floats, about 7 significant digits); it is <em>matched</em> when moreover |fᵢ − rᵢ| ≤ τ for all i, else
/// <em>dominated</em>. Among several frontier vectors the first in frontier order that matches wins, else the first that
/// dominates.
/// </summary>
public static class ReferenceComparison
{
    /// <summary>τ, the tolerance of the comparison.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Checks every reference point against <paramref name="frontier"/>.</summary>
    /// <exception cref="ArgumentException">A reference point with another number of parties than the frontier.</exception>
    public static ImmutableArray<ReferenceCheck> Compare(IEnumerable<IReadOnlyList<double>> reference, IReadOnlyList<FrontierPoint> frontier)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(frontier);
        var checks = ImmutableArray.CreateBuilder<ReferenceCheck>();
        foreach (var r in reference)
        {
            FrontierPoint? matched = null, dominating = null;
            foreach (var f in frontier)
            {
                if (f.Utilities.Length != r.Count)
                    throw new ArgumentException($"A reference point has {r.Count} utilities; the frontier has {f.Utilities.Length} parties.", nameof(reference));
                var weak = true;
                var equal = true;
                for (var i = 0; i < r.Count; i++)
                {
                    if (f.Utilities[i] < r[i] - Tolerance) weak = false;
                    if (Math.Abs(f.Utilities[i] - r[i]) > Tolerance) equal = false;
                }

                if (!weak) continue;
                if (equal)
                {
                    matched = f;
                    break;
                }

                dominating ??= f;
            }

            var standing = matched is not null ? ReferenceStanding.Matched : dominating is not null ? ReferenceStanding.Dominated : ReferenceStanding.Unmatched;
            checks.Add(new ReferenceCheck([.. r], standing, matched ?? dominating));
        }

        return checks.ToImmutable();
    }
}
