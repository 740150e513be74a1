using System.Globalization;

namespace Parley.Core.Guarantees;

/// <summary>
/// Evaluates commitments against incidents and events as of one instant. A pure function: it reads no clock —
/// callers pass <c>timeProvider.GetUtcNow()</c> or any past instant — and knows only what was recorded at or before
/// <c>asOf</c> (events, verification steps, actions). The same inputs always give the same result.
/// </summary>
/// <remarks>
/// Rules, in one place:
/// <list type="bullet">
/// <item>Only incidents Verified as of <c>asOf</c> and attributed on verification count; Reported, UnderReview and
/// Rejected reports, and verified but unattributed ones, have no effect.</item>
/// <item>An incident is covered only if its whole time interval lies in a period when the commitment was in effect
/// (after entry into force, not suspended, before closure) and inside its window; an incident before entry into
/// force, during a suspension or straddling a boundary has no effect.</item>
/// <item>Duplicate reports (see <see cref="DuplicatePolicy"/>) count once: one breach or one trigger per group.</item>
/// <item>Deadlines are inclusive and run from the trigger instant; suspended time does not count.</item>
/// </list>
/// </remarks>
public static class GuaranteeEvaluator
{
    /// <summary>Evaluates every commitment.</summary>
    /// <exception cref="ArgumentException">Two commitments share an id, or an event names an unknown commitment.</exception>
    public static GuaranteesEvaluation Evaluate(IEnumerable<Commitment> commitments, IncidentIndex incidents,
        IEnumerable<CommitmentEvent> events, DateTimeOffset asOf) =>
        Evaluate(commitments, incidents, events, asOf, CandidateSearch.Indexed);

