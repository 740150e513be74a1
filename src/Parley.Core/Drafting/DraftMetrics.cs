namespace Parley.Core.Drafting;

/// <summary>Brackets attributed to one party and the words inside them.</summary>
/// <param name="Party">Party code as written in the header (<c>UA</c>).</param>
/// <param name="Brackets">Brackets whose header names the party.</param>
/// <param name="Words">Words whose nearest attributed bracket names the party (a word in <c>[UA, EU: …]</c> counts for both).</param>
public sealed record PartyMetrics(string Party, int Brackets, long Words);

/// <summary>The provisions tagged with one issue, and their counts.</summary>
/// <param name="Issue">Issue id as written in the tag.</param>
/// <param name="Provisions">Indexes of the tagged provisions.</param>
/// <param name="Metrics">Sum over those provisions.</param>
public sealed record IssueMetrics(string Issue, IReadOnlyList<int> Provisions, TextMetrics Metrics);

/// <summary>Headline figures for a whole draft.</summary>
public sealed record DraftMetrics
{
    /// <summary>Counts over the whole text; <c>Text.Opens</c> counts the opening brackets that balance.</summary>
    public required TextMetrics Text { get; init; }

    /// <summary>
    /// Opening brackets as written: those that balance plus those never closed (<see cref="Unclosed"/>, each also a problem).
    /// </summary>
    public int Opens => Text.Opens + Unclosed;

    /// <summary>Opening brackets never closed; they are reported as problems and their text is measured as if they were absent.</summary>
    public required int Unclosed { get; init; }

    /// <summary>Brackets not inside another bracket.</summary>
    public required int TopLevel { get; init; }

    /// <summary>Deepest nesting (1 = brackets without brackets inside; 0 = no brackets).</summary>
    public int MaxDepth => Text.MaxDepth;

    /// <summary>Groups of side-by-side alternative brackets.</summary>
    public required int AlternativeGroups { get; init; }

    /// <summary>Brackets that belong to an alternative group.</summary>
    public required int Alternatives { get; init; }

    /// <summary>"Option n" labels numbered with Arabic numerals.</summary>
    public required int OptionLabels { get; init; }

    /// <summary>All option labels (Arabic, Roman and letter).</summary>
    public required int AllOptionLabels { get; init; }

    /// <summary>Brackets that are placeholders.</summary>
    public required int Placeholders { get; init; }

    /// <summary>Facilitator notes in braces.</summary>
    public required int Notes { get; init; }

    /// <summary>Provisions marked ad referendum.</summary>
    public required int AdReferendum { get; init; }

    /// <summary>Problems found (unbalanced brackets, braces, comments).</summary>
    public required int Problems { get; init; }

    /// <summary>All words.</summary>
    public long Words => Text.Words;

    /// <summary>Words outside every bracket.</summary>
    public long AgreedWords => Text.AgreedWords;

    /// <summary>Agreed share by words (see <see cref="TextMetrics.AgreedShare"/>).</summary>
    public double AgreedShare => Text.AgreedShare;
}
