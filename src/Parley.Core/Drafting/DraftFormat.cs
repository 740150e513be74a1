namespace Parley.Core.Drafting;

/// <summary>How the characters of a draft are read before brackets are counted.</summary>
public enum DraftFormat
{
    /// <summary>Every character is text; only brackets, braces and <c>&lt;!-- issue: … --&gt;</c> tags are notation.</summary>
    PlainText,

    /// <summary>
    /// Markdown: front matter, link and footnote definitions, inline links, footnote references, reference links
    /// whose label is defined in the same file, HTML tags and kramdown attribute lists are markup, not brackets.
    /// </summary>
    Markdown,
}
