using Parley.Data.Rows;

namespace Parley.Data;

/// <summary>
/// One entry of a negotiation's record: who (<see cref="Actor"/>) changed what (<see cref="Action"/> on
/// <see cref="ItemKind"/> <see cref="ItemId"/>, <see cref="Change"/> as JSON), when it was recorded
/// (<see cref="RecordedAt"/>, record time from the store's clock, UTC, whole microseconds — not the valid time of the
/// item), and what it commits to in the negotiation's Merkle tree (see <see cref="Record.RecordEntry"/>).
/// </summary>
/// <param name="Sequence">Position across all negotiations, 1-based, without gaps.</param>
/// <param name="NegotiationId">The negotiation changed.</param>
/// <param name="Index">The entry's leaf index in its negotiation's tree, 0-based, without gaps.</param>
/// <param name="Actor">Who made the change (empty once erased).</param>
/// <param name="RecordedAt">When the change was recorded.</param>
/// <param name="Action">What happened, e.g. <c>position.recorded</c>, <c>proposal.responded</c>, <c>negotiation.imported</c>.</param>
/// <param name="ItemKind">The kind of item changed, e.g. <c>position</c>, <c>working-group</c>, <c>negotiation</c>.</param>
/// <param name="ItemId">The item changed (the negotiation id for whole-negotiation actions).</param>
/// <param name="Visibility">Who may read the entry: the visibility of the item it records (<c>shared</c>, <c>mediator</c>, <c>party:ua</c>).</param>
/// <param name="Change">JSON of what changed: the new item, the answer given, the withdrawal time, or the whole negotiation.</param>
/// <param name="Rows">JSON digests of the stored rows the change wrote (<c>{"reset":[tables],"rows":[[table,key,digest|null]]}</c>).</param>
/// <param name="Salt">The entry's 256-bit salt (hex), revealed with the entry; null once the entry was erased.</param>
/// <param name="EntryHash">SHA-256(salt ‖ canonical entry), hex: the data of the entry's leaf.</param>
public sealed record HistoryEntry(
    long Sequence,
    string NegotiationId,
    long Index,
    string Actor,
    DateTimeOffset RecordedAt,
    string Action,
    string ItemKind,
    string ItemId,
    string Visibility,
    string Change,
    string Rows,
    string? Salt,
    string EntryHash)
{
    /// <summary>True when the entry's contents were erased with its negotiation: only its hash remains.</summary>
    public bool IsErased => Salt is null;

    internal static HistoryEntry Of(HistoryRow h) => new(h.Sequence, h.NegotiationId, h.LogIndex, h.Actor, h.RecordedAt, h.Action,
        h.ItemKind, h.ItemId, h.Visibility, h.Change, h.Rows, h.Salt, h.EntryHash);
}
