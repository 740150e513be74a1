using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Core.Tests.Fuzz;
using Parley.Testing;

namespace Parley.Server.Tests.Fuzz;

/// <summary>
/// The endpoints that take a file, fed mutated real files through the API (the parsers' own fuzzing, end to end): scenario
/// YAML to <c>POST /api/negotiations</c>, Markdown and .docx drafts to <c>…/drafts/{draft}/versions</c>, ACLED and UCDP
/// CSV to <c>…/incidents/import</c>. The files are those of the parser fuzzing (<see cref="Mutator"/>, shared source).
/// </summary>
public sealed class FileBodies
{
    private readonly Mutator _yaml, _markdown, _docx, _csv;

    public FileBodies()
    {
        var scenario = File.ReadAllBytes(System.IO.Path.Combine(Directory.GetParent(TestData.Path())!.Parent!.FullName, "scenarios", "berlin-2025.yaml"));
        var draft = File.ReadAllText(TestData.Path("drafts", "cop21-2015-10-23.md"));
        var drafts = new[] { 0, 30_000, 60_000 }.Select(start => Encoding.UTF8.GetBytes(draft.Substring(start, 4_000))).ToArray();
        var docx = drafts.Select(bytes =>
        {
            using var output = new MemoryStream();
            DocxDraftExporter.Export(DraftParser.Parse(Encoding.UTF8.GetString(bytes)), output);
            return output.ToArray();
        }).ToArray();
        var acled = File.ReadAllLines(TestData.Path("acled", "acled-ukraine-sample.csv"));
        var csv = Encoding.UTF8.GetBytes(string.Join('\n', acled.Take(20)) + "\n");
        _yaml = new Mutator([scenario], ["&a ", "*a", "[", "{", "- ", ": ", "---\n", "'"], "[", "]");
        _markdown = new Mutator(drafts, ["[", "]", "{", "}", "<!--", "# ", "[^1]"], "[", "]");
        _docx = new Mutator(docx, ["PK\u0003\u0004"], "\0", "");
        _csv = new Mutator([csv], ["\"", ",", "\n", "1e309", "31/02/2022"], "\"", "\"");
    }

    /// <summary>True when <paramref name="op"/> takes a file.</summary>
    public bool Accepts(ApiOperation op) => op.Method == "POST" && (op.Path == "/api/negotiations"
        || op.Path.EndsWith("/drafts/{draft}/versions", StringComparison.Ordinal) || op.Path.EndsWith("/incidents/import", StringComparison.Ordinal));

    /// <summary>A mutated file for <paramref name="op"/> with its media type and the query it needs; null when the operation takes no file.</summary>
    public (byte[] Body, string ContentType, string Query, string Applied)? For(ApiOperation op, Random random)
    {
        if (!Accepts(op)) return null;
        string applied;
        if (op.Path == "/api/negotiations")
            return (_yaml.Next(random, out applied), "application/yaml", "", "scenario file: " + applied);
        if (op.Path.EndsWith("/drafts/{draft}/versions", StringComparison.Ordinal))
            return random.Next(2) == 0
                ? (_markdown.Next(random, out applied), "text/markdown", "?version=fuzz-" + random.Next(1_000_000), "markdown draft: " + applied)
                : (_docx.Next(random, out applied), Parley.Server.Drafting.DraftUpload.DocxType, "?version=fuzz-" + random.Next(1_000_000), ".docx draft: " + applied);
        if (op.Path.EndsWith("/incidents/import", StringComparison.Ordinal))
            return (_csv.Next(random, out applied), "text/csv", random.Next(2) == 0 ? "?format=acled" : "?format=ucdp", "incident CSV: " + applied);
        return null;
    }
}
