using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;

namespace Parley.Core.Tests.Drafting;

public sealed class DraftFormatsTests
{
    private const string Attributed = """
        ## Territory <!-- issue: territory -->

        The line [#freeze UA, EU: is frozen [where it stands]][#withdraw RU: moves to the oblast borders]. {check}

        Agreed & final 5 < 6 text.
        """;

    private static DraftDocument RoundTrip(DraftDocument document)
    {
        using var stream = new MemoryStream();
        DocxDraftExporter.Export(document, stream);
        stream.Position = 0;
        var import = DocxDraftImporter.Import(stream);
        Assert.Null(import.Error);
        return DraftParser.Parse(import.Markdown!);
    }

    private static void AssertSameFigures(DraftDocument expected, DraftDocument actual)
    {
        var (e, a) = (expected.Metrics, actual.Metrics);
        Assert.Equal(
            (e.Opens, e.TopLevel, e.MaxDepth, e.AlternativeGroups, e.OptionLabels, e.Placeholders, e.Notes, e.Words, e.AgreedWords, e.Problems),
            (a.Opens, a.TopLevel, a.MaxDepth, a.AlternativeGroups, a.OptionLabels, a.Placeholders, a.Notes, a.Words, a.AgreedWords, a.Problems));
        // Contents compared without Markdown markup (emphasis, escapes, heading marks, footnote marks, tags), which the
        // .docx leaves out or turns into styles.
        Assert.Equal(expected.Brackets.Select(b => Plain(b.Content(expected.Text))), actual.Brackets.Select(b => Plain(b.Content(actual.Text))));
    }

    private static string Plain(string s) => string.Join(' ', System.Text.RegularExpressions.Regex
        .Replace(s, @"\[\^[^\]\s]+\]:?|<[^>]*>|\{:[^}]*\}|[#*\\]", "")
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Docx_RoundTripOfParisText_KeepsTextAndBrackets()
    {
        var original = DraftParser.Parse(SharedData.Draft(SharedData.Oct23));
        var back = RoundTrip(original);
        AssertSameFigures(original, back);
        Assert.Equal(original.Sections.Select(s => s.Title.Replace("*", "").Trim()), back.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Docx_RoundTripOfAttributedDraft_KeepsPartiesOptionsAndIssues()
    {
        var original = DraftParser.Parse(Attributed);
        var back = RoundTrip(original);
        AssertSameFigures(original, back);
        Assert.Equal(original.Brackets.Select(b => (string.Join(",", b.Parties), b.OptionId)), back.Brackets.Select(b => (string.Join(",", b.Parties), b.OptionId)));
        Assert.Equal(original.Provisions.Select(p => p.Issue), back.Provisions.Select(p => p.Issue));
    }

    [Fact]
    public void Docx_Export_ShadesBracketsInPartyColours()
    {
        using var stream = new MemoryStream();
        DocxDraftExporter.Export(DraftParser.Parse(Attributed), stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var fills = doc.MainDocumentPart!.Document!.Body!.Descendants<Run>()
            .Where(r => r.InnerText.Contains("moves", StringComparison.Ordinal) || r.InnerText.Contains("is frozen", StringComparison.Ordinal))
            .Select(r => r.RunProperties?.Shading?.Fill?.Value ?? "none")
            .ToArray();
        Assert.Equal([DocxDraftExporter.PartyColours[0], DocxDraftExporter.PartyColours[2]], fills);
    }

    [Fact]
    public void Docx_ImportOfWordFile_ReadsHeadingsTablesAndSkipsTrackedDeletions()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }), new Run(new Text("Article 1"))),
                new Paragraph(
                    new Run(new Text("Parties [shall]") { Space = SpaceProcessingModeValues.Preserve }),
                    new DeletedRun(new Run(new DeletedText("[should]"))),
                    new InsertedRun(new Run(new Text(" [may]") { Space = SpaceProcessingModeValues.Preserve })),
                    new Run(new TabChar(), new Text("act."))),
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("In a [cell]."))))))));
        }
        stream.Position = 0;
        var import = DocxDraftImporter.Import(stream);
        Assert.Equal("## Article 1\n\nParties [shall] [may] act.\n\nIn a [cell].\n", import.Markdown);
    }

    [Fact]
    public void Docx_ImportOfZipBomb_IsRefusedFromTheDirectoryBeforeUnpacking()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var mb = 0; mb < 20; mb++) part.Write(spaces); // 20 MB of spaces pack to a few KB
        }
        stream.Position = 0;

        var import = DocxDraftImporter.Import(stream);

        Assert.Null(import.Markdown);
        Assert.Contains("'word/document.xml' unpacks", import.Error);
        Assert.Contains($"limit {DocxDraftImporter.MaxRatio}", import.Error);
    }

    [Fact]
    public void Docx_ImportOfNonDocx_ReturnsErrorNotException()
    {
        using var stream = new MemoryStream("this is not a zip file"u8.ToArray());
        var import = DocxDraftImporter.Import(stream);
        Assert.Null(import.Markdown);
        Assert.StartsWith("not a valid .docx", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Export_MarksBracketsPartiesAndNotesAndEncodesText()
    {
        string html = HtmlDraftExporter.Export(DraftParser.Parse(Attributed), "Berlin <draft>");
        Assert.Contains("<title>Berlin &lt;draft&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"bracket party-UA\" data-depth=\"1\" data-parties=\"UA EU\">[#freeze UA, EU: is frozen ", html, StringComparison.Ordinal);
        // A nested bracket takes the colour of the nearest attributed bracket around it.
        Assert.Contains("<span class=\"bracket party-UA\" data-depth=\"2\" data-parties=\"UA EU\">[where it stands]</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"note\">{check}</span>", html, StringComparison.Ordinal);
        Assert.Contains("Agreed &amp; final 5 &lt; 6 text.", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Territory <!-- issue: territory --></h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ExportOfPlainText_ReparsesToSameFigures()
    {
        const string plain = "# not a heading\n---\nA *starred* [x](y) and [a][b] with [^1] and \\ and <b>[c]</b> <!-- issue: i -->\n\n[d]: e";
        var original = DraftParser.Parse(plain, DraftFormat.PlainText);
        var back = DraftParser.Parse(MarkdownDraftExporter.Export(original), DraftFormat.Markdown);
        AssertSameFigures(original, back);
        Assert.Equal("i", back.Provisions[0].Issue);
    }

    [Fact]
    public void Markdown_ExportOfMarkdown_IsTheTextItself()
    {
        var d = DraftParser.Parse(Attributed);
        Assert.Same(d.Text, MarkdownDraftExporter.Export(d));
    }
}
