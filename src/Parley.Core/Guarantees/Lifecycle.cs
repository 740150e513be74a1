namespace Parley.Core.Guarantees;

/// <summary>A half-open period [From, To); a null end is still open as of the evaluation.</summary>
internal readonly record struct Period(DateTimeOffset From, DateTimeOffset? To)
{
    public bool Contains(DateTimeOffset t) => t >= From && (To is not { } e || t < e);
}

/// <summary>
/// Replays a commitment's explicit lifecycle events known as of an instant: the transitions they cause, the
/// periods the commitment is in effect and suspended, and how (if at all) it closed. Breaches and duties are
/// added by the evaluators on top of this trace.
/// </summary>
internal sealed class Lifecycle
{
    private Lifecycle() { }

    public List<StateTransition> Transitions { get; } = [];
    public List<Period> InEffect { get; } = [];
    public List<Period> Suspensions { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>State after the explicit events (before breaches and duties), with the window end applied.</summary>
    public CommitmentState State { get; private set; } = CommitmentState.Created;

    /// <summary>Terminated or Discharged, when an act closed the commitment.</summary>
    public StateTransition? Closure { get; private set; }

    /// <summary>The window end, when it has passed while the commitment was in force.</summary>
    public DateTimeOffset? WindowClosedAt { get; private set; }

    /// <summary>The periods in which conduct is covered: in effect (not suspended) and inside the window.</summary>
    public IEnumerable<Period> Covered(TimeWindow window)
    {
        foreach (var p in InEffect)
        {
            var from = p.From > window.Start ? p.From : window.Start;
            DateTimeOffset? to = (p.To, window.End) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => null,
            };
            if (to is not { } t || t > from) yield return new Period(from, to);
        }
    }

    public static Lifecycle Replay(Commitment commitment, IEnumerable<LifecycleEvent> events, DateTimeOffset asOf)
    {
        var trace = new Lifecycle();
        var windowEnd = commitment.Window.End is { } we && we <= asOf ? we : (DateTimeOffset?)null;
        foreach (var e in events.Where(e => e.At <= asOf).OrderBy(e => e.At))
        {
            if (windowEnd is { } end && e.At >= end)
            {
                trace.Notes.Add($"{e.Action} at {e.At:o} ignored: the window closed at {end:o}.");
                continue;
            }
            if (!commitment.MayTake(e.Action, e.Actor))
            {
                trace.Notes.Add($"{e.Action} at {e.At:o} by {e.Actor ?? "an unnamed actor"} refused: only {string.Join(", ", commitment.Powers[e.Action])} hold that power.");
                continue;
            }
            trace.Apply(e);
        }
        if (windowEnd is { } closed) trace.CloseWindow(closed);
        return trace;
    }

    private void Apply(LifecycleEvent e)
    {
        var cause = e.Actor is null ? e.Cause : $"{e.Cause} ({e.Actor})";
        var next = (State, e.Action) switch
        {
            (CommitmentState.Created, LifecycleAction.EnterIntoForce) => CommitmentState.InEffect,
            (CommitmentState.InEffect, LifecycleAction.Suspend) => CommitmentState.Suspended,
            (CommitmentState.Suspended, LifecycleAction.Resume) => CommitmentState.InEffect,
            (CommitmentState.Created or CommitmentState.InEffect or CommitmentState.Suspended, LifecycleAction.Terminate) => CommitmentState.Terminated,
            (CommitmentState.InEffect or CommitmentState.Suspended, LifecycleAction.Discharge) => CommitmentState.Discharged,
            _ => (CommitmentState?)null,
        };
        if (next is not { } to)
        {
            Notes.Add($"{e.Action} at {e.At:o} ignored: not possible while {State}.");
            return;
        }
        CloseOpenPeriods(e.At);
        if (to == CommitmentState.InEffect) InEffect.Add(new Period(e.At, null));
        if (to == CommitmentState.Suspended) Suspensions.Add(new Period(e.At, null));
        var transition = new StateTransition(State, to, e.At, cause);
        Transitions.Add(transition);
        if (to is CommitmentState.Terminated or CommitmentState.Discharged) Closure = transition;
        State = to;
    }

    private void CloseWindow(DateTimeOffset end)
    {
        if (State == CommitmentState.Created)
        {
            Transitions.Add(new StateTransition(State, CommitmentState.Expired, end, "window ended before entry into force"));
            State = CommitmentState.Expired;
            return;
        }
        if (State is CommitmentState.InEffect or CommitmentState.Suspended)
        {
            CloseOpenPeriods(end);
            WindowClosedAt = end;
        }
    }

    private void CloseOpenPeriods(DateTimeOffset at)
    {
        if (InEffect.Count > 0 && InEffect[^1].To is null) InEffect[^1] = InEffect[^1] with { To = at };
        if (Suspensions.Count > 0 && Suspensions[^1].To is null) Suspensions[^1] = Suspensions[^1] with { To = at };
    }
}
