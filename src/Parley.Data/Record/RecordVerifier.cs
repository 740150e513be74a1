using Microsoft.EntityFrameworkCore;
using Parley.Core.Record;
using Parley.Data.History;
using Parley.Data.Rows;

namespace Parley.Data.Record;

/// <summary>
/// Checks the record against itself, its signatures and the stored state (docs/storage.md, "The record"): per
/// negotiation, every entry against its hash, the indices and sequences without gaps, the tree against its head and every
/// stored checkpoint (signature, and the root at the checkpoint's size), optionally a checkpoint saved elsewhere, and
/// every row of every covered table (<see cref="StateTables"/>) against the digest its last entry recorded.
/// Reads one snapshot; never changes anything.
/// </summary>
public sealed class RecordVerifier(ParleyDbContext db)
{
    /// <summary>Verifies every negotiation, or one.</summary>
    /// <param name="key">The instance's (public) key, to check signatures; without it they are not checked (a warning says so).</param>
    /// <param name="negotiationId">Only this negotiation; null for all.</param>
    /// <param name="savedCheckpoint">A signed checkpoint saved earlier (its negotiation is read from its origin): the tree must still extend it.</param>
    /// <param name="ct">Cancels the check.</param>
    public async Task<RecordVerification> VerifyAsync(RecordKey? key, string? negotiationId = null, string? savedCheckpoint = null,
        CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var tables = StateTables.All(db);
        var warnings = new List<string>();
        var findings = new SortedDictionary<string, List<RecordFinding>>(StringComparer.Ordinal);
        List<RecordFinding> For(string id) => findings.TryGetValue(id, out var list) ? list : findings[id] = [];

        foreach (var id in await db.History.AsNoTracking().Select(h => h.NegotiationId).Distinct().ToListAsync(ct)) For(id);
        foreach (var id in await db.RecordHeads.AsNoTracking().Select(h => h.NegotiationId).ToListAsync(ct)) For(id);
        foreach (var id in await db.Checkpoints.AsNoTracking().Select(c => c.NegotiationId).Distinct().ToListAsync(ct)) For(id);
        foreach (var table in tables)
            foreach (var id in await RowDigests.NegotiationsAsync(db, table, ct)) For(id);
        await CheckSequencesAsync(For, ct);

        (string Negotiation, string Note)? saved = null;
        if (savedCheckpoint is not null)
        {
            var origin = savedCheckpoint.Split('\n', 2)[0];
            var prefix = key is null ? null : key.Name + "/";
            if (prefix is null) warnings.Add("The saved checkpoint was not checked: no public key to check its signature with (--key).");
            else if (!origin.StartsWith(prefix, StringComparison.Ordinal))
                For(negotiationId ?? origin).Add(new RecordFinding("saved checkpoint", $"its origin '{origin}' is not a negotiation of this instance ({key!.Name})"));
            else saved = (origin[prefix.Length..], savedCheckpoint);
        }
        if (key is null) warnings.Add("Signatures were not checked: no public key (--key).");

        var results = new List<NegotiationRecord>();
        foreach (var (id, list) in findings)
        {
            if (negotiationId is not null && id != negotiationId) continue;
            var tree = await CheckTreeAsync(id, list, ct);
            await CheckCheckpointsAsync(id, tree, key, list, ct);
            if (saved is { } s && s.Negotiation == id) CheckCheckpoint(id, tree, key!, s.Note, "saved checkpoint", list);
            await CheckRowsAsync(id, tables, list, ct);
            results.Add(new NegotiationRecord(id, tree.Size, tree.Root().ToString(), list));
        }
        if (negotiationId is not null && results.Count == 0)
            results.Add(new NegotiationRecord(negotiationId, 0, MerkleHash.Empty.ToString(),
                [new RecordFinding("record", "there is no record of this negotiation")]));
        if (saved is { } missing && !results.Any(r => r.Id == missing.Negotiation) && negotiationId is null)
            results.Add(new NegotiationRecord(missing.Negotiation, 0, MerkleHash.Empty.ToString(),
                [new RecordFinding("saved checkpoint", "there is no record of the negotiation it names: the record was removed")]));
        return new RecordVerification(results, warnings);
    }

