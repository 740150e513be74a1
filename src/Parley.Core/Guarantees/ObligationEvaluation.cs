namespace Parley.Core.Guarantees;

/// <summary>
/// Evaluates an obligation: finds its triggers (verified incidents or signals in its in-effect periods), spawns
/// one duty per debtor per trigger, runs each duty's deadline around suspensions, and matches recorded actions.
/// </summary>
internal static class ObligationEvaluation
{
    private sealed record TriggerHit(DateTimeOffset At, string By, string[] IncidentIds);

    private sealed class DutyDraft(string debtor, TriggerHit trigger, DateTimeOffset? deadline, TimeSpan remaining)
    {
        public string Debtor { get; } = debtor;
        public TriggerHit Trigger { get; } = trigger;
        public DateTimeOffset? Deadline { get; } = deadline;
        public TimeSpan PausedRemaining { get; } = remaining;
        public DateTimeOffset? FulfilledAt { get; set; }
    }

    public static CommitmentStatus Evaluate(Obligation o, IncidentIndex index, Lifecycle life, CommitmentEvent[] events,
        DateTimeOffset asOf, CandidateSearch search)
    {
        var notes = new List<string>();
        var hits = Triggers(o, index, life, events, asOf, search, notes);
        var drafts = new List<DutyDraft>();
        foreach (var hit in hits.OrderBy(h => h.At).ThenBy(h => h.By, StringComparer.Ordinal))
            foreach (var debtor in o.Debtors)
            {
                var (deadline, remaining) = RunDeadline(hit.At, o.Deadline, life.Suspensions);
                drafts.Add(new DutyDraft(debtor, hit, deadline, remaining));
            }
        MatchActions(o, life, events, asOf, drafts, notes);

        var duties = drafts.Select(d => Close(d, life, asOf)).ToArray();
        StateTransition? violation = duties.Where(d => d.State == CommitmentState.Violated)
            .OrderBy(d => d.Deadline).Select(d => new StateTransition(CommitmentState.InEffect, CommitmentState.Violated,
                d.Deadline!.Value, $"{d.Debtor} did not {o.RequiredAction} by the deadline after {d.TriggeredBy}"))
            .FirstOrDefault();
        StateTransition? ending = null;
        if (life.WindowClosedAt is { } end)
        {
            if (duties.Length == 0)
                ending = new StateTransition(life.State, CommitmentState.Expired, end, "window ended without a trigger");
            else if (duties.All(d => d.State is CommitmentState.Fulfilled or CommitmentState.Discharged or CommitmentState.Terminated))
            {
                var last = duties.Max(d => d.Transitions[^1].At);
                ending = new StateTransition(life.State, CommitmentState.Fulfilled, last > end ? last : end,
                    "window ended and every duty was honoured");
            }
        }
        var status = GuaranteeEvaluator.Finish(o, life, violation, ending, [], duties);
        return status with { Notes = [.. status.Notes, .. notes] };
    }

    private static List<TriggerHit> Triggers(Obligation o, IncidentIndex index, Lifecycle life, CommitmentEvent[] events,
        DateTimeOffset asOf, CandidateSearch search, List<string> notes)
    {
        var hits = new List<TriggerHit>();
        var closedAt = life.Closure?.At;
        switch (o.Trigger)
        {
            case IncidentTrigger trigger:
                var best = new Dictionary<int, int>();
                foreach (var period in life.Covered(o.Window))
                    foreach (var i in index.Covered(period, trigger.Area, asOf, trigger.AttributedTo, search))
                    {
                        var incident = index.Items[i];
                        if (!trigger.Conduct.Matches(incident)) continue;
                        var group = index.Groups.GroupOf(i);
                        if (!best.TryGetValue(group, out var current) || GuaranteeEvaluator.Earlier(incident, index.Items[current]))
                            best[group] = i;
                    }
                foreach (var (group, i) in best)
                {
                    var incident = index.Incidents[i];
                    var at = incident.VerifiedAsOf(asOf)!.At;
                    if (closedAt is { } c && at >= c)
                    {
                        notes.Add($"incident {incident.Id} was verified at {at:o}, after the obligation closed; no duty arises");
                        continue;
                    }
                    hits.Add(new TriggerHit(at, $"incident {incident.Id} ({incident.EventType})",
                        GuaranteeEvaluator.GroupIds(index, group, i)));
                }
                break;
            case SignalTrigger trigger:
                var covered = life.Covered(o.Window).ToArray();
                foreach (var s in events.OfType<SignalRaised>())
                {
                    if (s.At > asOf || !string.Equals(s.Signal, trigger.Signal, StringComparison.OrdinalIgnoreCase)) continue;
                    if (covered.Any(p => p.Contains(s.At)))
                        hits.Add(new TriggerHit(s.At, $"signal {s.Signal} ({s.Cause})", []));
                    else
                        notes.Add($"signal {s.Signal} at {s.At:o} came while the obligation was not in effect; no duty arises");
                }
                break;
        }
        return hits;
    }

