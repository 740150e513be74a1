namespace Parley.Core.Settlement;

/// <summary>One option of one issue, both by zero-based position in an <see cref="OutcomeSpace"/>.</summary>
public readonly record struct OptionRef
{
    /// <summary>Creates a reference; the space checks the range.</summary>
    /// <exception cref="ArgumentException">A negative position.</exception>
    public OptionRef(int issue, int option)
    {
        if (issue < 0 || option < 0) throw new ArgumentException("Issue and option positions are never negative.");
        Issue = issue;
        Option = option;
    }

    /// <summary>The issue's position.</summary>
    public int Issue { get; }

    /// <summary>The option's position within the issue.</summary>
    public int Option { get; }

    /// <summary>True when <paramref name="outcome"/> chooses this option.</summary>
    public bool IsChosenBy(Outcome outcome) => outcome[Issue] == Option;

    internal void Check(OutcomeSpace space, string what)
    {
        if (Issue >= space.Issues.Length)
            throw new ArgumentException($"{what} names issue {Issue}; the space has {space.Issues.Length} issues.");
        if (Option >= space.Issues[Issue].Count)
            throw new ArgumentException($"{what} names option {Option} of issue '{space.Issues[Issue].Name}', which has {space.Issues[Issue].Count}.");
    }
}

/// <summary>The two kinds of cross-issue constraint.</summary>
public enum ConstraintKind
{
    /// <summary>"<c>If</c> only together with <c>Then</c>": choosing <c>If</c> requires choosing <c>Then</c>.</summary>
    Requires,

    /// <summary>"<c>If</c> excludes <c>Then</c>": the two are never chosen together.</summary>
    Excludes,
}

/// <summary>
/// A condition linking options of two different issues that a party insists on; an outcome that breaks it is
/// unacceptable to that party whatever its utility.
/// </summary>
public sealed record CrossIssueConstraint
{
    /// <summary>Creates a constraint between options of two different issues.</summary>
    /// <exception cref="ArgumentException">Both options belong to the same issue.</exception>
    public CrossIssueConstraint(ConstraintKind kind, OptionRef @if, OptionRef then)
    {
        if (@if.Issue == then.Issue) throw new ArgumentException("A cross-issue constraint links two different issues.", nameof(then));
        Kind = kind;
        If = @if;
        Then = then;
    }

    /// <summary>Requires or excludes.</summary>
    public ConstraintKind Kind { get; }

    /// <summary>The triggering option.</summary>
    public OptionRef If { get; }

    /// <summary>The option required or excluded when <see cref="If"/> is chosen.</summary>
    public OptionRef Then { get; }

    /// <summary>True when <paramref name="outcome"/> respects the constraint.</summary>
    public bool IsSatisfiedBy(Outcome outcome) =>
        !If.IsChosenBy(outcome) || (Kind == ConstraintKind.Requires ? Then.IsChosenBy(outcome) : !Then.IsChosenBy(outcome));
}

/// <summary>A bonus (or, if negative, a malus) a party gets when two options of different issues are chosen together.</summary>
public sealed record Interaction
{
    /// <summary>Creates an interaction term.</summary>
    /// <exception cref="ArgumentException">Both options belong to one issue, or the bonus is not finite.</exception>
    public Interaction(OptionRef first, OptionRef second, double bonus)
    {
        if (first.Issue == second.Issue) throw new ArgumentException("An interaction links two different issues.", nameof(second));
        if (!double.IsFinite(bonus)) throw new ArgumentException("An interaction bonus must be finite.", nameof(bonus));
        First = first;
        Second = second;
        Bonus = bonus;
    }

    /// <summary>One option.</summary>
    public OptionRef First { get; }

    /// <summary>The other option, on another issue.</summary>
    public OptionRef Second { get; }

    /// <summary>Added to the utility when both are chosen.</summary>
    public double Bonus { get; }
}
