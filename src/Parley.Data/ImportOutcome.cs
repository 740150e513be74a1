namespace Parley.Data;

/// <summary>What <see cref="NegotiationStore.ImportAsync(Parley.Core.Talks.Negotiation, string, bool, CancellationToken)"/> did.</summary>
public enum ImportOutcome
{
    /// <summary>The negotiation was new and is now stored.</summary>
    Created,

    /// <summary>A negotiation with the same id was replaced as a whole.</summary>
    Replaced,

    /// <summary>A negotiation with the same id exists and replacing was not asked for; nothing was written.</summary>
    AlreadyExists,
}

/// <summary>One stored negotiation in a list: its id, title and how many items of each kind it holds.</summary>
public sealed record NegotiationSummary(
    string Id,
    string Title,
    int Parties,
    int Issues,
    int Statements,
    int Positions,
    int Proposals,
    int Agreements,
    int Rounds,
    int WorkingGroups,
    int Contingencies)
{
    /// <summary>The summary of <paramref name="n"/> as given (pass a viewer-scoped negotiation to count what a viewer sees).</summary>
    public static NegotiationSummary Of(Core.Talks.Negotiation n) => new(n.Id, n.Title, n.Parties.Count, n.Issues.Count, n.Statements.Count,
        n.Positions.Count, n.Proposals.Count, n.Agreements.Count, n.Rounds.Count, n.WorkingGroups.Count, n.Contingencies.Count);
}