    /// <summary>
    /// The inclusive deadline: <paramref name="anchor"/> + <paramref name="allowed"/>, pushed back by every suspension
    /// that starts before it is reached. Null while an open suspension holds the clock, with the time then remaining.
    /// </summary>
    internal static (DateTimeOffset? Deadline, TimeSpan Remaining) RunDeadline(DateTimeOffset anchor, TimeSpan allowed,
        IReadOnlyList<Period> suspensions)
    {
        var remaining = allowed;
        var t = anchor;
        foreach (var s in suspensions.OrderBy(s => s.From))
        {
            if (s.To is { } e && e <= t) continue;
            if (s.From > t)
            {
                if (t + remaining <= s.From) break;
                remaining -= s.From - t;
                t = s.From;
            }
            if (s.To is not { } resumed) return (null, remaining);
            t = resumed;
        }
        return (t + remaining, remaining);
    }

    private static void MatchActions(Obligation o, Lifecycle life, CommitmentEvent[] events, DateTimeOffset asOf,
        List<DutyDraft> drafts, List<string> notes)
    {
        var closedAt = life.Closure?.At;
        var actions = events.OfType<ActionPerformed>()
            .Where(a => a.At <= asOf && string.Equals(a.CommitmentId, o.Id, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.At);
        foreach (var a in actions)
        {
            if (!o.Debtors.Contains(a.Party, StringComparer.OrdinalIgnoreCase))
            {
                notes.Add($"{a.Party} acted at {a.At:o} but is not a debtor of this obligation");
                continue;
            }
            if (!string.Equals(a.Action, o.RequiredAction, StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"{a.Party} did '{a.Action}' at {a.At:o}; the action owed is '{o.RequiredAction}'");
                continue;
            }
            var duty = drafts.FirstOrDefault(d => d.FulfilledAt is null
                && string.Equals(d.Debtor, a.Party, StringComparison.OrdinalIgnoreCase)
                && d.Trigger.At <= a.At
                && (d.Deadline is not { } deadline || a.At <= deadline)
                && (closedAt is not { } c || a.At < c)
                && (a.IncidentId is null || d.Trigger.IncidentIds.Contains(a.IncidentId, StringComparer.Ordinal)));
            if (duty is null)
                notes.Add($"{a.Party} did '{a.Action}' at {a.At:o}, answering no open duty (late, early or already answered)");
            else
                duty.FulfilledAt = a.At;
        }
    }

    private static Duty Close(DutyDraft d, Lifecycle life, DateTimeOffset asOf)
    {
        var closure = life.Closure;
        (CommitmentState State, DateTimeOffset At, string Cause)? final = null;
        if (d.FulfilledAt is { } f)
            final = (CommitmentState.Fulfilled, f, $"{d.Debtor} performed the action");
        else if (closure is not null && (d.Deadline is not { } dl || closure.At <= dl))
            final = (closure.To, closure.At, $"the obligation was {closure.To.ToString().ToLowerInvariant()}: {closure.Cause}");
        else if (d.Deadline is { } deadline && asOf > deadline)
            final = (CommitmentState.Violated, deadline, $"deadline {deadline:o} passed without the action");

        var until = final?.At ?? asOf;
        var transitions = new List<StateTransition>();
        var suspendedAtStart = life.Suspensions.Any(s => s.Contains(d.Trigger.At));
        var state = suspendedAtStart ? CommitmentState.Suspended : CommitmentState.InEffect;
        transitions.Add(new StateTransition(CommitmentState.Created, state, d.Trigger.At, $"triggered by {d.Trigger.By}"));
        foreach (var s in life.Suspensions.OrderBy(s => s.From))
        {
            if (s.From > d.Trigger.At && s.From < until)
            {
                transitions.Add(new StateTransition(state, CommitmentState.Suspended, s.From, "obligation suspended"));
                state = CommitmentState.Suspended;
            }
            if (s.To is { } e && e > d.Trigger.At && e <= until && state == CommitmentState.Suspended)
            {
                transitions.Add(new StateTransition(state, CommitmentState.InEffect, e, "obligation resumed; the deadline runs again"));
                state = CommitmentState.InEffect;
            }
        }
        TimeSpan? left = null;
        if (final is { } end)
        {
            transitions.Add(new StateTransition(state, end.State, end.At, end.Cause));
            state = end.State;
        }
        else
            left = d.Deadline is { } deadline ? deadline - asOf : d.PausedRemaining;
        return new Duty(d.Debtor, d.Trigger.By, d.Trigger.IncidentIds, d.Trigger.At, d.Deadline, left, state, d.FulfilledAt,
            transitions);
    }
}
