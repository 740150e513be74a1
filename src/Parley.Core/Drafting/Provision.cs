namespace Parley.Core.Drafting;

/// <summary>What kind of block a provision is.</summary>
public enum ProvisionKind
{
    /// <summary>A heading (Markdown <c>#</c>; in plain text a short line starting "Article", "Preamble", "Annex", …).</summary>
    Heading,

    /// <summary>A paragraph or list item of text.</summary>
    Paragraph,
}

/// <summary>
/// A provision: one block of the draft — a heading, a paragraph, or a list item or labelled paragraph (a line starting with
/// a list marker, a paragraph label or an "Option" label begins a new provision even without a blank line before it).
/// </summary>
public readonly record struct Provision
{
    /// <summary>Position in <see cref="DraftDocument.Provisions"/>.</summary>
    public required int Index { get; init; }

    /// <summary>Heading or paragraph.</summary>
    public required ProvisionKind Kind { get; init; }

    /// <summary>Offset of its first character.</summary>
    public required int Start { get; init; }

    /// <summary>Offset just past its last character (exclusive).</summary>
    public required int End { get; init; }

    /// <summary>1-based first line.</summary>
    public required int StartLine { get; init; }

    /// <summary>1-based last line.</summary>
    public required int EndLine { get; init; }

    /// <summary>Index of the section (heading) it belongs to in <see cref="DraftDocument.Sections"/>, or -1 before the first heading.</summary>
    public required int Section { get; init; }

    /// <summary>The paragraph label it begins with, if any.</summary>
    public required ParagraphLabel? Label { get; init; }

    /// <summary>
    /// The issue it is tagged with: its own <c>&lt;!-- issue: id --&gt;</c> tag, else one standing alone in the block just
    /// before it, else the nearest heading above it with a tag; null when untagged.
    /// </summary>
    public required string? Issue { get; init; }

    /// <summary>True when the provision carries an "ad ref." or "ad referendum" mark (agreed subject to confirmation).</summary>
    public required bool AdReferendum { get; init; }

    /// <summary>Counts over the provision's text.</summary>
    public required TextMetrics Metrics { get; init; }
}

/// <summary>A heading and the provisions under it, up to the next heading of the same or a higher level.</summary>
public sealed record Section
{
    /// <summary>Position in <see cref="DraftDocument.Sections"/>.</summary>
    public required int Index { get; init; }

    /// <summary>Index of the heading provision.</summary>
    public required int Heading { get; init; }

    /// <summary>1 for <c>#</c>, 2 for <c>##</c>, …; plain-text headings have level 2.</summary>
    public required int Level { get; init; }

    /// <summary>The heading text without the <c>#</c> marks.</summary>
    public required string Title { get; init; }

    /// <summary>Index of the enclosing section, or -1.</summary>
    public required int Parent { get; init; }

    /// <summary>Counts over the heading and every provision under it, sub-sections included.</summary>
    public required TextMetrics Metrics { get; init; }
}
