using System.Net;
using System.Text;
using Parley.Core.Drafting;

namespace Parley.Core.Formats.Drafting;

/// <summary>
/// Writes a draft as a self-contained HTML page: headings as <c>h1</c>–<c>h6</c>, paragraphs as <c>p</c>, each bracket as a
/// <c>span class="bracket"</c> with <c>data-depth</c> and, when attributed, <c>data-parties</c> and a colour per party;
/// facilitator notes as <c>span class="note"</c>; issue tags kept as HTML comments. All text is HTML-encoded.
/// </summary>
public static class HtmlDraftExporter
{
    /// <summary>Renders <paramref name="document"/> with the page title <paramref name="title"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Export(DraftDocument document, string title)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(title);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
          .Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n")
          .Append(".bracket{background:rgba(0,0,0,.06)}\n.note{color:#666;font-style:italic}\n");
        for (int i = 0; i < document.Parties.Count; i++)
        {
            string colour = DocxDraftExporter.PartyColours[i % DocxDraftExporter.PartyColours.Count];
            sb.Append(".party-").Append(CssName(document.Parties[i].Party)).Append("{background:#").Append(colour).Append("}\n");
        }
        sb.Append("</style>\n</head>\n<body>\n");
        foreach (var block in DraftSegments.Of(document))
        {
            string tag = block.HeadingLevel > 0 ? "h" + block.HeadingLevel : "p";
            sb.Append('<').Append(tag).Append('>');
            foreach (var s in block.Segments)
            {
                switch (s.Kind)
                {
                    case SegmentKind.Open:
                        sb.Append("<span class=\"bracket");
                        if (s.Parties.Count > 0) sb.Append(" party-").Append(CssName(s.Parties[0]));
                        sb.Append("\" data-depth=\"").Append(s.Depth).Append('"');
                        if (s.Parties.Count > 0) sb.Append(" data-parties=\"").Append(WebUtility.HtmlEncode(string.Join(' ', s.Parties))).Append('"');
                        sb.Append('>').Append(WebUtility.HtmlEncode(s.Text));
                        break;
                    case SegmentKind.Close:
                        sb.Append("]</span>");
                        break;
                    case SegmentKind.Note:
                        sb.Append("<span class=\"note\">").Append(WebUtility.HtmlEncode(s.Text)).Append("</span>");
                        break;
                    case SegmentKind.Comment:
                        sb.Append(s.Text.Replace("--", "", StringComparison.Ordinal) is var inner && inner.Length > 0
                            ? "<!-- " + inner.Trim('<', '!', '>', ' ') + " -->" : "");
                        break;
                    default:
                        sb.Append(WebUtility.HtmlEncode(s.Text));
                        break;
                }
            }
            sb.Append("</").Append(tag).Append(">\n");
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string CssName(string party) => new(party.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
