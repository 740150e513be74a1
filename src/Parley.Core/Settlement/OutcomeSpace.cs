using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>
/// The set of all packages: one option chosen on every issue. Its size is the product of the issues'
/// option counts and may be far too large to enumerate (30 issues × 10 options is 10³⁰).
/// </summary>
public sealed class OutcomeSpace
{
    /// <summary>Creates a space over distinct, named issues.</summary>
    /// <exception cref="ArgumentException">No issues, or two issues share a name.</exception>
    public OutcomeSpace(IEnumerable<SettlementIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = [.. issues];
        if (Issues.Length == 0) throw new ArgumentException("An outcome space needs at least one issue.", nameof(issues));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in Issues)
            if (!names.Add(i.Name)) throw new ArgumentException($"Two issues are named '{i.Name}'.", nameof(issues));
        Size = Issues.Aggregate(BigInteger.One, (acc, i) => acc * i.Count);
    }

    /// <summary>The issues in their given order; outcomes list their choices in this order.</summary>
    public ImmutableArray<SettlementIssue> Issues { get; }

    /// <summary>The number of outcomes, Π |optionsᵢ|.</summary>
    public BigInteger Size { get; }

    /// <summary>The position of the issue named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Issues.Length; i++)
            if (Issues[i].Name == name) return i;
        return -1;
    }

    /// <summary>Builds the outcome that picks the labelled option on every issue.</summary>
    /// <exception cref="ArgumentException">An issue is missing or a label is unknown.</exception>
    public Outcome OutcomeOf(IReadOnlyDictionary<string, string> labels)
    {
        var choices = new int[Issues.Length];
        for (var i = 0; i < Issues.Length; i++)
        {
            if (!labels.TryGetValue(Issues[i].Name, out var label))
                throw new ArgumentException($"The package does not choose an option for issue '{Issues[i].Name}'.", nameof(labels));
            choices[i] = Issues[i].IndexOf(label);
            if (choices[i] < 0) throw new ArgumentException($"Issue '{Issues[i].Name}' has no option '{label}'.", nameof(labels));
        }

        return new Outcome(choices);
    }

    /// <summary>The outcome as issue name → option label, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(Outcome outcome)
    {
        Check(outcome);
        return [.. Issues.Select((issue, i) => KeyValuePair.Create(issue.Name, issue.Options[outcome[i]]))];
    }

    /// <summary>Throws unless <paramref name="outcome"/> chooses a valid option on every issue of this space.</summary>
    /// <exception cref="ArgumentException">Wrong length or an option index out of range.</exception>
    public void Check(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Count != Issues.Length)
            throw new ArgumentException($"The outcome chooses on {outcome.Count} issues; the space has {Issues.Length}.", nameof(outcome));
        for (var i = 0; i < Issues.Length; i++)
            if (outcome[i] < 0 || outcome[i] >= Issues[i].Count)
                throw new ArgumentException($"Option {outcome[i]} does not exist on issue '{Issues[i].Name}'.", nameof(outcome));
    }
}
