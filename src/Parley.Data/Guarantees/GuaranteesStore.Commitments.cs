using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Core.Guarantees;
using Parley.Data.Mapping;

namespace Parley.Data.Guarantees;

public sealed partial class GuaranteesStore
{
    /// <summary>
    /// Adds one commitment after the negotiation's others (the pages' "make a commitment"; a scenario import replaces them
    /// all with <see cref="ReplaceCommitmentsAsync"/>). History: <c>commitment.added</c>, shared, as every commitment is.
    /// </summary>
    /// <exception cref="RuleRefusal">The id is taken (<see cref="RefusalKind.Conflict"/>), a party the commitment names is
    /// not one of the negotiation's, or there is no such negotiation (<see cref="RefusalKind.NotFound"/>).</exception>
    public async Task AddCommitmentAsync(string negotiationId, Commitment commitment, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (!await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct))
                throw new RuleRefusal("negotiation", $"there is no negotiation '{negotiationId}'", RefusalKind.NotFound);
            if (await db.Commitments.AnyAsync(c => c.NegotiationId == negotiationId && c.Id == commitment.Id, ct))
                throw new RuleRefusal("id", $"commitment id '{commitment.Id}' is taken", RefusalKind.Conflict);
            IEnumerable<string> named = commitment switch
            {
                Prohibition p => p.BoundParties,
                Obligation o => o.Debtors.Append(o.Creditor),
                _ => [],
            };
            var known = await db.Parties.Where(p => p.NegotiationId == negotiationId).Select(p => p.Id).ToListAsync(ct);
            if (named.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
                throw new RuleRefusal(commitment is Prohibition ? "bound" : "debtors", $"unknown party '{unknown}'");
            var ordinal = await db.Commitments.Where(c => c.NegotiationId == negotiationId).MaxAsync(c => (int?)c.Ordinal, ct) ?? -1;
            db.Commitments.Add(new CommitmentRow
            {
                NegotiationId = negotiationId, Id = commitment.Id, Ordinal = ordinal + 1, Title = commitment.Title,
                Kind = commitment is Prohibition ? "prohibition" : "obligation", DefinitionJson = CommitmentJson.Write(commitment),
            });
            await _history.AppendAsync(negotiationId, actor, "commitment.added", "commitment", commitment.Id, Core.Talks.Visibility.Shared,
                CommitmentJson.Write(commitment), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
