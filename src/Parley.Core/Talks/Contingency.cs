namespace Parley.Core.Talks;

/// <summary>The event a contingency waits for.</summary>
public enum TriggerKind
{
    /// <summary>The proposal is rejected (by <see cref="ContingencyTrigger.ByParty"/>, when set).</summary>
    ProposalRejected,

    /// <summary>The proposal's deadline passes while it is open.</summary>
    ProposalExpired,

    /// <summary>The proposal is accepted by every addressee.</summary>
    ProposalAccepted,

    /// <summary>The author withdraws the proposal.</summary>
    ProposalWithdrawn,
}

/// <summary>"If proposal P is rejected by party X", "if P expires".</summary>
/// <param name="Kind">The event.</param>
/// <param name="Proposal">The proposal watched.</param>
/// <param name="ByParty">For a rejection: the party whose rejection counts; null for any addressee.</param>
public sealed record ContingencyTrigger(TriggerKind Kind, string Proposal, string? ByParty = null)
{
    /// <summary>The proposal watched.</summary>
    public string Proposal { get; } = Key.Require(Proposal, nameof(Proposal));

    /// <summary>The party whose rejection counts.</summary>
    public string? ByParty { get; } = ByParty is null ? null : Key.Require(ByParty, nameof(ByParty));
}

/// <summary>Whether the owner binds itself or asks another party.</summary>
public enum ActionKind
{
    /// <summary>The owner commits to act.</summary>
    Commit,

    /// <summary>The owner asks <see cref="ContingencyAction.Party"/> to act.</summary>
    Request,
}

/// <summary>One thing a fired contingency commits or requests.</summary>
/// <param name="Kind">Commit or request.</param>
/// <param name="Party">Who acts: the owner for a commitment, the party asked for a request.</param>
/// <param name="Text">What is to be done.</param>
public sealed record ContingencyAction(ActionKind Kind, string Party, string Text)
{
    /// <summary>Who acts.</summary>
    public string Party { get; } = Key.Require(Party, nameof(Party));

    /// <summary>What is to be done.</summary>
    public string Text { get; } = Talks.Text.Require(Text, nameof(Text));
}

/// <summary>A plan held by a party: when the trigger happens, these actions follow.</summary>
public sealed record Contingency
{
    /// <summary>Creates a contingency.</summary>
    /// <exception cref="ArgumentException">Malformed keys or no action.</exception>
    public Contingency(string id, string owner, ContingencyTrigger trigger, IEnumerable<ContingencyAction> actions,
        string? statement = null, Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Owner = Key.Require(owner, nameof(owner));
        Trigger = trigger;
        Actions = actions.ToArray();
        if (Actions.Count == 0) throw new ArgumentException($"Contingency '{id}' has no action.", nameof(actions));
        Statement = statement is null ? null : Key.Require(statement, nameof(statement));
        Visibility = visibility;
    }

    /// <summary>The contingency's key.</summary>
    public string Id { get; }

    /// <summary>The party holding the plan.</summary>
    public string Owner { get; }

    /// <summary>The event it waits for.</summary>
    public ContingencyTrigger Trigger { get; }

    /// <summary>What follows.</summary>
    public IReadOnlyList<ContingencyAction> Actions { get; }

    /// <summary>The statement announcing it, if any.</summary>
    public string? Statement { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }
}
