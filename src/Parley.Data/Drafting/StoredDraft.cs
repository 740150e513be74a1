using Parley.Core.Drafting;

namespace Parley.Data.Drafting;

/// <summary>A stored version without its text: what a list of versions shows.</summary>
/// <param name="Draft">The draft's key.</param>
/// <param name="Version">The version's label.</param>
/// <param name="Ordinal">Zero-based place in the draft's history, oldest first.</param>
/// <param name="Date">The date tabled, if known.</param>
/// <param name="Author">Who tabled it, if known.</param>
/// <param name="Format">How its text is read.</param>
/// <param name="Characters">Length of the text in UTF-16 characters.</param>
public sealed record StoredDraftVersion(
    string Draft, string Version, int Ordinal, DateOnly? Date, string? Author, DraftFormat Format, int Characters);

/// <summary>One draft of a negotiation and its versions, oldest first.</summary>
/// <param name="Draft">The draft's key.</param>
/// <param name="Versions">Its versions, oldest first; never empty.</param>
public sealed record StoredDraft(string Draft, IReadOnlyList<StoredDraftVersion> Versions);
