using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Parley.Core.Drafting;

namespace Parley.Core.Formats.Drafting;

/// <summary>
/// Writes a draft to .docx: one Word paragraph per provision (headings in the built-in Heading styles), brackets kept as
/// characters and shaded in their party's colour (grey when unattributed, darker with depth), facilitator notes in grey
/// italics, issue tags as small grey text so that they survive a round trip through <see cref="DocxDraftImporter"/>.
/// </summary>
public static class DocxDraftExporter
{
    /// <summary>Fill colours given to parties in order of first appearance (then reused).</summary>
    public static readonly IReadOnlyList<string> PartyColours =
        ["FFE08A", "9FD3F5", "F5A3A3", "B5E3A1", "D6B8F0", "F7C99B", "A8E6E0", "F2B6D8"];

    private static readonly string[] Greys = ["E6E6E6", "D4D4D4", "C2C2C2", "B0B0B0"];

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> as a .docx package.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Export(DraftDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var colours = document.Parties.Select((p, i) => (p.Party, Colour: PartyColours[i % PartyColours.Count]))
            .ToDictionary(x => x.Party, x => x.Colour, StringComparer.Ordinal);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        AddHeadingStyles(main);
        var body = new Body();
        foreach (var block in DraftSegments.Of(document))
        {
            var paragraph = new Paragraph();
            if (block.HeadingLevel > 0)
            {
                paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{block.HeadingLevel}" }));
            }
            foreach (var segment in block.Segments) paragraph.Append(Run(segment, colours));
            body.Append(paragraph);
        }
        body.Append(new SectionProperties());
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Run Run(DraftSegment segment, Dictionary<string, string> colours)
    {
        var properties = new RunProperties();
        switch (segment.Kind)
        {
            case SegmentKind.Note:
                properties.Append(new Italic(), new Color { Val = "666666" });
                break;
            case SegmentKind.Comment:
                properties.Append(new Color { Val = "999999" }, new FontSize { Val = "16" });
                break;
            case SegmentKind.Open or SegmentKind.Close:
                properties.Append(new Bold());
                break;
        }
        if (segment.Depth > 0 && segment.Kind is not (SegmentKind.Note or SegmentKind.Comment))
        {
            string fill = segment.Parties.Count > 0
                ? colours[segment.Parties[0]]
                : Greys[Math.Min(segment.Depth, Greys.Length) - 1];
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new Text(segment.Text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static void AddHeadingStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        for (int level = 1; level <= 6; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = (36 - 4 * level).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            {
                Type = StyleValues.Paragraph,
                StyleId = $"Heading{level}",
            });
        }
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }
}
