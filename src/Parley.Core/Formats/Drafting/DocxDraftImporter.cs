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
    /// <summary>The most a .docx may hold unpacked, all parts together: 200 MB (a 1,000-page text is about 5 MB).</summary>
    public const long MaxUnpackedBytes = 200_000_000;

    /// <summary>The most parts (zip entries) in a .docx: 2,000.</summary>
    public const int MaxParts = 2_000;

    /// <summary>The highest packing ratio of a part over 1 MB unpacked: 100 (Word's XML packs 5–20 times; a zip bomb thousands).</summary>
    public const int MaxRatio = 100;

    /// <summary>The deepest nesting of elements in any XML part: 256 (Word nests about 10 deep, tables in tables a few more).
    /// Deeper nesting is refused before the document is built: 50,000 paragraphs inside each other made the reading quadratic.</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>
    /// Reads <paramref name="input"/>. A file that is not a valid .docx, or that would unpack past the limits above (a zip
    /// bomb), gives an error, never an exception; the limits are checked on the zip's directory before anything is unpacked.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static DocxImport Import(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            if (!input.CanSeek)
            {
                var copy = new MemoryStream();
                input.CopyTo(copy);
                copy.Position = 0;
                input = copy;
            }
            if (Refusal(input) is { } refused) return new DocxImport(null, refused);
            input.Position = 0;
            using var package = WordprocessingDocument.Open(input, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes });
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
        // System.IO.Packaging throws InvalidOperationException for a relationship to a part the zip lacks.
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            return new DocxImport(null, "not a valid .docx file: " + e.Message);
        }
    }

    /// <summary>Why the zip's directory is past a limit, or null. Declared sizes are checked here; the XML reader's
    /// <see cref="OpenSettings.MaxCharactersInPart"/> holds a part that unpacks to more than it declared.</summary>
    private static string? Refusal(Stream input)
    {
        using var zip = new System.IO.Compression.ZipArchive(input, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxParts) return $"the file holds {zip.Entries.Count:N0} parts; a .docx may hold at most {MaxParts:N0}";
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > MaxUnpackedBytes) return $"the file unpacks to more than {MaxUnpackedBytes / 1_000_000:N0} MB; Parley refuses it (limit)";
            if (entry.Length > 1_000_000 && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
                return $"part '{entry.FullName}' unpacks {entry.Length / Math.Max(1, entry.CompressedLength):N0} times its packed size (limit {MaxRatio}): a zip bomb?";
        }
        foreach (var entry in zip.Entries)
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                if (TooDeep(entry) is { } deep) return deep;
        return null;
    }

    /// <summary>Where a part's elements first nest past <see cref="MaxXmlDepth"/>, or null; malformed XML is left for the SDK to report.</summary>
    private static string? TooDeep(System.IO.Compression.ZipArchiveEntry entry)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxUnpackedBytes };
        using var stream = entry.Open();
        using var reader = System.Xml.XmlReader.Create(stream, settings);
        var info = (System.Xml.IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
                if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.Depth >= MaxXmlDepth)
                    return $"part '{entry.FullName}' nests elements more than {MaxXmlDepth} deep (line {info.LineNumber}, column {info.LinePosition}); Parley refuses it (limit)";
        }
        catch (System.Xml.XmlException)
        {
            // not well-formed: the SDK says so when it opens the part
        }
        return null;
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
