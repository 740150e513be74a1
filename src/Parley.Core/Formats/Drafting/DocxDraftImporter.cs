using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Parley.Core.Formats.Drafting;

/// <summary>The outcome of reading a .docx: Markdown text, or why it could not be read.</summary>
/// <param name="Markdown">The text, one paragraph per Word paragraph, headings as <c>#</c> lines; null on failure.</param>
/// <param name="Error">Why the file could not be read; null on success.</param>
public sealed record DocxImport(string? Markdown, string? Error);

/// <summary>
/// Reads the text of a .docx draft — brackets are ordinary characters in it — as Markdown for
/// <see cref="Parley.Core.Drafting.DraftParser"/>. Paragraphs (including those in tables) become blocks separated by blank
/// lines; paragraphs in a Heading 1–6 style become <c>#</c> headings; tracked insertions are kept and tracked deletions left
/// out; tabs and line breaks become spaces. Automatic list numbering is not text in Word and is not recovered.
/// </summary>
public static class DocxDraftImporter
{
    /// <summary>Reads <paramref name="input"/>. A file that is not a valid .docx gives an error, never an exception.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static DocxImport Import(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var package = WordprocessingDocument.Open(input, false);
            var body = package.MainDocumentPart?.Document?.Body;
            if (body is null) return new DocxImport(null, "the file has no document body");
            var styles = package.MainDocumentPart!.StyleDefinitionsPart?.Styles;
            var sb = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                string text = Text(paragraph);
                if (text.Trim().Length == 0) continue;
                int level = HeadingLevel(paragraph, styles);
                if (sb.Length > 0) sb.Append("\n\n");
                if (level > 0) sb.Append('#', level).Append(' ');
                sb.Append(text.Trim());
            }
            sb.Append('\n');
            return new DocxImport(sb.ToString(), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
        {
            return new DocxImport(null, "not a valid .docx file: " + e.Message);
        }
    }

    private static string Text(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t when !element.Ancestors<DeletedRun>().Any():
                    sb.Append(t.Text);
                    break;
                case TabChar or Break:
                    sb.Append(' ');
                    break;
            }
        }
        return sb.ToString().Replace('\n', ' ').Replace('\r', ' ');
    }

    private static int HeadingLevel(Paragraph paragraph, Styles? styles)
    {
        string? id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (id is null) return 0;
        string name = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == id)?.StyleName?.Val?.Value ?? id;
        foreach (var candidate in new[] { name, id })
        {
            var s = candidate.Replace(" ", "", StringComparison.Ordinal);
            if (s.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && s.Length == 8 && s[7] is >= '1' and <= '6') return s[7] - '0';
        }
        return 0;
    }
}
