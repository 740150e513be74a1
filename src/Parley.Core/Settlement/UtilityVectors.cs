namespace Parley.Core.Settlement;

/// <summary>
/// Comparison of utility vectors with the engine's tolerance ε = 1e-9: two vectors are <em>equal</em> when every
/// component differs by at most ε; a <em>dominates</em> b when aᵢ ≥ bᵢ − ε for every party and the two are not equal.
/// </summary>
public static class UtilityVectors
{
    /// <summary>ε, the tolerance of equality and dominance.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>True when every component of <paramref name="a"/> is within ε of <paramref name="b"/>.</summary>
    public static bool Equal(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var i = 0; i < a.Length; i++)
            if (Math.Abs(a[i] - b[i]) > Tolerance) return false;
        return true;
    }

    /// <summary>True when <paramref name="a"/> is at least as good for every party (within ε) and strictly better (by more than ε) for one.</summary>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var strict = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < b[i] - Tolerance) return false;
            if (a[i] > b[i] + Tolerance) strict = true;
        }

        return strict;
    }

    /// <summary>Lexicographic order, descending: u₁ first, then u₂, … (the canonical order of a frontier).</summary>
    public static int CompareDescending(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = b[i].CompareTo(a[i]);
            if (c != 0) return c;
        }

        return 0;
    }
}
