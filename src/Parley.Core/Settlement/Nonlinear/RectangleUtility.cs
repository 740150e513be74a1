using System.Collections.Immutable;

namespace Parley.Core.Settlement.Nonlinear;

/// <summary>
/// A GENIUS nonlinear (constraint) utility: u(x) = min(1, F(x) / M) with F(x) = Σ utilities of the rectangles that
/// apply to x (<see cref="HyperRectangle.AppliesTo"/>), summed in list order, and M = <see cref="MaxUtility"/>, the
/// profile's <c>maxutility</c>. As in GENIUS 10.4 the quotient is capped at 1 but not floored (a profile whose
/// rectangles can sum above <c>maxutility</c> saturates at 1).
/// </summary>
public sealed class RectangleUtility
{
    /// <summary>Creates the function.</summary>
    /// <exception cref="ArgumentException"><paramref name="maxUtility"/> is not a positive finite number, or a bound names an issue outside <paramref name="issues"/>.</exception>
    public RectangleUtility(IEnumerable<HyperRectangle> rectangles, double maxUtility, int issues)
    {
        ArgumentNullException.ThrowIfNull(rectangles);
        if (!double.IsFinite(maxUtility) || maxUtility <= 0)
            throw new ArgumentException($"maxutility must be a positive number (it divides every utility); it is {maxUtility}.", nameof(maxUtility));
        Rectangles = [.. rectangles];
        foreach (var r in Rectangles)
            foreach (var b in r.Bounds)
                if (b.Issue >= issues) throw new ArgumentException($"A rectangle bounds issue {b.Issue}; the space has {issues}.", nameof(rectangles));
        MaxUtility = maxUtility;
        IssueCount = issues;
    }

    /// <summary>The rectangles in file order.</summary>
    public ImmutableArray<HyperRectangle> Rectangles { get; }

    /// <summary>M, the divisor that maps F to [.., 1].</summary>
    public double MaxUtility { get; }

    /// <summary>The number of issues of the space the bounds refer to.</summary>
    public int IssueCount { get; }

    /// <summary>F(x): the sum of the utilities of the rectangles that apply, in list order.</summary>
    public double Raw(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var f = 0.0;
        foreach (var r in Rectangles)
            if (r.AppliesTo(outcome)) f += r.Utility;
        return f;
    }

    /// <summary>u(x) = min(1, F(x) / M).</summary>
    public double Evaluate(Outcome outcome) => Math.Min(1.0, Raw(outcome) / MaxUtility);
}
