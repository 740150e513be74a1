using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// The Guarantees part of a scenario: commitments (with their lifecycle events and performed actions) and
/// incidents (with their review steps). Empty when the file has neither section.
/// </summary>
/// <param name="Commitments">The commitments, in file order.</param>
/// <param name="Events">Lifecycle events and performed actions of every commitment, in file order.</param>
/// <param name="Incidents">The incidents, in file order, with their reviews applied.</param>
public sealed record ScenarioGuarantees(IReadOnlyList<Commitment> Commitments, IReadOnlyList<CommitmentEvent> Events,
    IReadOnlyList<Incident> Incidents)
{
    /// <summary>No commitment, event or incident.</summary>
    public static ScenarioGuarantees Empty { get; } = new([], [], []);

    /// <summary>True when there is nothing to write or evaluate.</summary>
    public bool IsEmpty => Commitments.Count == 0 && Events.Count == 0 && Incidents.Count == 0;

    /// <summary>
    /// Evaluates the commitments as of <paramref name="asOf"/> against this scenario's incidents plus
    /// <paramref name="moreIncidents"/> (e.g. an ACLED file), with the signals the negotiation's proposals raised
    /// by then (<see cref="TalksSignals"/>): a rejected or expired proposal fires signal triggers.
    /// </summary>
    /// <exception cref="ArgumentException">An incident id appears twice across the two sources.</exception>
    public (GuaranteesEvaluation Evaluation, IncidentIndex Index) Evaluate(Negotiation negotiation, DateTimeOffset asOf,
        IEnumerable<Incident>? moreIncidents = null, DuplicatePolicy? duplicates = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var index = IncidentIndex.Build(Incidents.Concat(moreIncidents ?? []), duplicates);
        var events = Events.Concat(TalksSignals.Of(negotiation, asOf));
        return (GuaranteeEvaluator.Evaluate(Commitments, index, events, asOf), index);
    }
}
