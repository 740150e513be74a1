namespace Parley.Data.Rows;

/// <summary>One negotiation: the header row every item row belongs to (deleting it deletes its items).</summary>
public sealed class NegotiationRow
{
    /// <summary>The negotiation's key.</summary>
    public required string Id { get; set; }

    /// <summary>Display title.</summary>
    public required string Title { get; set; }

    /// <summary>What the talks are about.</summary>
    public required string Description { get; set; }

    /// <summary>The negotiation's parties.</summary>
    public List<PartyRow> Parties { get; set; } = [];

    /// <summary>The negotiation's issues.</summary>
    public List<IssueRow> Issues { get; set; } = [];

    /// <summary>The negotiation's statements.</summary>
    public List<StatementRow> Statements { get; set; } = [];

    /// <summary>The negotiation's positions.</summary>
    public List<PositionRow> Positions { get; set; } = [];

    /// <summary>The negotiation's proposals.</summary>
    public List<ProposalRow> Proposals { get; set; } = [];

    /// <summary>The negotiation's agreement records.</summary>
    public List<AgreementRow> Agreements { get; set; } = [];

    /// <summary>The negotiation's rounds.</summary>
    public List<RoundRow> Rounds { get; set; } = [];

    /// <summary>The negotiation's working groups.</summary>
    public List<WorkingGroupRow> WorkingGroups { get; set; } = [];

    /// <summary>The negotiation's contingencies.</summary>
    public List<ContingencyRow> Contingencies { get; set; } = [];
}
