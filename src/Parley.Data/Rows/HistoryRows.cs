namespace Parley.Data.Rows;

/// <summary>
/// One entry of the record: the append-only log of every change, one Merkle tree per negotiation (RFC 6962 hashing;
/// see <c>docs/storage.md</c>, "The record"). <see cref="Sequence"/> orders entries across negotiations (what the live
/// updates follow); <see cref="Index"/> is the entry's leaf in its negotiation's tree.
/// </summary>
public sealed class HistoryRow
{
    /// <summary>Position across all negotiations, 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>The negotiation changed (kept after the negotiation is deleted).</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The entry's leaf index in its negotiation's tree: 0, 1, 2 … without gaps.</summary>
    public long LogIndex { get; set; }

    /// <summary>Who made the change (empty once erased).</summary>
    public required string Actor { get; set; }

    /// <summary>Record time, UTC, whole microseconds.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>What happened, e.g. <c>position.recorded</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of item changed, e.g. <c>position</c>.</summary>
    public required string ItemKind { get; set; }

    /// <summary>The item changed (empty once erased).</summary>
    public required string ItemId { get; set; }

    /// <summary>
    /// Who may read the entry, in the form <c>Visibility.ToString()</c> writes (<c>shared</c>, <c>mediator</c>,
    /// <c>party:ua</c>): the visibility of the item it records.
    /// </summary>
    public required string Visibility { get; set; }

    /// <summary>What changed, as JSON (empty once erased).</summary>
    public required string Change { get; set; }

    /// <summary>The digests of the stored rows the change wrote, as JSON (<c>Record/RecordedRows.cs</c>; empty once erased).</summary>
    public required string Rows { get; set; }

    /// <summary>The entry's 256-bit salt, lower-case hex; null once the entry is erased.</summary>
    public string? Salt { get; set; }

    /// <summary>SHA-256(salt ‖ canonical entry), lower-case hex: the data of the entry's Merkle leaf. Kept after erasure.</summary>
    public required string EntryHash { get; set; }
}

/// <summary>The single row naming the log's last sequence, written with every append.</summary>
public sealed class HistoryHeadRow
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>The last entry's sequence.</summary>
    public long LastSequence { get; set; }
}

/// <summary>The head of one negotiation's tree, written with every append to it.</summary>
public sealed class RecordHeadRow
{
    /// <summary>The negotiation (kept after it is deleted).</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The number of entries (leaves).</summary>
    public long Size { get; set; }

    /// <summary>The tree's root hash, lower-case hex.</summary>
    public required string Root { get; set; }

    /// <summary>The roots of the perfect subtrees making up the tree (<c>MerkleFrontier.Serialize</c>), so an append costs O(log n).</summary>
    public required string Frontier { get; set; }
}

/// <summary>A signed checkpoint of one negotiation's tree (C2SP tlog-checkpoint as a signed note), kept for good.</summary>
public sealed class CheckpointRow
{
    /// <summary>The negotiation.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The tree size the checkpoint commits to.</summary>
    public long TreeSize { get; set; }

    /// <summary>When it was signed, UTC, whole seconds (also in the note).</summary>
    public DateTimeOffset SignedAt { get; set; }

    /// <summary>The whole signed note.</summary>
    public required string Note { get; set; }
}
