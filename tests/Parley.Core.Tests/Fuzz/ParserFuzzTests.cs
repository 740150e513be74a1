using System.IO.Compression;
using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Drafting;
using Parley.Core.Formats.Genius;
using Parley.Core.Formats.Scenario;
using Parley.Core.Formats.Ucdp;
using Parley.Core.Formats.Guarantees;
using Parley.Core.Formats.Incidents;

namespace Parley.Core.Tests.Fuzz;

/// <summary>
/// Every parser a user's file reaches, fed mutated real files (see <see cref="FuzzRun"/> for seeds, sizes and replay).
/// The oracle: a result, or the parser's documented error with its position or field — never another exception, never
/// a hang. A process killed by a stack overflow fails the whole run; the last report line names the target.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] YamlTokens = ["&a ", "*a", "<<: *a", "!!binary ", "!!python/object ", "---\n", "...\n", "? ", "{", "[", "|\n", ">-\n",
        "- ", ": ", "'", "\"", "%YAML 1.1\n", "!<tag:x> ", "\t", "null", "~", "0o7", "2025-13-45T25:61:00Z"];

    private static readonly string[] DraftTokens = ["[", "]", "{", "}", "[[", "]]", "<!--", "-->", "# ", "\n\n", "[^1]", "[^1]: x", "[a](", "](b)", "---\n",
        "{: .x}", "<b>", "</b>", "`", "```\n", "\\[", "[alt:", "[AOSIS:", "|"];

    private static readonly string[] XmlTokens = ["<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "&amp;", "&#0;", "&#xFFFF;", "<![CDATA[", "]]>", "<?pi?>", "<!--", "-->",
        "<issue name=\"x\" type=\"real\" lowerbound=\"1\" upperbound=\"0\"/>", "<item value=\"a\" evaluation=\"-1\"/>", "<weight index=\"1\" value=\"NaN\"/>",
        "type=\"integer\"", "etype=\"real\"", "index=\"1\"", "<issue/>", "<objective>", "</objective>", " xmlns=\"urn:x\""];

    private static readonly string[] JsonTokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e400", "-0", "\"\\u0000\"", "\"\\uD800\"",
        "{\"range\":{\"low\":0,\"high\":1e300,\"step\":1e-300}}", "{\"values\":[]}", "\"DiscreteValueSetUtilities\"", "\"NumberValueSetUtilities\""];

    private static readonly string[] CsvTokens = ["\"", "\"\"", ",", ",,,,", "\n", "\r\n", "\r", "\uFEFF", "31/02/2022", "2022-02-29", "14 August 2020",
        "-91", "181", "1e309", "NaN", "-1", "4", "2147483648", "\"a\nb\"", "event_id_cnty", "id"];

    [Fact]
    public void ScenarioReader_MutatedScenarioFiles_AnswerWithErrorsThatHaveAPlace() => FuzzRun.Execute(Target("scenario", FuzzCorpus.Scenario.Value, YamlTokens, "[", "]",
        bytes =>
        {
            var result = ScenarioReader.Read(Encoding.UTF8.GetString(bytes), "fuzz.yaml");
            if ((result.Negotiation is null) != (result.Errors.Count > 0)) throw new OracleException("a negotiation and errors, or neither");
            foreach (var e in result.Errors)
                if (e.Line < 1 && e.Field.Length == 0 && !e.Message.Contains("empty", StringComparison.Ordinal))
                    throw new OracleException($"an error with neither line nor field: {e}");
        }), ciInputs: 100);

    [Fact]
    public void GuaranteesFile_MutatedFiles_AnswerWithErrorsThatHaveALine() => FuzzRun.Execute(Target("guarantees", FuzzCorpus.Guarantees.Value, YamlTokens, "- [", "]",
        bytes =>
        {
            var (file, errors) = GuaranteesFile.Read(new StringReader(Encoding.UTF8.GetString(bytes)));
            if ((file is null) != (errors.Count > 0)) throw new OracleException("a file and errors, or neither");
            foreach (var e in errors)
                if (e.Line < 1) throw new OracleException($"an error without a line: {e}");
        }));

    [Fact]
    public void DraftParser_MutatedDrafts_MeasureEveryTextAndPlaceEveryProblem() => FuzzRun.Execute(Target("draft", FuzzCorpus.Drafts.Value, DraftTokens, "[", "]",
        bytes =>
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var format in new[] { DraftFormat.Markdown, DraftFormat.PlainText })
                foreach (var p in DraftParser.Parse(text, format).Problems)
                    if (p.Line < 1 || p.Column < 1) throw new OracleException($"a problem without a place: {p.Kind} at {p.Line}:{p.Column}");
        }));

    [Fact]
    public void DocxImporter_MutatedZipsAndDocumentXml_AnswerTextOrAnError()
    {
        var zips = new Mutator(FuzzCorpus.Docx.Value, ["PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006"], "\0", "");
        var xml = new Mutator([.. FuzzCorpus.Docx.Value.Select(DocumentXml)], XmlTokens, "<w:p><w:r>", "</w:r></w:p>");
        FuzzRun.Execute(new FuzzTarget("docx", random =>
        {
            if (random.Next(2) == 0) return (zips.Next(random, out var applied), "zip bytes: " + applied);
            var inner = xml.Next(random, out var appliedInner);
            return (WithDocumentXml(FuzzCorpus.Docx.Value[0], inner), "document.xml: " + appliedInner);
        }, bytes =>
        {
            var import = DocxDraftImporter.Import(new MemoryStream(bytes));
            if ((import.Markdown is null) == (import.Error is null)) throw new OracleException("text and an error, or neither");
            if (import.Markdown is not null) DraftParser.Parse(import.Markdown);
        }));
    }

    [Fact]
    public void GeniusXmlReader_MutatedDomainsAndProfiles_AnswerOrRaiseAFormatErrorWithTheFile() => FuzzRun.Execute(Target("genius-xml", FuzzCorpus.GeniusXml.Value, XmlTokens, "<a>", "</a>",
        bytes => Genius(() =>
        {
            GeniusXmlReader.IsProfile(bytes, "fuzz.xml");
            var space = GeniusXmlReader.ReadDomain(bytes, "fuzz.xml", new GeniusReadOptions { RealPoints = 5 });
            GeniusXmlReader.ReadProfile(bytes, "fuzz.xml", space, "p"); // a profile defines its own domain too
        })));

    [Fact]
    public void GeniusWebJsonReader_MutatedProfiles_AnswerOrRaiseAFormatErrorWithTheFile() => FuzzRun.Execute(Target("genius-json", FuzzCorpus.GeniusJson.Value, JsonTokens, "[", "]",
        bytes => Genius(() => GeniusWebJsonReader.Read(bytes, "fuzz.json"))));

    [Fact]
    public void AcledCsv_MutatedExports_ListEveryErrorWithLineAndField() => FuzzRun.Execute(Target("acled", FuzzCorpus.Acled.Value, CsvTokens, "\"", "\"",
        bytes => Incidents(bytes, r => AcledCsv.Read(r))));

    [Fact]
    public void UcdpGedCsv_MutatedExports_ListEveryErrorWithLineAndField() => FuzzRun.Execute(Target("ucdp", FuzzCorpus.Ucdp.Value, CsvTokens, "\"", "\"",
        bytes => Incidents(bytes, r => UcdpGedCsv.Read(r))));

    private static FuzzTarget Target(string name, byte[][] seeds, string[] tokens, string nest, string unnest, Action<byte[]> check)
    {
        var mutator = new Mutator(seeds, tokens, nest, unnest);
        return new FuzzTarget(name, random => (mutator.Next(random, out var applied), applied), check);
    }

    private static void Genius(Action read)
    {
        try
        {
            read();
        }
        catch (SourceProblemException e) when (e.Problem.File.StartsWith("fuzz.", StringComparison.Ordinal) && e.Problem.Message.Length > 0)
        {
            // the documented refusal
        }
    }

    private static void Incidents(byte[] bytes, Func<TextReader, IncidentImport> read)
    {
        var (import, _) = ExportText.Read(() => new MemoryStream(bytes, writable: false), read);
        foreach (var e in import.Errors)
            if (e.Line < 1 || string.IsNullOrEmpty(e.Field)) throw new OracleException($"an error without line or field: {e}");
        if (import.FileRejected && import.Incidents.Count > 0) throw new OracleException("a rejected file with incidents");
    }

    private static byte[] DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] WithDocumentXml(byte[] docx, byte[] documentXml)
    {
        var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write(documentXml);
        }
        return output.ToArray();
    }
}
