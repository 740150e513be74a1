using Parley.Core.Formats;
using System.Text;
using System.IO.Compression;
using Parley.Core.Drafting;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Drafting;
using Parley.Core.Formats.Genius;
using Parley.Core.Formats.Scenario;
using Parley.Core.Formats.Guarantees;

namespace Parley.Core.Tests.Fuzz;

/// <summary>Inputs the fuzzer found that crashed a parser, each cut down to its cause: now refused with a place.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void GuaranteesFile_FlowListBrokenByAComment_IsAnErrorWithALine_NotAnInvalidOperation()
    {
        var (file, errors) = GuaranteesFile.Read(new StringReader("commitments:\n  - actors: [Military Forces#\n    target_classes: [energy]\n"));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.True(error.Line >= 2, $"line {error.Line}");
        Assert.Contains("YAML", error.Message);
    }

    [Fact]
    public void AcledCsv_TwoBlankHeaderNames_NameTheColumnByNumber()
    {
        var import = AcledCsv.Read(new StringReader("event_id_cnty,,event_date,event_type,latitude,longitude,\nx,,2022-01-01,Battles,1,1,\n"));

        Assert.True(import.FileRejected);
        var error = Assert.Single(import.Errors);
        Assert.Equal((1, "column 7"), (error.Line, error.Field));
    }

    [Fact]
    public void GeniusWebJson_InvalidUtf8InALabel_IsAFormatErrorAtTheByte()
    {
        var json = Encoding.UTF8.GetBytes("{\"LinearAdditiveUtilitySpace\": {\n  \"name\": \"bu?er\"}}");
        json[Array.IndexOf(json, (byte)'?')] = 0xC0;

        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(json, "b.json"));

        Assert.Equal((2, 14), (e.Problem.Line, e.Problem.Column));
        Assert.Contains("0xC0", e.Message);
    }

    [Fact]
    public void GeniusWebJson_StringWhereAnIssueObjectBelongs_IsAFormatErrorNamingThePath()
    {
        var json = "{\"LinearAdditiveUtilitySpace\": {\"domain\": {\"issuesValues\": {\"colour\": \"red\"}}}}";

        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes(json), "b.json"));

        Assert.Equal("$.LinearAdditiveUtilitySpace.domain.issuesValues.colour", e.Problem.Field);
        Assert.Contains("expected an object, found String", e.Message);
    }

    [Fact]
    public void GeniusWebJson_ValueGivenTwice_IsAFormatError_NotADictionaryException()
    {
        var json = "{\"LinearAdditiveUtilitySpace\": {\"domain\": {\"issuesValues\": {\"c\": {\"values\": [\"a\"]}}}, \"issueWeights\": {\"c\": 1}," +
            "\"issueUtilities\": {\"c\": {\"DiscreteValueSetUtilities\": {\"valueUtilities\": {\"a\": 1, \"a\": 0}}}}}}";

        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes(json), "b.json"));

        Assert.Contains("'a' is given twice", e.Message);
    }

    [Fact]
    public void DocxImport_50000NestedParagraphs_IsRefusedNamingThePart_NotReadInQuadraticTime()
    {
        using var docx = new MemoryStream();
        DocxDraftExporter.Export(DraftParser.Parse("Article 1 [shall][should] apply."), docx);
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true))
        {
            string xml;
            using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open())) xml = reader.ReadToEnd();
            var nested = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>x</w:t></w:r>", 50_000)) + string.Concat(Enumerable.Repeat("</w:p>", 50_000));
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression).Open()); // stored: under the ratio limit
            writer.Write(xml.Replace("<w:body>", "<w:body>" + nested, StringComparison.Ordinal));
        }
        docx.Position = 0;

        var import = DocxDraftImporter.Import(docx);

        Assert.Null(import.Markdown);
        Assert.Contains("'word/document.xml'", import.Error);
        Assert.Contains($"more than {DocxDraftImporter.MaxXmlDepth} deep", import.Error);
    }

    [Fact]
    public void DocxImport_RelationshipToAMissingPart_IsAnError_NotAnInvalidOperation()
    {
        using var docx = new MemoryStream();
        DocxDraftExporter.Export(DraftParser.Parse("Article 1 [shall][should] apply."), docx);
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true))
            zip.Entries.Single(e => e.FullName.EndsWith("styles.xml", StringComparison.Ordinal)).Delete();
        docx.Position = 0;

        var import = DocxDraftImporter.Import(docx);

        Assert.Null(import.Markdown);
        Assert.StartsWith("not a valid .docx file: ", import.Error);
    }

    [Fact]
    public void ScenarioReader_EmptyKeyInABlockList_IsAYamlErrorWithAPlace()
    {
        var result = ScenarioReader.Read("negotiation: {id: n, title: T}\nparties:\n  - : \n", "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void GuaranteesFile_DurationPastWhatATimeSpanHolds_IsAnErrorOnItsField()
    {
        var (file, errors) = GuaranteesFile.Read(new StringReader("""
            commitments:
              - id: sanctions
                kind: obligation
                debtors: [eu]
                creditor: ua
                action: request sanctions
                deadline: 99999999999999999999999d
                trigger: { signal: proposal-rejected }
            """));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("not a positive duration", error.Message);
    }

    [Fact]
    public void DraftParser_50000UnclosedBracketsOnOneLine_EachReportedWithAShortExcerpt()
    {
        var draft = DraftParser.Parse("Text " + new string('[', 50_000) + " more\n", DraftFormat.PlainText);

        Assert.Equal(50_000, draft.Problems.Count);
        Assert.Equal((1, 6), (draft.Problems[0].Line, draft.Problems[0].Column));
        Assert.All(draft.Problems, p => Assert.InRange(p.Excerpt.Length, 1, 60));
    }
}
