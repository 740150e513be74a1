namespace Parley.Data;

/// <summary>
/// One entry of the history log: who (<see cref="Actor"/>) changed what (<see cref="Action"/> on
/// <see cref="ItemKind"/> <see cref="ItemId"/>, <see cref="Change"/> as JSON) and when it was recorded
/// (<see cref="RecordedAt"/>, record time from the store's clock, UTC, whole microseconds — not the valid
/// time of the item).
/// </summary>
/// <param name="Sequence">Position in the log, 1-based, without gaps across all negotiations.</param>
/// <param name="NegotiationId">The negotiation changed.</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="RecordedAt">When the change was recorded.</param>
/// <param name="Action">What happened, e.g. <c>position.recorded</c>, <c>proposal.responded</c>, <c>negotiation.imported</c>.</param>
/// <param name="ItemKind">The kind of item changed, e.g. <c>position</c>, <c>working-group</c>, <c>negotiation</c>.</param>
/// <param name="ItemId">The item changed (the negotiation id for whole-negotiation actions).</param>
/// <param name="Visibility">Who may read the entry: the visibility of the item it records (<c>shared</c>, <c>mediator</c>, <c>party:ua</c>).</param>
/// <param name="Change">JSON of what changed: the new item, the answer given, the withdrawal time, or the whole negotiation.</param>
/// <param name="PreviousHash">The hash of the entry before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 over <paramref name="PreviousHash"/> and the canonical entry, lower-case hex.</param>
public sealed record HistoryEntry(
    long Sequence,
    string NegotiationId,
    string Actor,
    DateTimeOffset RecordedAt,
    string Action,
    string ItemKind,
    string ItemId,
    string Visibility,
    string Change,
    string PreviousHash,
    string Hash);

/// <summary>
/// The result of checking the whole log: intact, or the first entry at which the chain breaks and why
/// (an edited entry, a missing entry, entries missing at the end).
/// </summary>
/// <param name="IsIntact">True when every entry links to the one before and matches its hash, and the last one is the recorded head.</param>
/// <param name="EntriesChecked">Entries read before the verdict.</param>
/// <param name="BrokenAt">The sequence where the chain first breaks, or null when intact.</param>
/// <param name="Problem">What is wrong there, or null when intact.</param>
public sealed record HistoryVerification(bool IsIntact, long EntriesChecked, long? BrokenAt, string? Problem)
{
    internal static HistoryVerification Intact(long count) => new(true, count, null, null);

    internal static HistoryVerification Broken(long count, long at, string problem) => new(false, count, at, problem);
}
