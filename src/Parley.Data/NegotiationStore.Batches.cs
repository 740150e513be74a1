using Parley.Core;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Core.Talks;
using Parley.Data.Mapping;

namespace Parley.Data;

// The writing half of the group commit (TalksChangeQueue): one transaction, a savepoint per change.
public sealed partial class NegotiationStore
{
    private const string ChangeSavepoint = "parley_change";

    /// <summary>
    /// Writes <paramref name="batch"/> in one transaction and settles every change in it. Each change reads the record's
    /// head, starts from the negotiation as of that head (held in memory by an earlier change of the batch or by
    /// <see cref="INegotiationVersions"/>, else read), applies its rules and writes its row and history entry behind a
    /// savepoint; a refused change is rolled back to it alone, and the negotiation in hand, which may hold part of it, is
    /// dropped (the next change of it in the batch reads it again). The writers hear their answers only after the commit; if
    /// the commit fails, every change of the batch fails with its reason and nothing of it is written.
    /// Runs with no cancellation: the batch carries other writers' changes.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<PendingChange> batch)
    {
        var ct = CancellationToken.None;
        var held = new Dictionary<string, (long First, long Head, Negotiation? Negotiation)>(StringComparer.Ordinal);
        var answers = new List<(PendingChange Change, bool Written)>(batch.Count);
        var committed = false;
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false; // each change has its own savepoint: EF need not add one per SaveChanges
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            foreach (var change in batch)
            {
                if (change.Cancellation.IsCancellationRequested)
                {
                    change.Fail(new OperationCanceledException(change.Cancellation));
                    continue;
                }
                await transaction.CreateSavepointAsync(ChangeSavepoint, ct);
                try
                {
                    var written = await WriteOneAsync(change, held, ct);
                    await transaction.ReleaseSavepointAsync(ChangeSavepoint, ct);
                    answers.Add((change, written));
                }
                catch (Exception e) when (e is RuleRefusal or ArgumentException or DbUpdateException or ParleyDatabaseException or JsonException)
                {
                    await transaction.RollbackToSavepointAsync(ChangeSavepoint, ct);
                    // The negotiation in hand may hold part of the refused change: the next change of it reads it again.
                    if (held.TryGetValue(change.Id, out var h)) held[change.Id] = h with { Negotiation = null };
                    // So may the tracked rows (the heads moved in memory): forgotten, they are read again as stored. After a
                    // change that was written they are kept: they are what is stored, and the next change starts from them.
                    db.ChangeTracker.Clear();
                    change.Fail(e);
                }
            }
            // A negotiation whose last change was refused is read as this transaction leaves it, to be handed over whole.
            foreach (var (id, entry) in held.Where(e => e.Value.Negotiation is null).ToArray())
                held[id] = entry with { Negotiation = await ReadAsync(id, ct) };
            foreach (var id in held.Keys) versions?.Committing(id);
            try
            {
                await transaction.CommitAsync(ct);
                committed = true;
            }
            finally
            {
                foreach (var (id, (first, head, negotiation)) in held)
                    if (committed && negotiation is not null) versions?.Committed(id, first, head, negotiation);
                    else versions?.Abandoned(id);
            }
        }
        catch (Exception e)
        {
            // The transaction could not begin or commit: nothing of the batch is written.
            foreach (var change in batch) change.Fail(e);
            return;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }
        foreach (var (change, written) in answers) change.Succeed(written);
    }

    // One change behind its savepoint; false when there is no such negotiation.
    private async Task<bool> WriteOneAsync(PendingChange pending, Dictionary<string, (long First, long Head, Negotiation? Negotiation)> held,
        CancellationToken ct)
    {
        // Under the writer lock the head is the stored state, so a negotiation held at that head is what a whole read would
        // return. One changed earlier in this batch is at the head that change left (no other writer came in between) and
        // is this batch's own: the change applies to it in place. Otherwise a copy of the one held in memory at the head
        // (one copy per batch, not per change: with many statements a copy is large), else a whole read.
        var earlier = held.TryGetValue(pending.Id, out var h);
        var head = earlier ? h.Head : await HeadAsync(pending.Id, ct);
        var negotiation = (earlier ? h.Negotiation : versions?.Find(pending.Id, head)?.Copy()) ?? await ReadAsync(pending.Id, ct);
        if (negotiation is null) return false;
        var change = pending.Apply(negotiation); // the aggregate's rules; a RuleRefusal leaves nothing tracked
        if (change.IsNew) db.Add(change.Row);
        else db.Update(change.Row);
        await _history.AppendAsync(pending.Id, pending.Actor, change.Action, change.ItemKind, change.ItemId, change.Visibility,
            StoredJson.Write(change.What), ct);
        await db.SaveChangesAsync(ct);
        // The heads stay tracked for the batch's next change (no query for them); the rows written are let go, so that a
        // later change of the same item is tracked afresh.
        foreach (var entry in db.ChangeTracker.Entries().ToArray())
            if (entry.Entity is not (Rows.HistoryHeadRow or Rows.RecordHeadRow)) entry.State = EntityState.Detached;
        held[pending.Id] = (earlier ? h.First : head, head + 1, negotiation);
        return true;
    }
}
