using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>An outcome space and the preference profiles of the parties whose settlement is sought.</summary>
public sealed class SettlementProblem
{
    /// <summary>Creates a problem, checking every profile against the space.</summary>
    /// <exception cref="ArgumentException">No profiles, duplicate party names, or a profile that does not fit the space.</exception>
    public SettlementProblem(OutcomeSpace space, IEnumerable<PreferenceProfile> profiles)
    {
        Space = space ?? throw new ArgumentNullException(nameof(space));
        Profiles = [.. profiles];
        if (Profiles.Length == 0) throw new ArgumentException("A settlement needs at least one party.", nameof(profiles));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in Profiles)
        {
            if (!names.Add(p.Party)) throw new ArgumentException($"Party '{p.Party}' has two profiles.", nameof(profiles));
            p.Check(space);
        }
    }

    /// <summary>The packages.</summary>
    public OutcomeSpace Space { get; }

    /// <summary>One profile per party; utility vectors list parties in this order.</summary>
    public ImmutableArray<PreferenceProfile> Profiles { get; }

    /// <summary>The number of parties.</summary>
    public int PartyCount => Profiles.Length;

    /// <summary>True when no profile has interactions or constraints (red lines keep a profile additive).</summary>
    public bool IsAdditive => Profiles.All(p => p.Utility.Interactions.IsEmpty && p.Constraints.IsEmpty);

    /// <summary>True when every party permits the outcome (red lines and constraints).</summary>
    public bool IsFeasible(Outcome outcome) => Profiles.All(p => p.Permits(outcome));

    /// <summary>The utility vector (u₁, …, uₙ) of an outcome, in profile order.</summary>
    public double[] Utilities(Outcome outcome)
    {
        Space.Check(outcome);
        return [.. Profiles.Select(p => p.Utility.Evaluate(outcome))];
    }

    /// <summary>A copy with profile <paramref name="party"/> replaced (what-if analysis).</summary>
    public SettlementProblem WithProfile(int party, PreferenceProfile profile) =>
        new(Space, Profiles.SetItem(party, profile));
}
