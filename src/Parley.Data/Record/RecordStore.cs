using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Record;
using Parley.Data.Rows;

namespace Parley.Data.Record;

/// <summary>A signed checkpoint as stored: the tree size it commits to, when it was signed, and the signed note.</summary>
public sealed record StoredCheckpoint(string NegotiationId, long TreeSize, DateTimeOffset SignedAt, string Note)
{
    /// <summary>The checkpoint the note signs (its text, read without checking the signature).</summary>
    /// <exception cref="FormatException">The note is not a checkpoint.</exception>
    public Checkpoint Checkpoint => Checkpoint.ParseBody(Note[..(Note.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)]);
}

/// <summary>
/// Reads a negotiation's record as a Merkle tree — leaves, proofs, signed checkpoints — for the API and the CLI. Who may
/// read which entry is the caller's business (the application layer); this store hands out hashes, which reveal no entry.
/// </summary>
public sealed class RecordStore(ParleyDbContext db, TimeProvider clock)
{
    /// <summary>The negotiation's tree size (entries), 0 when it has none.</summary>
    public async Task<long> SizeAsync(string negotiationId, CancellationToken ct = default) =>
        await db.RecordHeads.AsNoTracking().Where(h => h.NegotiationId == negotiationId).Select(h => (long?)h.Size).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>The leaf hashes of every entry, in index order (erased ones included).</summary>
    public async Task<IReadOnlyList<Hash32>> LeavesAsync(string negotiationId, CancellationToken ct = default) =>
        (await db.History.AsNoTracking().Where(h => h.NegotiationId == negotiationId).OrderBy(h => h.LogIndex)
            .Select(h => h.EntryHash).ToListAsync(ct))
        .Select(e => RecordEntry.Leaf(Hash32.Parse(e))).ToArray();

    /// <summary>One entry by its index, or null.</summary>
    public async Task<HistoryEntry?> EntryAsync(string negotiationId, long index, CancellationToken ct = default) =>
        await db.History.AsNoTracking().Where(h => h.NegotiationId == negotiationId && h.LogIndex == index).SingleOrDefaultAsync(ct)
            is { } row ? HistoryEntry.Of(row) : null;

    /// <summary>
    /// The audit path of entry <paramref name="index"/> in the tree of <paramref name="size"/> entries (default: the
    /// whole tree), or null when the index or size is out of range.
    /// </summary>
    public async Task<InclusionProof?> InclusionProofAsync(string negotiationId, long index, long? size, CancellationToken ct = default)
    {
        var tree = new MerkleTree(await LeavesAsync(negotiationId, ct));
        var n = size ?? tree.Size;
        if (n < 1 || n > tree.Size || index < 0 || index >= n) return null;
        return new InclusionProof(index, n, tree.LeafHash(index), tree.InclusionProof(index, n), tree.Root(n));
    }

    /// <summary>The proof that the tree of <paramref name="first"/> entries is a prefix of the tree of <paramref name="second"/>, or null when out of range.</summary>
    public async Task<ConsistencyProof?> ConsistencyProofAsync(string negotiationId, long first, long? second, CancellationToken ct = default)
    {
        var tree = new MerkleTree(await LeavesAsync(negotiationId, ct));
        var n = second ?? tree.Size;
        if (first < 1 || first > n || n > tree.Size) return null;
        return new ConsistencyProof(first, n, tree.ConsistencyProof(first, n), tree.Root(first), tree.Root(n));
    }

    /// <summary>The stored checkpoints, oldest first.</summary>
    public async Task<IReadOnlyList<StoredCheckpoint>> CheckpointsAsync(string negotiationId, CancellationToken ct = default) =>
        await db.Checkpoints.AsNoTracking().Where(c => c.NegotiationId == negotiationId).OrderBy(c => c.TreeSize)
            .Select(c => new StoredCheckpoint(c.NegotiationId, c.TreeSize, c.SignedAt, c.Note)).ToListAsync(ct);

    /// <summary>
    /// A checkpoint of the negotiation's tree as it is now: the stored one when the tree has not grown since, else a new
    /// one signed with <paramref name="key"/> and stored (so checkpoints handed out stay on record). Null when the
    /// negotiation has no record at all.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key cannot sign.</exception>
    public async Task<StoredCheckpoint?> CheckpointAsync(string negotiationId, RecordKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await LatestAsync(negotiationId, ct) is { } latest) return latest;
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (await LatestAsync(negotiationId, ct) is { } signed) return signed;
            var head = await db.RecordHeads.AsNoTracking().SingleOrDefaultAsync(h => h.NegotiationId == negotiationId, ct);
            if (head is null) return null;
            var now = clock.GetUtcNow();
            var checkpoint = new Checkpoint(key.Origin(negotiationId), head.Size, Hash32.Parse(head.Root),
                new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
            var row = new CheckpointRow { NegotiationId = negotiationId, TreeSize = head.Size, SignedAt = checkpoint.Time, Note = key.Sign(checkpoint) };
            db.Checkpoints.Add(row);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new StoredCheckpoint(row.NegotiationId, row.TreeSize, row.SignedAt, row.Note);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The stored checkpoint at the current tree size, if any.</summary>
    private async Task<StoredCheckpoint?> LatestAsync(string negotiationId, CancellationToken ct)
    {
        var size = await db.RecordHeads.AsNoTracking().Where(h => h.NegotiationId == negotiationId).Select(h => (long?)h.Size).SingleOrDefaultAsync(ct);
        if (size is null) return null;
        return await db.Checkpoints.AsNoTracking().Where(c => c.NegotiationId == negotiationId && c.TreeSize == size)
            .Select(c => new StoredCheckpoint(c.NegotiationId, c.TreeSize, c.SignedAt, c.Note)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>An RFC 9162 inclusion proof: entry <paramref name="Index"/>'s leaf and audit path in the tree of <paramref name="TreeSize"/> entries, whose root is <paramref name="Root"/>.</summary>
public sealed record InclusionProof(long Index, long TreeSize, Hash32 LeafHash, ImmutableArray<Hash32> Path, Hash32 Root);

/// <summary>An RFC 9162 consistency proof between the trees of <paramref name="First"/> and <paramref name="Second"/> entries.</summary>
public sealed record ConsistencyProof(long First, long Second, ImmutableArray<Hash32> Path, Hash32 FirstRoot, Hash32 SecondRoot);
