namespace Parley.Data.Rows;

/// <summary>
/// One entry of the append-only history log. Entries form one hash chain over all negotiations:
/// <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> + canonical entry); see <c>docs/storage.md</c>.
/// </summary>
public sealed class HistoryRow
{
    /// <summary>Position in the chain, 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>The negotiation changed (kept after the negotiation is deleted).</summary>
    public required string NegotiationId { get; set; }

    /// <summary>Who made the change.</summary>
    public required string Actor { get; set; }

    /// <summary>Record time, UTC, whole microseconds.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>What happened, e.g. <c>position.recorded</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of item changed, e.g. <c>position</c>.</summary>
    public required string ItemKind { get; set; }

    /// <summary>The item changed.</summary>
    public required string ItemId { get; set; }

    /// <summary>
    /// Who may read the entry, in the form <c>Visibility.ToString()</c> writes (<c>shared</c>, <c>mediator</c>,
    /// <c>party:ua</c>): the visibility of the item it records.
    /// </summary>
    public required string Visibility { get; set; }

    /// <summary>What changed, as JSON.</summary>
    public required string Change { get; set; }

    /// <summary>The previous entry's hash (64 zeros for the first entry).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>This entry's hash, lower-case hex.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// The single row naming the chain's last entry. It is written with every append, so deleting the newest
/// entries (which a chain alone cannot reveal) is detected too.
/// </summary>
public sealed class HistoryHeadRow
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>The last entry's sequence.</summary>
    public long LastSequence { get; set; }

    /// <summary>The last entry's hash.</summary>
    public required string LastHash { get; set; }
}
