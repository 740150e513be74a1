namespace Parley.Core.Drafting;

/// <summary>How a provision changed between two versions.</summary>
public enum ProvisionChangeKind
{
    /// <summary>Only in the newer version.</summary>
    Added,

    /// <summary>Only in the older version.</summary>
    Removed,

    /// <summary>In both, with different wording (white space aside).</summary>
    Changed,
}

/// <summary>How a bracket changed between two versions.</summary>
public enum BracketChangeKind
{
    /// <summary>A new bracket.</summary>
    Added,

    /// <summary>The bracket is gone and its words stand unbracketed in the newer provision: the text was agreed.</summary>
    Accepted,

    /// <summary>The bracket is gone with its words: the text was dropped.</summary>
    Deleted,

    /// <summary>The bracket is still there with different words (at least half its words in common, by Jaccard index).</summary>
    Changed,
}

/// <summary>A word-level edit inside a changed provision.</summary>
/// <param name="Kind">Unchanged, inserted or deleted.</param>
/// <param name="Text">The words, separated by single spaces.</param>
public sealed record WordEdit(WordEditKind Kind, string Text);

/// <summary>Kind of a <see cref="WordEdit"/>.</summary>
public enum WordEditKind
{
    /// <summary>In both versions.</summary>
    Unchanged,

    /// <summary>Only in the newer version.</summary>
    Inserted,

    /// <summary>Only in the older version.</summary>
    Deleted,
}

/// <summary>A provision added, removed or changed.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="OldProvision">Index in the older document, or -1 when added.</param>
/// <param name="NewProvision">Index in the newer document, or -1 when removed.</param>
/// <param name="OldLine">First line in the older document, or 0.</param>
/// <param name="NewLine">First line in the newer document, or 0.</param>
/// <param name="Words">Word-level edits (runs of the same kind merged): for an added provision one insertion, for a removed one one deletion.</param>
public sealed record ProvisionChange(
    ProvisionChangeKind Kind, int OldProvision, int NewProvision, int OldLine, int NewLine, IReadOnlyList<WordEdit> Words);

/// <summary>A bracket added, accepted, deleted or changed.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="OldBracket">Index in the older document, or -1 when added.</param>
/// <param name="NewBracket">Index in the newer document, or -1 when accepted or deleted.</param>
/// <param name="Line">Line in the newer document (older document for accepted and deleted).</param>
/// <param name="OldText">The older bracket's text with its brackets, white space collapsed; empty when added.</param>
/// <param name="NewText">The newer bracket's text; empty when accepted or deleted.</param>
public sealed record BracketChange(BracketChangeKind Kind, int OldBracket, int NewBracket, int Line, string OldText, string NewText);

/// <summary>
/// The difference between two versions of a draft. Provisions are aligned by a diff of their text (white space collapsed;
/// DiffPlex); within each changed stretch, a removed provision is paired with the later added one sharing the most words
/// (Jaccard ≥ 0.3) and counted as changed; within a changed provision, brackets are matched by their text and words by a
/// word diff.
/// </summary>
public sealed record DraftDiff
{
    /// <summary>Headline figures of the older version.</summary>
    public required DraftMetrics Before { get; init; }

    /// <summary>Headline figures of the newer version.</summary>
    public required DraftMetrics After { get; init; }

    /// <summary>Provisions added, removed or changed, in document order.</summary>
    public required IReadOnlyList<ProvisionChange> Provisions { get; init; }

    /// <summary>Bracket changes, in document order.</summary>
    public required IReadOnlyList<BracketChange> Brackets { get; init; }

    /// <summary>Provisions the same in both (white space aside).</summary>
    public required int UnchangedProvisions { get; init; }

    /// <summary>Words inserted across changed and added provisions.</summary>
    public long WordsInserted => Provisions.Sum(p => p.Words.Where(w => w.Kind == WordEditKind.Inserted).Sum(w => CountWords(w.Text)));

    /// <summary>Words deleted across changed and removed provisions.</summary>
    public long WordsDeleted => Provisions.Sum(p => p.Words.Where(w => w.Kind == WordEditKind.Deleted).Sum(w => CountWords(w.Text)));

    /// <summary>Number of bracket changes of one kind.</summary>
    public int Count(BracketChangeKind kind) => Brackets.Count(b => b.Kind == kind);

    private static long CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