    /// <summary>As the public overload, with the candidate search chosen: the full scan is the tests' and benchmarks' baseline.</summary>
    internal static GuaranteesEvaluation Evaluate(IEnumerable<Commitment> commitments, IncidentIndex incidents,
        IEnumerable<CommitmentEvent> events, DateTimeOffset asOf, CandidateSearch search)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(events);
        var list = commitments.ToArray();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in list)
            if (!ids.Add(c.Id)) throw new ArgumentException($"Commitment id '{c.Id}' appears twice.", nameof(commitments));
        var all = events.ToArray();
        foreach (var id in all.OfType<LifecycleEvent>().Select(e => e.CommitmentId)
                     .Concat(all.OfType<ActionPerformed>().Select(e => e.CommitmentId)))
            if (!ids.Contains(id)) throw new ArgumentException($"An event names unknown commitment '{id}'.", nameof(events));

        var statuses = list.Select(c => c switch
        {
            Prohibition p => EvaluateProhibition(p, incidents, Lifecycle.Replay(p, For(all, p.Id), asOf), asOf, search),
            Obligation o => ObligationEvaluation.Evaluate(o, incidents, Lifecycle.Replay(o, For(all, o.Id), asOf), all, asOf, search),
            _ => throw new ArgumentException($"Unknown commitment kind {c.GetType().Name}.", nameof(commitments)),
        }).ToArray();
        return new GuaranteesEvaluation(asOf, statuses);
    }

    private static IEnumerable<LifecycleEvent> For(CommitmentEvent[] events, string id) =>
        events.OfType<LifecycleEvent>().Where(e => string.Equals(e.CommitmentId, id, StringComparison.OrdinalIgnoreCase));

    private static CommitmentStatus EvaluateProhibition(Prohibition p, IncidentIndex index, Lifecycle life,
        DateTimeOffset asOf, CandidateSearch search)
    {
        var best = new Dictionary<int, (int Incident, ConductRule Rule, Period Period)>();
        foreach (var period in life.Covered(p.Window))
        {
            foreach (var i in index.Covered(period, p.Area, asOf, p.BoundParties, search))
            {
                var incident = index.Items[i];
                ConductRule? rule = null;
                foreach (var r in p.Rules)
                    if (r.Matches(incident)) { rule = r; break; }
                if (rule is null) continue;
                var group = index.Groups.GroupOf(i);
                if (!best.TryGetValue(group, out var current) || Earlier(incident, index.Items[current.Incident]))
                    best[group] = (i, rule, period);
            }
        }

        var described = p.Rules.ToDictionary(r => r, r => $"rule {r.Describe()}; in {p.Area}; by ");
        var periods = new Dictionary<Period, string>();
        var breaches = best.Select(kv => MakeBreach(described[kv.Value.Rule], PeriodText(periods, kv.Value.Period), index, kv.Key,
                kv.Value.Incident, kv.Value.Rule, asOf))
            .OrderBy(b => b.Time.Start).ThenBy(b => b.IncidentId, StringComparer.Ordinal).ToArray();
        StateTransition? violation = breaches.Length == 0 ? null : new StateTransition(CommitmentState.InEffect,
            CommitmentState.Violated, breaches[0].Time.Start,
            $"incident {breaches[0].IncidentId} breached rule {breaches[0].RuleId} (verified {breaches[0].VerifiedAt:o})");
        StateTransition? ending = life.WindowClosedAt is { } end
            ? new StateTransition(life.State, CommitmentState.Fulfilled, end, "window ended without a verified breach")
            : null;
        return Finish(p, life, violation, ending, breaches, []);
    }

    /// <summary>True when <paramref name="party"/> is in <paramref name="parties"/> (case-insensitive).</summary>
    internal static bool IsOneOf(string party, IReadOnlyList<string> parties)
    {
        for (var k = 0; k < parties.Count; k++)
            if (string.Equals(parties[k], party, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Orders reports of one group: earlier start first, then by id.</summary>
    internal static bool Earlier(Incident a, Incident b)
    {
        var c = a.Time.Start.CompareTo(b.Time.Start);
        return c < 0 || (c == 0 && string.CompareOrdinal(a.Id, b.Id) < 0);
    }

    /// <summary>The group's ids with the establishing report first.</summary>
    internal static string[] GroupIds(IncidentIndex index, int group, int first)
    {
        var members = index.Groups.Members(group);
        if (members.Count == 1) return [index.Items[first].Id];
        return [index.Items[first].Id, .. members.Where(m => m != first).Select(m => index.Items[m].Id)];
    }

    private static string PeriodText(Dictionary<Period, string> cache, Period period)
    {
        if (!cache.TryGetValue(period, out var text))
            cache[period] = text = string.Concat(" (bound); within in-effect period ", period.From.ToString("o", CultureInfo.InvariantCulture),
                " – ", period.To is { } t ? t.ToString("o", CultureInfo.InvariantCulture) : "open");
        return text;
    }

    private static Breach MakeBreach(string described, string periodText, IncidentIndex index, int group, int i, ConductRule rule,
        DateTimeOffset asOf)
    {
        var incident = index.Items[i];
        var verified = incident.VerifiedAsOf(asOf)!;
        return new Breach(rule.Id, incident.Id, GroupIds(index, group, i), incident.Time, verified.ResponsibleParty!,
            verified.At, string.Concat(described, verified.ResponsibleParty, periodText));
    }

    /// <summary>
    /// Combines the lifecycle trace with a violation (a final state from breach or missed deadline) and the state
    /// reached when the window ends. Transitions after a violation are not state changes any more; they become notes.
    /// </summary>
    internal static CommitmentStatus Finish(Commitment c, Lifecycle life, StateTransition? violation, StateTransition? ending,
        IReadOnlyList<Breach> breaches, IReadOnlyList<Duty> duties)
    {
        var notes = new List<string>(life.Notes);
        var transitions = new List<StateTransition>();
        var state = CommitmentState.Created;
        var limit = life.Closure?.At ?? life.WindowClosedAt;
        if (violation is not null && (limit is not { } l || violation.At < l))
        {
            foreach (var t in life.Transitions)
            {
                if (t.At <= violation.At) { transitions.Add(t); state = t.To; }
                else notes.Add($"after the violation: {t.From} → {t.To} at {t.At:o} ({t.Cause}) has no effect on the state");
            }
            transitions.Add(violation with { From = state });
            return new CommitmentStatus(c, CommitmentState.Violated, transitions, breaches, duties, notes);
        }
        transitions.AddRange(life.Transitions);
        state = life.State;
        if (ending is not null && life.Closure is null)
        {
            transitions.Add(ending with { From = state });
            state = ending.To;
        }
        return new CommitmentStatus(c, state, transitions, breaches, duties, notes);
    }
}
