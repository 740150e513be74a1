using Parley.Core.Talks;

namespace Parley.Data;

/// <summary>
/// Negotiations this process already holds in memory, each at the head of its record (see <see cref="NegotiationVersion"/>).
/// A write that finds the negotiation here at the head it reads under the writer lock applies its change to a copy instead
/// of reading every item again — so a write costs the same however long the talks have run — and hands the result back
/// once committed. Implemented by the server's read cache.
/// </summary>
public interface INegotiationVersions
{
    /// <summary>The negotiation exactly as stored when its record had <paramref name="head"/> entries, or null when not held. Shared: copy it.</summary>
    Negotiation? Find(string id, long head);

    /// <summary>
    /// A transaction that changes the talks of <paramref name="id"/> is about to commit. Until <see cref="Committed"/> or
    /// <see cref="Abandoned"/> follows, a reader that finds the record's head ahead of what is held waits for the outcome
    /// rather than reading the whole negotiation again (the head moves when the database commits, a moment before
    /// <see cref="Committed"/> hands the new version over).
    /// </summary>
    void Committing(string id);

    /// <summary>
    /// The change announced by <see cref="Committing"/> was committed: the record grew from <paramref name="previousHead"/>
    /// to <paramref name="head"/> and the negotiation is now <paramref name="negotiation"/>, which the caller no longer
    /// changes. Changes to the talks only (not to profiles, drafts or incidents).
    /// </summary>
    void Committed(string id, long previousHead, long head, Negotiation negotiation);

    /// <summary>The change announced by <see cref="Committing"/> was not committed.</summary>
    void Abandoned(string id);
}
