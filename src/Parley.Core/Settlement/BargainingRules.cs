namespace Parley.Core.Settlement;

/// <summary>
/// The definitions of the bargaining points and of opposition, applied to a list of candidate vectors
/// (the engine passes the frontier; the test oracle passes every outcome).
/// </summary>
/// <remarks>
/// Ties: a later candidate replaces the best so far only when its objective is better by more than 1e-12, so among
/// tied candidates the first in the given order wins (the frontier's canonical order: u₁ descending, then u₂ …).
/// </remarks>
public static class BargainingRules
{
    private const double TieTolerance = 1e-12;

    /// <summary>
    /// True when uᵢ ≥ rᵢ for every party, compared exactly in double arithmetic as GENIUS does (no tolerance: a
    /// package whose utility sums to 0.49999999999999994 falls short of a 0.5 reservation; reference.tsv counts so).
    /// </summary>
    public static bool IsRational(ReadOnlySpan<double> u, IReadOnlyList<double> reservations)
    {
        for (var i = 0; i < u.Length; i++)
            if (!(u[i] >= reservations[i])) return false;
        return true;
    }

    /// <summary>The objective of <paramref name="solution"/> for <paramref name="u"/>, larger is better (KS is negated).</summary>
    /// <remarks>
    /// Nash: Πᵢ max(uᵢ − rᵢ, 0). Egalitarian: minᵢ(uᵢ − rᵢ). Utilitarian: Σᵢuᵢ. Kalai–Smorodinsky: −(max − min) of
    /// gᵢ = (uᵢ − rᵢ)/(idealᵢ − rᵢ), with gᵢ = 1 when idealᵢ − rᵢ ≤ ε (the party cannot gain at all).
    /// </remarks>
    public static double Objective(BargainingSolution solution, ReadOnlySpan<double> u, IReadOnlyList<double> reservations, IReadOnlyList<double> ideal)
    {
        switch (solution)
        {
            case BargainingSolution.Nash:
                var product = 1.0;
                for (var i = 0; i < u.Length; i++) product *= Math.Max(u[i] - reservations[i], 0);
                return product;
            case BargainingSolution.Egalitarian:
                var min = double.MaxValue;
                for (var i = 0; i < u.Length; i++) min = Math.Min(min, u[i] - reservations[i]);
                return min;
            case BargainingSolution.Utilitarian:
                var sum = 0.0;
                foreach (var x in u) sum += x;
                return sum;
            default:
                double lo = double.MaxValue, hi = double.MinValue;
                for (var i = 0; i < u.Length; i++)
                {
                    var range = ideal[i] - reservations[i];
                    var g = range <= UtilityVectors.Tolerance ? 1.0 : (u[i] - reservations[i]) / range;
                    lo = Math.Min(lo, g);
                    hi = Math.Max(hi, g);
                }

                return -(hi - lo);
        }
    }

    /// <summary>
    /// The index of the best rational candidate for <paramref name="solution"/>, or −1 when none is rational.
    /// Kalai–Smorodinsky is only meaningful over Pareto-optimal candidates; the caller passes the frontier.
    /// </summary>
    public static int Best(BargainingSolution solution, int count, Func<int, double[]> vector, IReadOnlyList<double> reservations, IReadOnlyList<double> ideal)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k < count; k++)
        {
            var u = vector(k);
            if (!IsRational(u, reservations)) continue;
            var v = Objective(solution, u, reservations, ideal);
            if (best < 0 || v > bestValue + TieTolerance)
            {
                best = k;
                bestValue = v;
            }
        }

        return best;
    }

    /// <summary>
    /// ‖1 − u/ideal‖₂ with the term for party i written (idealᵢ − uᵢ)/|idealᵢ| (or idealᵢ − uᵢ when idealᵢ = 0),
    /// which equals 1 − uᵢ/idealᵢ for the usual positive ideal.
    /// </summary>
    public static double OppositionDistance(ReadOnlySpan<double> u, IReadOnlyList<double> ideal)
    {
        var s = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            var t = ideal[i] == 0 ? ideal[i] - u[i] : (ideal[i] - u[i]) / Math.Abs(ideal[i]);
            s += t * t;
        }

        return Math.Sqrt(s);
    }
}
