namespace Parley.Core.Guarantees;

/// <summary>The explicit lifecycle acts on a commitment.</summary>
public enum LifecycleAction
{
    /// <summary>Created → InEffect.</summary>
    EnterIntoForce,
    /// <summary>InEffect → Suspended: conduct is not covered and deadlines stop running.</summary>
    Suspend,
    /// <summary>Suspended → InEffect: deadlines run again, extended by the time spent suspended.</summary>
    Resume,
    /// <summary>Created, InEffect or Suspended → Terminated; open duties are terminated with it.</summary>
    Terminate,
    /// <summary>InEffect or Suspended → Discharged (the creditor releases the debtors); open duties are discharged.</summary>
    Discharge,
}

/// <summary>Something that happened to commitments at an instant, with its cause.</summary>
public abstract record CommitmentEvent
{
    /// <summary>Validates the common fields.</summary>
    protected CommitmentEvent(DateTimeOffset at, string cause)
    {
        if (string.IsNullOrWhiteSpace(cause)) throw new ArgumentException("An event states its cause.", nameof(cause));
        At = at;
        Cause = cause.Trim();
    }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Why, in words ("signed in Berlin", "guarantor suspends after a breach").</summary>
    public string Cause { get; }
}

/// <summary>An explicit lifecycle act (entry into force, suspension, resumption, termination, discharge) on one commitment.</summary>
public sealed record LifecycleEvent : CommitmentEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The commitment id or cause is blank.</exception>
    public LifecycleEvent(string commitmentId, LifecycleAction action, DateTimeOffset at, string cause, string? actor = null)
        : base(at, cause)
    {
        if (string.IsNullOrWhiteSpace(commitmentId)) throw new ArgumentException("The event names its commitment.", nameof(commitmentId));
        CommitmentId = commitmentId.Trim();
        Action = action;
        Actor = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim();
    }

    /// <summary>The commitment acted on.</summary>
    public string CommitmentId { get; }

    /// <summary>The act.</summary>
    public LifecycleAction Action { get; }

    /// <summary>The party that acted, checked against the commitment's powers; null when not recorded.</summary>
    public string? Actor { get; }
}

/// <summary>
/// A debtor performed an obligation's action. With <see cref="IncidentId"/> it answers the duty that incident
/// triggered; without, the debtor's oldest duty still open at <see cref="CommitmentEvent.At"/>.
/// </summary>
public sealed record ActionPerformed : CommitmentEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">A required field is blank.</exception>
    public ActionPerformed(string commitmentId, string party, string action, DateTimeOffset at, string cause,
        string? incidentId = null) : base(at, cause)
    {
        if (string.IsNullOrWhiteSpace(commitmentId)) throw new ArgumentException("The event names its commitment.", nameof(commitmentId));
        if (string.IsNullOrWhiteSpace(party)) throw new ArgumentException("The event names the acting party.", nameof(party));
        if (string.IsNullOrWhiteSpace(action)) throw new ArgumentException("The event names the action.", nameof(action));
        CommitmentId = commitmentId.Trim();
        Party = party.Trim();
        Action = action.Trim();
        IncidentId = string.IsNullOrWhiteSpace(incidentId) ? null : incidentId.Trim();
    }

    /// <summary>The obligation answered.</summary>
    public string CommitmentId { get; }

    /// <summary>The debtor that acted.</summary>
    public string Party { get; }

    /// <summary>The action taken.</summary>
    public string Action { get; }

    /// <summary>The triggering incident answered, or null for the oldest open duty.</summary>
    public string? IncidentId { get; }
}

/// <summary>A named signal (a proposal rejected, an offer expired) that fires <see cref="SignalTrigger"/>s.</summary>
public sealed record SignalRaised : CommitmentEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The signal name or cause is blank.</exception>
    public SignalRaised(string signal, DateTimeOffset at, string cause) : base(at, cause)
    {
        if (string.IsNullOrWhiteSpace(signal)) throw new ArgumentException("The event names its signal.", nameof(signal));
        Signal = signal.Trim();
    }

    /// <summary>The signal's name.</summary>
    public string Signal { get; }
}
