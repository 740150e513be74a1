using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>
/// A party's utility over packages: u(x) = Σᵢ wᵢ·vᵢ(xᵢ) + Σ bonuses of the <see cref="Interactions"/> whose two
/// options are both chosen. Weights are used as given (they need not sum to 1); option values are usually
/// in [0, 1] but any finite number is allowed.
/// </summary>
public sealed class UtilityFunction
{
    /// <summary>Creates a utility function.</summary>
    /// <param name="weights">wᵢ per issue, finite.</param>
    /// <param name="values">vᵢ per issue and option, finite; one row per weight.</param>
    /// <param name="interactions">Optional pairwise bonuses.</param>
    /// <exception cref="ArgumentException">Rows and weights differ in number, a row is empty or a number is not finite.</exception>
    public UtilityFunction(IEnumerable<double> weights, IEnumerable<IEnumerable<double>> values, IEnumerable<Interaction>? interactions = null)
    {
        Weights = [.. weights];
        Values = [.. values.Select(row => row.ToImmutableArray())];
        Interactions = interactions is null ? [] : [.. interactions];
        if (Weights.Length != Values.Length)
            throw new ArgumentException($"{Weights.Length} weights but {Values.Length} rows of option values.", nameof(values));
        for (var i = 0; i < Weights.Length; i++)
        {
            if (!double.IsFinite(Weights[i])) throw new ArgumentException($"The weight of issue {i} is not finite.", nameof(weights));
            if (Values[i].Length == 0) throw new ArgumentException($"Issue {i} has no option values.", nameof(values));
            foreach (var v in Values[i])
                if (!double.IsFinite(v)) throw new ArgumentException($"An option value of issue {i} is not finite.", nameof(values));
        }
    }

    /// <summary>The weight of each issue.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The value of each option of each issue (before weighting).</summary>
    public ImmutableArray<ImmutableArray<double>> Values { get; }

    /// <summary>Pairwise bonuses; empty for an additive function.</summary>
    public ImmutableArray<Interaction> Interactions { get; }

    /// <summary>wᵢ·vᵢ(option): the issue's weighted contribution.</summary>
    public double Contribution(int issue, int option) => Weights[issue] * Values[issue][option];

    /// <summary>u(<paramref name="outcome"/>), summing issue contributions in issue order, then interactions in list order.</summary>
    public double Evaluate(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var u = 0.0;
        for (var i = 0; i < Weights.Length; i++) u += Contribution(i, outcome[i]);
        foreach (var t in Interactions)
            if (t.First.IsChosenBy(outcome) && t.Second.IsChosenBy(outcome)) u += t.Bonus;
        return u;
    }

    internal void Check(OutcomeSpace space, string party)
    {
        if (Weights.Length != space.Issues.Length)
            throw new ArgumentException($"Party '{party}' values {Weights.Length} issues; the space has {space.Issues.Length}.");
        for (var i = 0; i < Weights.Length; i++)
            if (Values[i].Length != space.Issues[i].Count)
                throw new ArgumentException($"Party '{party}' values {Values[i].Length} options of issue '{space.Issues[i].Name}', which has {space.Issues[i].Count}.");
        foreach (var t in Interactions)
        {
            t.First.Check(space, $"An interaction of party '{party}'");
            t.Second.Check(space, $"An interaction of party '{party}'");
        }
    }
}
