using Microsoft.Extensions.Time.Testing;
using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class ObligationEvaluationTests
{
    private static readonly TimeSpan H72 = TimeSpan.FromHours(72);

    /// <summary>An attack 2 days after entry into force, verified 6 hours later: the deadline runs from verification.</summary>
    private static (FakeTimeProvider Clock, List<CommitmentEvent> Events, Incident Attack, DateTimeOffset VerifiedAt) Attacked()
    {
        var clock = new FakeTimeProvider(T0);
        var events = new List<CommitmentEvent> { Enter("respond", clock.GetUtcNow()) };
        clock.Advance(TimeSpan.FromDays(2));
        var attackAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(6));
        var verifiedAt = clock.GetUtcNow();
        return (clock, events, Strike("attack", attackAt).Verified(verifiedAt), verifiedAt);
    }

    [Fact]
    public void Evaluate_InForceNoAttack_InEffectWithoutDuties()
    {
        var status = Evaluate(Respond(), [], [Enter("respond", T0)], T0.AddDays(30));
        Assert.Equal(CommitmentState.InEffect, status.State);
        Assert.Empty(status.Duties);
    }

    [Fact]
    public void Evaluate_VerifiedAttack_DutyRunsFromVerificationWithTimeLeft()
    {
        var (clock, events, attack, verifiedAt) = Attacked();
        clock.Advance(TimeSpan.FromHours(10));
        var duty = Assert.Single(Evaluate(Respond(), [attack], events, clock.GetUtcNow()).Duties);
        Assert.Equal(CommitmentState.InEffect, duty.State);
        Assert.Equal(verifiedAt, duty.TriggeredAt);
        Assert.Equal(verifiedAt + H72, duty.Deadline);
        Assert.Equal(TimeSpan.FromHours(62), duty.TimeLeft);
        Assert.Equal(["attack"], duty.IncidentIds);
    }

    [Fact]
    public void Evaluate_ResponseAtExactly72Hours_Fulfilled()
    {
        var (clock, events, attack, verifiedAt) = Attacked();
        clock.Advance(H72);
        events.Add(new ActionPerformed("respond", "us", "respond", clock.GetUtcNow(), "air defence delivered"));
        clock.Advance(TimeSpan.FromSeconds(1));
        var status = Evaluate(Respond(), [attack], events, clock.GetUtcNow());
        var duty = Assert.Single(status.Duties);
        Assert.Equal(CommitmentState.Fulfilled, duty.State);
        Assert.Equal(verifiedAt + H72, duty.FulfilledAt);
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Fulfilled], duty.States());
        Assert.Equal(CommitmentState.InEffect, status.State);
    }

    [Fact]
    public void Evaluate_ResponseAt72Hours1Second_ViolatedAtDeadlineAndLateActionNoted()
    {
        var (clock, events, attack, verifiedAt) = Attacked();
        clock.Advance(H72 + TimeSpan.FromSeconds(1));
        events.Add(new ActionPerformed("respond", "us", "respond", clock.GetUtcNow(), "too late"));
        var status = Evaluate(Respond(), [attack], events, clock.GetUtcNow());
        var duty = Assert.Single(status.Duties);
        Assert.Equal(CommitmentState.Violated, duty.State);
        Assert.Null(duty.FulfilledAt);
        Assert.Equal(verifiedAt + H72, duty.Transitions[^1].At);
        Assert.Equal(CommitmentState.Violated, status.State);
        Assert.Equal(verifiedAt + H72, status.Transitions[^1].At);
        Assert.Contains(status.Notes, n => n.Contains("answering no open duty", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NoResponseAtDeadlineInstant_StillOpenThenViolatedOneTickLater()
    {
        var (_, events, attack, verifiedAt) = Attacked();
        var atDeadline = Assert.Single(Evaluate(Respond(), [attack], events, verifiedAt + H72).Duties);
        Assert.Equal((CommitmentState.InEffect, TimeSpan.Zero), (atDeadline.State, atDeadline.TimeLeft!.Value));
        var after = Assert.Single(Evaluate(Respond(), [attack], events, verifiedAt + H72 + TimeSpan.FromTicks(1)).Duties);
        Assert.Equal(CommitmentState.Violated, after.State);
    }

    [Fact]
    public void Evaluate_ConsultWithin24Hours_OwnDeadline()
    {
        var (clock, _, attack, verifiedAt) = Attacked();
        var events = new List<CommitmentEvent>();
        var consult = new Obligation("consult", "Consult", ["us", "eu"], "ua",
            new IncidentTrigger(new ConductRule("armed-attack", [Explosions]), ["ru"]), "consult", TimeSpan.FromHours(24));
        events.Add(Enter("consult", T0));
        events.Add(new ActionPerformed("consult", "eu", "consult", verifiedAt.AddHours(5), "call"));
        clock.Advance(TimeSpan.FromHours(25));
        var status = GuaranteeEvaluator.Evaluate([consult], IncidentIndex.Build([attack]), events, clock.GetUtcNow()).Commitments.Single();
        Assert.Equal(CommitmentState.Fulfilled, status.Duties.Single(d => d.Debtor == "eu").State);
        Assert.Equal(CommitmentState.Violated, status.Duties.Single(d => d.Debtor == "us").State);
        Assert.Equal(verifiedAt.AddHours(24), status.Duties.Single(d => d.Debtor == "us").Deadline);
    }

    [Fact]
    public void Evaluate_SuspendedAndResumed_DeadlineExtendedBySuspendedTime()
    {
        var (clock, events, attack, verifiedAt) = Attacked();
        clock.Advance(TimeSpan.FromHours(10));
        events.Add(Act("respond", LifecycleAction.Suspend, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(5));
        var whileSuspended = Assert.Single(Evaluate(Respond(), [attack], events, clock.GetUtcNow()).Duties);
        Assert.Equal(CommitmentState.Suspended, whileSuspended.State);
        Assert.Null(whileSuspended.Deadline);
        Assert.Equal(TimeSpan.FromHours(62), whileSuspended.TimeLeft);

        clock.Advance(TimeSpan.FromHours(3));
        events.Add(Act("respond", LifecycleAction.Resume, clock.GetUtcNow()));
        var resumed = Evaluate(Respond(), [attack], events, clock.GetUtcNow());
        var duty = Assert.Single(resumed.Duties);
        Assert.Equal(verifiedAt + H72 + TimeSpan.FromHours(8), duty.Deadline);
        Assert.Equal(TimeSpan.FromHours(62), duty.TimeLeft);
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Suspended, CommitmentState.InEffect], duty.States());
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Suspended, CommitmentState.InEffect], resumed.States());

        var lateForOriginal = Evaluate(Respond(), [attack], events, verifiedAt + H72 + TimeSpan.FromHours(1));
        Assert.Equal(CommitmentState.InEffect, lateForOriginal.Duties.Single().State);
    }

    [Fact]
    public void Evaluate_AttackVerifiedDuringSuspension_DutyStartsSuspended()
    {
        var clock = new FakeTimeProvider(T0);
        var attackAt = T0.AddDays(1);
        var events = new List<CommitmentEvent> { Enter("respond", T0), Act("respond", LifecycleAction.Suspend, attackAt.AddHours(1)),
            Act("respond", LifecycleAction.Resume, attackAt.AddHours(11)) };
        var attack = Strike("a", attackAt).Verified(attackAt.AddHours(5));
        clock.Advance(TimeSpan.FromDays(2));
        var duty = Assert.Single(Evaluate(Respond(), [attack], events, clock.GetUtcNow()).Duties);
        Assert.Equal([CommitmentState.Suspended, CommitmentState.InEffect], duty.States());
        Assert.Equal(attackAt.AddHours(11) + H72, duty.Deadline);
    }

    [Fact]
    public void Evaluate_AttackDuringSuspension_NoDuty()
    {
        var events = new CommitmentEvent[] { Enter("respond", T0), Act("respond", LifecycleAction.Suspend, T0.AddDays(1)) };
        var attack = Strike("a", T0.AddDays(1).AddHours(2)).Verified(T0.AddDays(1).AddHours(3));
        Assert.Empty(Evaluate(Respond(), [attack], events, T0.AddDays(2)).Duties);
    }

    [Fact]
    public void Evaluate_AttackBeforeEntryIntoForce_NoDuty()
    {
        var entry = T0.AddDays(1);
        var attack = Strike("a", entry.AddHours(-1)).Verified(entry.AddHours(1));
        var status = Evaluate(Respond(), [attack], [Enter("respond", entry)], entry.AddDays(1));
        Assert.Empty(status.Duties);
        Assert.Equal(CommitmentState.InEffect, status.State);
    }

    [Fact]
    public void Evaluate_RejectedAttack_TriggersNothing()
    {
        var attack = Strike("a", T0.AddDays(1)).Rejected(T0.AddDays(1).AddHours(3));
        var status = Evaluate(Respond(), [attack], [Enter("respond", T0)], T0.AddDays(10));
        Assert.Empty(status.Duties);
        Assert.Equal(CommitmentState.InEffect, status.State);
    }

    [Fact]
    public void Evaluate_DuplicateReportsOfOneAttack_OneDutyPerDebtor()
    {
        var at = T0.AddDays(1);
        var a = Strike("a", at).Verified(at.AddHours(2));
        var b = Strike("b", at.AddMinutes(30)).Verified(at.AddHours(1));
        var status = Evaluate(Respond(debtors: ["us", "eu"]), [a, b], [Enter("respond", T0)], at.AddDays(1));
        Assert.Equal(["us", "eu"], status.Duties.Select(d => d.Debtor));
        Assert.All(status.Duties, d => Assert.Equal(["a", "b"], d.IncidentIds));
    }

    [Fact]
    public void Evaluate_ActionNamingIncident_AnswersThatDutyNotTheOldest()
    {
        var first = Strike("first", T0.AddDays(1), lat: 48.0).Verified(T0.AddDays(1));
        var second = Strike("second", T0.AddDays(2), lat: 47.0).Verified(T0.AddDays(2));
        var events = new CommitmentEvent[] { Enter("respond", T0),
            new ActionPerformed("respond", "us", "respond", T0.AddDays(2).AddHours(1), "answer", incidentId: "second") };
        var duties = Evaluate(Respond(), [first, second], events, T0.AddDays(3)).Duties;
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Fulfilled], duties.Select(d => d.State));
    }

    [Fact]
    public void Evaluate_ActionByNonDebtorOrWrongAction_NotCountedAndNoted()
    {
        var (_, events, attack, verifiedAt) = Attacked();
        events.Add(new ActionPerformed("respond", "fr", "respond", verifiedAt.AddHours(1), "not a debtor"));
        events.Add(new ActionPerformed("respond", "us", "statement", verifiedAt.AddHours(2), "words only"));
        var status = Evaluate(Respond(), [attack], events, verifiedAt.AddHours(3));
        Assert.Equal(CommitmentState.InEffect, status.Duties.Single().State);
        Assert.Equal(2, status.Notes.Count);
    }

    [Fact]
    public void Evaluate_TerminatedBeforeDeadline_OpenDutyTerminated()
    {
        var (_, events, attack, verifiedAt) = Attacked();
        events.Add(Act("respond", LifecycleAction.Terminate, verifiedAt.AddHours(10)));
        var status = Evaluate(Respond(), [attack], events, verifiedAt.AddDays(10));
        Assert.Equal(CommitmentState.Terminated, status.State);
        Assert.Equal(CommitmentState.Terminated, status.Duties.Single().State);
    }

    [Fact]
    public void Evaluate_Discharged_OpenDutyDischarged()
    {
        var (_, events, attack, verifiedAt) = Attacked();
        events.Add(Act("respond", LifecycleAction.Discharge, verifiedAt.AddHours(10)));
        var status = Evaluate(Respond(), [attack], events, verifiedAt.AddDays(10));
        Assert.Equal(CommitmentState.Discharged, status.State);
        Assert.Equal(CommitmentState.Discharged, status.Duties.Single().State);
    }

    [Fact]
    public void Evaluate_VerifiedAfterTermination_NoDutyAndNoted()
    {
        var attackAt = T0.AddDays(1);
        var events = new CommitmentEvent[] { Enter("respond", T0), Act("respond", LifecycleAction.Terminate, attackAt.AddHours(1)) };
        var attack = Strike("a", attackAt).Verified(attackAt.AddHours(2));
        var status = Evaluate(Respond(), [attack], events, attackAt.AddDays(1));
        Assert.Empty(status.Duties);
        Assert.Contains(status.Notes, n => n.Contains("after the obligation closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_WindowEndsWithoutTrigger_Expired()
    {
        var window = new TimeWindow(T0, T0.AddDays(30));
        var status = Evaluate(Respond(window: window), [], [Enter("respond", T0)], T0.AddDays(31));
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Expired], status.States());
        Assert.Equal(T0.AddDays(30), status.Transitions[^1].At);
    }

    [Fact]
    public void Evaluate_WindowEndsAllDutiesHonoured_Fulfilled()
    {
        var window = new TimeWindow(T0, T0.AddDays(30));
        var attack = Strike("a", T0.AddDays(1)).Verified(T0.AddDays(1));
        var events = new CommitmentEvent[] { Enter("respond", T0), new ActionPerformed("respond", "us", "respond", T0.AddDays(2), "done") };
        var status = Evaluate(Respond(window: window), [attack], events, T0.AddDays(31));
        Assert.Equal(CommitmentState.Fulfilled, status.State);
    }

    [Fact]
    public void Evaluate_SignalTrigger_DutyFromSignalInstant()
    {
        var contingency = new Obligation("sanctions", "Ask for sanctions if Moscow rejects", ["eu"], "ua",
            new SignalTrigger("proposal-rejected"), "request sanctions", TimeSpan.FromDays(7));
        var rejectedAt = T0.AddDays(3);
        var events = new CommitmentEvent[] { Enter("sanctions", T0), new SignalRaised("proposal-rejected", rejectedAt, "Moscow rejects the 20 points"),
            new SignalRaised("other", rejectedAt, "unrelated") };
        var status = GuaranteeEvaluator.Evaluate([contingency], IncidentIndex.Build([]), events, rejectedAt.AddDays(8)).Commitments.Single();
        var duty = Assert.Single(status.Duties);
        Assert.Equal((rejectedAt, rejectedAt.AddDays(7), CommitmentState.Violated), (duty.TriggeredAt, duty.Deadline!.Value, duty.State));
    }

    [Fact]
    public void Evaluate_EventForUnknownCommitment_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            GuaranteeEvaluator.Evaluate([Respond()], IncidentIndex.Build([]), [Enter("nope", T0)], T0));
    }
}
