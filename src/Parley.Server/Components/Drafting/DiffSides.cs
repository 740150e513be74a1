using Parley.Core.Drafting;

namespace Parley.Server.Components.Drafting;

/// <summary>
/// A changed, added or removed provision laid out side by side: the older text (unchanged and deleted words) and the newer
/// text (unchanged and inserted words), each with its first line (0 when the provision is not on that side).
/// </summary>
public sealed record DiffRow(ProvisionChangeKind Kind, int OldLine, int NewLine, IReadOnlyList<WordEdit> Older, IReadOnlyList<WordEdit> Newer)
{
    /// <summary>The rows of a diff, in document order.</summary>
    public static IReadOnlyList<DiffRow> Of(DraftDiff diff) => diff.Provisions
        .Select(p => new DiffRow(p.Kind, p.OldLine, p.NewLine,
            p.Words.Where(w => w.Kind != WordEditKind.Inserted).ToArray(),
            p.Words.Where(w => w.Kind != WordEditKind.Deleted).ToArray()))
        .ToArray();

    /// <summary>"changed", "added" or "removed".</summary>
    public string KindText => Kind.ToString().ToLowerInvariant();
}

/// <summary>The bracket changes of a diff grouped the way the page lists them.</summary>
public sealed record BracketGroups(IReadOnlyList<BracketChange> Added, IReadOnlyList<BracketChange> Removed, IReadOnlyList<BracketChange> Changed)
{
    /// <summary>Groups <paramref name="diff"/>'s bracket changes: removed holds the accepted (text kept, brackets gone) and the deleted ones.</summary>
    public static BracketGroups Of(DraftDiff diff) => new(
        diff.Brackets.Where(b => b.Kind == BracketChangeKind.Added).ToArray(),
        diff.Brackets.Where(b => b.Kind is BracketChangeKind.Accepted or BracketChangeKind.Deleted).ToArray(),
        diff.Brackets.Where(b => b.Kind == BracketChangeKind.Changed).ToArray());
}
