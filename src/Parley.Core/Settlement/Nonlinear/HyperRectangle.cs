using System.Collections.Immutable;

namespace Parley.Core.Settlement.Nonlinear;

/// <summary>Whether a rectangle pays inside its box (GENIUS <c>INCLUDES</c>) or outside it (<c>EXCLUDES</c>).</summary>
public enum RectangleKind
{
    /// <summary>Pays its utility when every bound holds (always, when it has no bounds).</summary>
    Inclusive,

    /// <summary>Pays its utility when at least one bound fails, nothing inside the box.</summary>
    Exclusive,
}

/// <summary>
/// One side of a box: the chosen option of issue <see cref="Issue"/> (a position in the outcome space) lies between
/// option positions <see cref="MinOption"/> and <see cref="MaxOption"/>, both included.
/// </summary>
public sealed record IssueBound
{
    /// <summary>Creates a bound.</summary>
    /// <exception cref="ArgumentException">A negative position or <paramref name="maxOption"/> below <paramref name="minOption"/>.</exception>
    public IssueBound(int issue, int minOption, int maxOption)
    {
        if (issue < 0) throw new ArgumentException("An issue position is never negative.", nameof(issue));
        if (minOption < 0 || maxOption < minOption)
            throw new ArgumentException($"The option range [{minOption}, {maxOption}] of issue {issue} is empty or negative.", nameof(maxOption));
        Issue = issue;
        MinOption = minOption;
        MaxOption = maxOption;
    }

    /// <summary>The issue's position in the outcome space.</summary>
    public int Issue { get; }

    /// <summary>The lowest option position inside the bound.</summary>
    public int MinOption { get; }

    /// <summary>The highest option position inside the bound (included).</summary>
    public int MaxOption { get; }

    /// <summary>True when the outcome's option on <see cref="Issue"/> lies in [MinOption, MaxOption].</summary>
    public bool Holds(Outcome outcome) => outcome[Issue] >= MinOption && outcome[Issue] <= MaxOption;
}

/// <summary>
/// A GENIUS constraint (hyperRectangle): a box over some issues and the utility it contributes. An inclusive rectangle
/// contributes <see cref="Utility"/> when the outcome lies in the box (every bound holds), an exclusive one when it lies
/// outside (some bound fails). <see cref="Utility"/> already carries the rectangle's and its ufuns' weights.
/// </summary>
public sealed class HyperRectangle
{
    /// <summary>Creates a rectangle.</summary>
    /// <exception cref="ArgumentException">A utility that is not finite, an exclusive rectangle without bounds, or two bounds on one issue.</exception>
    public HyperRectangle(RectangleKind kind, double utility, IEnumerable<IssueBound> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (!double.IsFinite(utility)) throw new ArgumentException("A rectangle's utility must be finite.", nameof(utility));
        Bounds = [.. bounds];
        if (kind == RectangleKind.Exclusive && Bounds.IsEmpty)
            throw new ArgumentException("An exclusive rectangle needs at least one bound.", nameof(bounds));
        if (Bounds.Select(b => b.Issue).Distinct().Count() != Bounds.Length)
            throw new ArgumentException("A rectangle bounds each issue at most once.", nameof(bounds));
        Kind = kind;
        Utility = utility;
    }

    /// <summary>Inclusive or exclusive.</summary>
    public RectangleKind Kind { get; }

    /// <summary>What the rectangle contributes when it applies (in the profile's raw units, before ÷ maxutility).</summary>
    public double Utility { get; }

    /// <summary>The sides of the box, at most one per issue.</summary>
    public ImmutableArray<IssueBound> Bounds { get; }

    /// <summary>True when the outcome lies in the box: every bound holds (always true without bounds).</summary>
    public bool Contains(Outcome outcome)
    {
        foreach (var b in Bounds)
            if (!b.Holds(outcome)) return false;
        return true;
    }

    /// <summary>True when the rectangle contributes for <paramref name="outcome"/>.</summary>
    public bool AppliesTo(Outcome outcome) => Contains(outcome) == (Kind == RectangleKind.Inclusive);
}
