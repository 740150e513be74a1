namespace Parley.Core.Drafting;

/// <summary>What a bracket holds.</summary>
public enum BracketKind
{
    /// <summary>Disputed wording.</summary>
    Disputed,

    /// <summary>A placeholder for text still to come: the content starts with "placeholder", or is just <c>X</c> or an ellipsis.</summary>
    Placeholder,
}

/// <summary>
/// One pair of square brackets in a draft: wording not yet agreed. Offsets are 0-based positions in the parsed text;
/// <see cref="Start"/> is the <c>[</c> and <see cref="End"/> the matching <c>]</c>, both included in the bracket. A value
/// type: a draft of the size of the Paris texts holds hundreds of thousands of brackets in one array.
/// </summary>
public readonly record struct Bracket
{
    /// <summary>Position in <see cref="DraftDocument.Brackets"/> (document order of the opening brackets).</summary>
    public required int Index { get; init; }

    /// <summary>Offset of the opening <c>[</c>.</summary>
    public required int Start { get; init; }

    /// <summary>Offset of the matching <c>]</c>.</summary>
    public required int End { get; init; }

    /// <summary>Offset of the first character after the attribution header (equal to <see cref="Start"/> + 1 when there is none).</summary>
    public required int ContentStart { get; init; }

    /// <summary>1-based line of the opening bracket.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of the opening bracket.</summary>
    public required int Column { get; init; }

    /// <summary>Nesting depth: 1 for a top-level bracket, 2 for a bracket inside it, and so on.</summary>
    public required int Depth { get; init; }

    /// <summary>Index of the enclosing bracket, or -1 at top level.</summary>
    public required int Parent { get; init; }

    /// <summary>Index in <see cref="DraftDocument.Provisions"/> of the provision holding the opening bracket.</summary>
    public required int Provision { get; init; }

    /// <summary>Index in <see cref="DraftDocument.AlternativeGroups"/> when the bracket stands side by side with others, else -1.</summary>
    public required int Group { get; init; }

    /// <summary>Parties the bracket is attributed to by a header such as <c>[UA, EU: …]</c>; empty when unattributed.</summary>
    public required IReadOnlyList<string> Parties { get; init; }

    /// <summary>Option id from a header such as <c>[#freeze UA: …]</c>, linking this alternative to an option of the provision's issue.</summary>
    public required string? OptionId { get; init; }

    /// <summary>Disputed wording or placeholder.</summary>
    public required BracketKind Kind { get; init; }

    /// <summary>The bracket's content without the brackets and without the attribution header.</summary>
    public string Content(string text) => text[ContentStart..End];
}

/// <summary>Brackets that stand side by side, separated only by spaces or tabs (<c>[shall][should]</c>): alternative wordings.</summary>
/// <param name="Index">Position in <see cref="DraftDocument.AlternativeGroups"/>.</param>
/// <param name="Brackets">Indexes of the member brackets, in document order; at least two.</param>
public sealed record AlternativeGroup(int Index, IReadOnlyList<int> Brackets);
