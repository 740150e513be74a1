using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>
/// One party's private preferences: its <see cref="UtilityFunction"/>, the reservation value below which it
/// prefers no deal, its red lines (options it will never accept) and its cross-issue constraints.
/// Profiles are confidential to their delegation and the mediator; results shown to a delegation are redacted
/// (<see cref="RedactedResult"/>).
/// </summary>
public sealed class PreferenceProfile
{
    /// <summary>Creates a profile.</summary>
    /// <exception cref="ArgumentException">A blank party name or a reservation value that is not finite.</exception>
    public PreferenceProfile(
        string party,
        UtilityFunction utility,
        double reservation = 0.0,
        IEnumerable<OptionRef>? redLines = null,
        IEnumerable<CrossIssueConstraint>? constraints = null)
    {
        if (string.IsNullOrWhiteSpace(party)) throw new ArgumentException("A profile names its party.", nameof(party));
        if (!double.IsFinite(reservation)) throw new ArgumentException("The reservation value must be finite.", nameof(reservation));
        Party = party;
        Utility = utility ?? throw new ArgumentNullException(nameof(utility));
        Reservation = reservation;
        RedLines = redLines is null ? [] : [.. redLines.Distinct()];
        Constraints = constraints is null ? [] : [.. constraints];
    }

    /// <summary>The party these preferences belong to.</summary>
    public string Party { get; }

    /// <summary>The party's utility over packages.</summary>
    public UtilityFunction Utility { get; }

    /// <summary>rᵢ: the utility of no agreement; a package is rational for the party when u ≥ r.</summary>
    public double Reservation { get; }

    /// <summary>Options the party will never accept.</summary>
    public ImmutableArray<OptionRef> RedLines { get; }

    /// <summary>Cross-issue conditions the party insists on.</summary>
    public ImmutableArray<CrossIssueConstraint> Constraints { get; }

    /// <summary>True when the outcome avoids every red line and respects every constraint of this party.</summary>
    public bool Permits(Outcome outcome)
    {
        foreach (var r in RedLines)
            if (r.IsChosenBy(outcome)) return false;
        foreach (var c in Constraints)
            if (!c.IsSatisfiedBy(outcome)) return false;
        return true;
    }

    /// <summary>A copy with <paramref name="option"/> added to the red lines.</summary>
    public PreferenceProfile WithRedLine(OptionRef option) => new(Party, Utility, Reservation, RedLines.Add(option), Constraints);

    /// <summary>A copy without the red line on <paramref name="option"/> (unchanged if there is none).</summary>
    public PreferenceProfile WithoutRedLine(OptionRef option) => new(Party, Utility, Reservation, RedLines.Remove(option), Constraints);

    /// <summary>A copy with another reservation value.</summary>
    public PreferenceProfile WithReservation(double reservation) => new(Party, Utility, reservation, RedLines, Constraints);

    internal void Check(OutcomeSpace space)
    {
        Utility.Check(space, Party);
        foreach (var r in RedLines) r.Check(space, $"A red line of party '{Party}'");
        foreach (var c in Constraints)
        {
            c.If.Check(space, $"A constraint of party '{Party}'");
            c.Then.Check(space, $"A constraint of party '{Party}'");
        }
    }
}
