using Parley.Core.Formats;

namespace Parley.Core.Drafting;

/// <summary>What is wrong at a <see cref="DraftProblem"/>'s position.</summary>
public enum DraftProblemKind
{
    /// <summary>A <c>]</c> with no open bracket before it; it is read as plain text.</summary>
    UnmatchedClosingBracket,

    /// <summary>A <c>[</c> that is never closed; it is read as plain text, so the text after it is not counted as bracketed.</summary>
    UnclosedBracket,

    /// <summary>A <c>{</c> not closed before the end of its paragraph; it is read as plain text.</summary>
    UnclosedNote,

    /// <summary>A <c>}</c> outside any facilitator note; it is read as plain text.</summary>
    UnmatchedClosingBrace,

    /// <summary>An HTML comment <c>&lt;!--</c> that is never closed; it is read as plain text.</summary>
    UnclosedComment,

    /// <summary>Markdown front matter opened by <c>---</c> on the first line and never closed; it is read as text.</summary>
    UnclosedFrontMatter,

    /// <summary>
    /// A warning, not an error: a bracket that balances but is opened before a heading and closed after it. Brackets rarely
    /// cross articles, so a <c>]</c> is probably missing near the opening and another one is stray near the close; the
    /// brackets are still counted as paired.
    /// </summary>
    BracketCrossesHeading,
}

/// <summary>
/// A defect found in a draft, reported like a compiler diagnostic. Parsing never stops at a problem: the
/// offending character is read as plain text and the rest of the document is still measured. Built on the one problem
/// shape (<see cref="Problem"/>, a <see cref="SourceProblem"/>), with what drafting adds: the offset in the text (to
/// mark it on the page) and the kind (a warning or an error).
/// </summary>
public sealed record DraftProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="line">1-based line of the offending character.</param>
    /// <param name="column">1-based column, counted in UTF-16 characters from the start of the line (a tab counts 1).</param>
    /// <param name="offset">0-based offset of the offending character in the whole text.</param>
    /// <param name="kind">What is wrong.</param>
    /// <param name="excerpt">A short piece of the line around the position, to find it by eye.</param>
    /// <param name="detail">Extra facts for the message (for <see cref="DraftProblemKind.BracketCrossesHeading"/>: where it closes).</param>
    /// <exception cref="ArgumentOutOfRangeException">Line or column below 1, or offset below 0.</exception>
    public DraftProblem(int line, int column, int offset, DraftProblemKind kind, string excerpt, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(detail);
        Detail = detail;
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentNullException.ThrowIfNull(excerpt);
        Offset = offset;
        Kind = kind;
        Problem = new SourceProblem("", line, column, "", Summary, kind == DraftProblemKind.UnclosedFrontMatter ? "" : excerpt);
        Excerpt = excerpt;
    }

    /// <summary>The problem in the one shape every parser reports, without a file name (see <see cref="Source"/>).</summary>
    public SourceProblem Problem { get; }

    /// <summary>1-based line.</summary>
    public int Line => Problem.Line;

    /// <summary>1-based column in UTF-16 characters.</summary>
    public int Column => Problem.Column;

    /// <summary>0-based offset in the text.</summary>
    public int Offset { get; }

    /// <summary>What is wrong.</summary>
    public DraftProblemKind Kind { get; }

    /// <summary>A short piece of the line around the position (at most about 50 characters).</summary>
    public string Excerpt { get; }

    /// <summary>Extra facts appended to the message; may be empty.</summary>
    public string Detail { get; }

    /// <summary>True for <see cref="DraftProblemKind.BracketCrossesHeading"/>, which does not make a draft fail a check.</summary>
    public bool IsWarning => Kind == DraftProblemKind.BracketCrossesHeading;

    /// <summary>One-line description, e.g. <c>']' has no matching '[' near "…circumstances,]]"</c>.</summary>
    public string Message => Kind == DraftProblemKind.UnclosedFrontMatter ? Summary : $"{Summary} near \"{Excerpt}\"";

    /// <summary>What is wrong without the excerpt, e.g. <c>']' has no matching '['</c>.</summary>
    public string Summary => Kind switch
    {
        DraftProblemKind.UnmatchedClosingBracket => "']' has no matching '['",
        DraftProblemKind.UnclosedBracket => "'[' is never closed",
        DraftProblemKind.UnclosedNote => "'{' is not closed before the end of the paragraph",
        DraftProblemKind.UnmatchedClosingBrace => "'}' has no matching '{'",
        DraftProblemKind.UnclosedComment => "'<!--' is never closed",
        DraftProblemKind.UnclosedFrontMatter => "front matter opened by '---' is never closed",
        DraftProblemKind.BracketCrossesHeading => $"'[' {Detail}; a ']' may be missing",
        _ => Kind.ToString(),
    };

    /// <summary>
    /// The problem in the one shape every parser reports (<see cref="SourceProblem"/>): <paramref name="file"/> (a path,
    /// draft/version, or empty for a request body), line, column, no field, <see cref="Summary"/> and the excerpt; its
    /// <see cref="SourceProblem.ToString"/> reads as <c>file:line:column: </c> + <see cref="Message"/>.
    /// </summary>
    public SourceProblem Source(string file) => Problem with { File = file };
}
