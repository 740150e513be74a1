using System.Text;
using Parley.Core.Drafting;

namespace Parley.Core.Formats.Drafting;

/// <summary>
/// Writes a draft as Markdown. A Markdown draft is written as it is (its markup is already Markdown). A plain-text draft is
/// escaped where Markdown would read its characters as markup — backslashes, asterisks, underscores, back-ticks, angle
/// brackets that would open an HTML tag, a <c>#</c> or <c>---</c> starting a line, a <c>(</c> or <c>:</c> right after a <c>]</c> and a <c>^</c> right after a <c>[</c> — so that parsing the result as
/// Markdown gives the same brackets and words.
/// </summary>
public static class MarkdownDraftExporter
{
    /// <summary>Renders <paramref name="document"/> as Markdown.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string Export(DraftDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Format == DraftFormat.Markdown) return document.Text;
        string t = document.Text;
        var sb = new StringBuilder(t.Length + t.Length / 16);
        bool lineStart = true;
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            bool escape = c is '\\' or '*' or '_' or '`'
                || (c == '<' && i + 1 < t.Length && (char.IsAsciiLetter(t[i + 1]) || t[i + 1] == '/'))
                || (c == '#' && lineStart)
                || (c is '(' or ':' && i > 0 && t[i - 1] == ']')
                || (c == '^' && i > 0 && t[i - 1] == '[')
                || (c == '-' && lineStart && i + 2 < t.Length && t[i + 1] == '-' && t[i + 2] == '-');
            if (escape) sb.Append('\\');
            sb.Append(c);
            if (c == '\n') lineStart = true;
            else if (c is not (' ' or '\t')) lineStart = false;
        }
        return sb.ToString();
    }
}