    /// <summary>Sequences are 1 … head without gaps; an entry beyond the head or a missing number is reported.</summary>
    private async Task CheckSequencesAsync(Func<string, List<RecordFinding>> findingsOf, CancellationToken ct)
    {
        var heads = await db.HistoryHead.AsNoTracking().Select(h => new { h.Id, h.LastSequence }).ToListAsync(ct);
        var head = heads.SingleOrDefault(h => h.Id == HistoryLog.HeadId)?.LastSequence ?? 0;
        var entries = await db.History.AsNoTracking().OrderBy(h => h.Sequence).Select(h => new { h.Sequence, h.NegotiationId, h.LogIndex }).ToListAsync(ct);
        foreach (var other in heads.Where(h => h.Id != HistoryLog.HeadId))
            if (entries.Count > 0)
                findingsOf(entries[^1].NegotiationId).Add(new RecordFinding("history head",
                    $"a second row (id {other.Id}, sequence {other.LastSequence}) besides the head (id {HistoryLog.HeadId}): added outside Parley"));
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Sequence < 1 || e.Sequence > head)
            {
                findingsOf(e.NegotiationId).Add(RecordFinding.AtEntry(e.LogIndex,
                    $"its sequence {e.Sequence} is outside the log (1 … {head}, the head): the entry or the head was altered"));
                continue;
            }
            if (e.Sequence > expected)
                findingsOf(e.NegotiationId).Add(new RecordFinding(Range(expected, e.Sequence - 1),
                    $"missing before entry {e.LogIndex} (sequence {e.Sequence}): entries were removed from the log"));
            expected = e.Sequence + 1;
        }
        if (expected <= head && entries.Count > 0)
            findingsOf(entries[^1].NegotiationId).Add(new RecordFinding(Range(expected, head),
                "missing at the end of the log (the head names them): entries were removed"));
    }

    private static string Range(long from, long to) => from == to ? $"sequence {from}" : $"sequences {from}–{to}";

    /// <summary>Entries against their hashes, indices without gaps, sequences in order; the tree against its head.</summary>
    private async Task<MerkleTree> CheckTreeAsync(string id, List<RecordFinding> findings, CancellationToken ct)
    {
        var rows = await db.History.AsNoTracking().Where(h => h.NegotiationId == id).OrderBy(h => h.LogIndex).ToListAsync(ct);
        var leaves = new List<Hash32>(rows.Count);
        long previousSequence = 0;
        // Parley erases entries only when it deletes their negotiation, appending a (salted) negotiation.deleted entry.
        var deletedAt = rows.Where(r => r.Salt != null && r.Action == "negotiation.deleted").Select(r => r.LogIndex).DefaultIfEmpty(-1).Max();
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            if (row.LogIndex != k && (k == 0 || rows[k - 1].LogIndex == k - 1))
                findings.Add(RecordFinding.AtEntry(k, $"missing (the next entry has index {row.LogIndex}): entries were removed or renumbered"));
            if (row.Sequence <= previousSequence)
                findings.Add(RecordFinding.AtEntry(row.LogIndex, $"its sequence {row.Sequence} is not after the previous entry's {previousSequence}: altered"));
            previousSequence = row.Sequence;
            if (row.Salt is null && row.LogIndex > deletedAt)
                findings.Add(RecordFinding.AtEntry(row.LogIndex, "erased, but no later entry deleted its negotiation: its contents were removed outside Parley"));
            if (row.RecordedAt.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
                findings.Add(RecordFinding.AtEntry(row.LogIndex, "its record time is not a whole microsecond: altered"));
            leaves.Add(LeafOf(row, findings));
        }
        var tree = new MerkleTree(leaves);
        var head = await db.RecordHeads.AsNoTracking().SingleOrDefaultAsync(h => h.NegotiationId == id, ct);
        var root = tree.Root().ToString();
        if (head is null)
        {
            if (rows.Count > 0) findings.Add(new RecordFinding("record head", $"missing, but there are {rows.Count} entries"));
        }
        else if (head.Size != tree.Size || head.Root != root || !FrontierAgrees(head))
            findings.Add(new RecordFinding("record head",
                $"it says {head.Size} entries with root {head.Root}; the entries give {tree.Size} with root {root}: entries were removed, added or rewritten outside Parley, or the head was altered"));
        return tree;
    }

    private static bool FrontierAgrees(RecordHeadRow head)
    {
        try
        {
            var frontier = MerkleFrontier.Parse(head.Frontier);
            return frontier.Size == head.Size && frontier.Root().ToString() == head.Root;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Hash32 LeafOf(HistoryRow row, List<RecordFinding> findings)
    {
        if (!IsLowerHex(row.EntryHash))
        {
            findings.Add(RecordFinding.AtEntry(row.LogIndex, "its entry hash is not 64 lower-case hex digits: altered"));
            return MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes(row.EntryHash));
        }
        var entryHash = Hash32.Parse(row.EntryHash);
        if (row.Salt is null)
        {
            if (row.Actor.Length + row.ItemId.Length + row.Change.Length + row.Rows.Length > 0)
                findings.Add(RecordFinding.AtEntry(row.LogIndex, "erased, yet it holds contents: altered"));
        }
        else
        {
            var matches = IsLowerHex(row.Salt) && RecordEntry.EntryHash(HistoryEntry.Of(row), row.Salt) == entryHash;
            if (!matches) findings.Add(RecordFinding.AtEntry(row.LogIndex, "its contents do not match its hash: the entry was altered after it was written"));
        }
        return RecordEntry.Leaf(entryHash);
    }

    /// <summary>64 lower-case hex digits: the only form Parley writes hashes and salts in.</summary>
    private static bool IsLowerHex(string text) => text.Length == 2 * Hash32.Length && text.All(char.IsAsciiHexDigitLower);

    private async Task CheckCheckpointsAsync(string id, MerkleTree tree, RecordKey? key, List<RecordFinding> findings, CancellationToken ct)
    {
        foreach (var row in await db.Checkpoints.AsNoTracking().Where(c => c.NegotiationId == id).OrderBy(c => c.TreeSize).ToListAsync(ct))
        {
            var place = $"checkpoint at size {row.TreeSize}";
            if (key is null) continue;
            var checkpoint = CheckCheckpoint(id, tree, key, row.Note, place, findings);
            if (checkpoint is null) continue;
            if (checkpoint.Size != row.TreeSize || checkpoint.Time != row.SignedAt)
                findings.Add(new RecordFinding(place, $"its row says size {row.TreeSize} signed at {row.SignedAt:u}, its signed note size {checkpoint.Size} at {checkpoint.Time:u}: the row was altered"));
        }
    }

    /// <summary>A signed checkpoint must verify and the tree must still extend it (same root at its size).</summary>
    private static Checkpoint? CheckCheckpoint(string id, MerkleTree tree, RecordKey key, string note, string place, List<RecordFinding> findings)
    {
        var (checkpoint, error) = key.Open(note, id);
        if (checkpoint is null)
        {
            findings.Add(new RecordFinding(place, $"it does not verify with the instance key: {error}"));
            return null;
        }
        if (checkpoint.Size > tree.Size)
            findings.Add(new RecordFinding(place, $"it signed {checkpoint.Size} entries but the record has {tree.Size}: entries after it were removed"));
        else if (checkpoint.Size > 0 && !MerkleProofs.VerifyConsistency(checkpoint.Size, tree.Size, tree.ConsistencyProof(checkpoint.Size, tree.Size), checkpoint.Root, tree.Root()))
            findings.Add(new RecordFinding(place, $"the record is not consistent with it: the first {checkpoint.Size} entries no longer hash to the root it signed ({checkpoint.Root}) — they were rewritten"));
        else if (checkpoint.Size == 0 && checkpoint.Root != MerkleHash.Empty)
            findings.Add(new RecordFinding(place, "it signed an empty tree with a root that is not the empty root"));
        return checkpoint;
    }

    /// <summary>Replays the entries' row digests and compares them with every stored row of the negotiation.</summary>
    private async Task CheckRowsAsync(string id, IReadOnlyList<StateTable> tables, List<RecordFinding> findings, CancellationToken ct)
    {
        var expected = new Dictionary<(string Table, string Key), (string Digest, long Entry)>();
        await foreach (var row in db.History.AsNoTracking().Where(h => h.NegotiationId == id && h.Salt != null).OrderBy(h => h.LogIndex)
                           .Select(h => new { Index = h.LogIndex, h.Rows }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Rows.Length == 0) continue; // written before rows were recorded; a later record.sealed entry resets
            if (RecordedRows.Parse(row.Rows) is not { } parsed)
            {
                findings.Add(RecordFinding.AtEntry(row.Index, "its rows field does not read: altered"));
                continue;
            }
            foreach (var table in parsed.Resets)
                foreach (var k in expected.Keys.Where(k => k.Table == table).ToArray()) expected.Remove(k);
            foreach (var (table, key, digest) in parsed.Rows)
                if (digest is null) expected.Remove((table, key));
                else expected[(table, key)] = (digest, row.Index);
        }
        foreach (var table in tables)
            foreach (var stored in await RowDigests.ReadAsync(db, table, id, ct))
            {
                if (!expected.Remove((table.Name, stored.Key), out var want))
                    findings.Add(RecordFinding.AtRow(table.Name, stored.Key, "no entry of the record wrote it: added outside Parley"));
                else if (want.Digest != stored.Digest)
                    findings.Add(RecordFinding.AtRow(table.Name, stored.Key, $"it differs from what entry {want.Entry} recorded: altered outside Parley"));
            }
        foreach (var ((table, key), want) in expected.OrderBy(e => e.Value.Entry))
            findings.Add(RecordFinding.AtRow(table, key, $"entry {want.Entry} recorded it but it is not stored: deleted outside Parley"));
    }
}
