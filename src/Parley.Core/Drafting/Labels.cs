namespace Parley.Core.Drafting;

/// <summary>How an "Option" label is numbered.</summary>
public enum OptionNumbering
{
    /// <summary>Arabic numerals: <c>Option 1</c>. These are the "Option n" labels counted by <see cref="DraftMetrics.OptionLabels"/>.</summary>
    Arabic,

    /// <summary>Roman numerals: <c>Option II</c> (in UNFCCC texts, a higher-level grouping).</summary>
    Roman,

    /// <summary>One capital letter: <c>Option A</c>.</summary>
    Letter,
}

/// <summary>
/// A labelled option: a line that begins (after indentation, list marker, paragraph number, a lettered sub-paragraph
/// marker such as <c>(f)</c>, emphasis and at most one <c>[</c>) with <c>Option</c> and a number, followed by <c>:</c>,
/// <c>.</c>, <c>)</c>, <c>*</c>, a space or the end of the line.
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of the word "Option".</param>
/// <param name="Provision">Index of the provision the label begins.</param>
/// <param name="Number">
/// The number as written: "1", "II", "A"; with its suffix for an inserted option, "1bis" (also when written "1 bis"), which is
/// a different option from "1".
/// </param>
/// <param name="Numbering">How it is numbered.</param>
public sealed record OptionLabel(int Line, int Column, int Provision, string Number, OptionNumbering Numbering);

/// <summary>
/// The label a paragraph begins with: <c>PP 3</c>, <c>OP4bis</c>, <c>3.3alt</c>, <c>(17ter)</c>, <c>1.</c>, <c>3.x</c>.
/// </summary>
/// <param name="Text">The label as written, without surrounding parentheses or trailing punctuation ("3.3bis").</param>
/// <param name="Prefix">"PP" (preambular), "OP" (operative) or empty.</param>
/// <param name="Number">The number part ("3.3", "17", "3.x").</param>
/// <param name="Suffix">"bis", "ter", "quater", … or "alt" when present, else empty.</param>
public sealed record ParagraphLabel(string Text, string Prefix, string Number, string Suffix);

/// <summary>A facilitator's note in braces, <c>{…}</c>: commentary on the text, not negotiated wording.</summary>
/// <param name="Start">Offset of the <c>{</c>.</param>
/// <param name="End">Offset of the matching <c>}</c>.</param>
/// <param name="Line">1-based line of the <c>{</c>.</param>
/// <param name="Column">1-based column of the <c>{</c>.</param>
/// <param name="Provision">Index of the provision holding it.</param>
public sealed record FacilitatorNote(int Start, int End, int Line, int Column, int Provision)
{
    /// <summary>The note without its braces.</summary>
    public string Content(string text) => text[(Start + 1)..End];
}
