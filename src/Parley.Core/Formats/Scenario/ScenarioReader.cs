using Parley.Core.Talks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Reads a scenario file (YAML; the format is described in docs/scenario-format.md and published as
/// scenarios/scenario.schema.json) into a <see cref="Negotiation"/>. A bad file is refused whole: the result
/// then holds no negotiation and every error found, each with file, line, column and field path.
/// </summary>
/// <remarks>
/// The reader walks YamlDotNet's representation model, so every value keeps its position. References between
/// items are checked by the aggregate itself (<see cref="Negotiation"/>'s Add methods); its
/// <see cref="RuleRefusal"/> is mapped back to the item's YAML path and line. Items go into the aggregate
/// in dependency order whatever the order of the sections in the file: parties, issues, proposals (without their
/// answers), statements, answers, positions, rounds, working groups, agreements, contingencies, then the preference profiles,
/// the commitments and incidents, and the drafts (whose links name issues and options).
/// </remarks>
public static class ScenarioReader
{
    /// <summary>The top-level sections this version reads, in the order the writer writes them.</summary>
    internal static readonly string[] Sections =
        ["negotiation", "parties", "issues", "statements", "positions", "proposals", "agreements", "rounds", "working_groups", "contingencies", "preferences", .. ScenarioGuaranteesReader.Sections, .. ScenarioDraftsReader.Sections];

    /// <summary>Reads <paramref name="yaml"/>; <paramref name="fileName"/> only labels the errors (no file I/O).</summary>
    public static ScenarioReadResult Read(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var ctx = new ReadContext(fileName, yaml);
        var root = Load(yaml, ctx);
        if (root is null) return new ScenarioReadResult(null, ctx.Errors());

        var top = Fields.Open(ctx, root, "", Sections, "a mapping of sections (negotiation, parties, issues, ...)");
        if (top is null) return new ScenarioReadResult(null, ctx.Errors());

        // Without a valid header the items are still checked, against a stand-in, so every error is reported.
        var negotiation = Header(ctx, top) ?? new Negotiation("unnamed", "unnamed");
        var items = new ScenarioItems(ctx, negotiation);
        items.Parties(top.List("parties"));
        items.Issues(top.List("issues"));
        var proposals = items.Proposals(top.List("proposals"));
        items.Statements(top.List("statements"));
        items.Responses(proposals);
        items.Positions(top.List("positions"));
        items.Rounds(top.List("rounds"));
        items.WorkingGroups(top.List("working_groups"));
        items.Agreements(top.List("agreements"));
        items.Contingencies(top.List("contingencies"));
        var preferences = ScenarioPreferences.Read(ctx, top.List("preferences"), negotiation);
        var guarantees = ScenarioGuaranteesReader.Read(ctx, top, negotiation);
        var drafts = ScenarioDraftsReader.Read(ctx, top, negotiation, yaml);

        return ctx.HasErrors ? new ScenarioReadResult(null, ctx.Errors())
            : new ScenarioReadResult(negotiation, []) { Preferences = preferences, Guarantees = guarantees, Drafts = drafts, Warnings = ctx.Warnings() };
    }

    /// <summary>The one YAML document of <paramref name="yaml"/>, or null with the problem reported; <paramref name="kind"/> and <paramref name="needs"/> word the message for an empty file.</summary>
    internal static YamlNode? Load(string yaml, ReadContext ctx, string kind = "scenario", string needs = "at least a 'negotiation' section")
    {
        if (Yaml.YamlLimits.Check(yaml) is { } refused)
        {
            ctx.Error(refused);
            return null;
        }
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            ctx.Error(ex.Start, "", $"YAML syntax: {ex.Message}");
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet 18 throws this instead of a YamlException on an event it cannot place (e.g. "- : " in a block list).
            ctx.Error(scanner.CurrentPosition, "", "YAML syntax: a value where YAML expects none (an empty key, or ':' out of place?)");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this instead of a YamlException on some unterminated flow collections.
            ctx.Error(scanner.CurrentPosition, "", "YAML syntax: unexpected end of a flow list or mapping ('[' or '{' not closed?)");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            ctx.Error(Mark.Empty, "", $"the file is empty; a {kind} file needs {needs}");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            ctx.Error(stream.Documents[1].RootNode.Start, "", $"a {kind} file holds one YAML document; found more ('---')");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static Negotiation? Header(ReadContext ctx, Fields top)
    {
        var node = top.Raw("negotiation", required: true);
        if (node is null) return null;
        var f = Fields.Open(ctx, node, "negotiation", ["id", "title", "description"]);
        if (f is null) return null;
        var id = f.Id("id", required: true);
        var title = f.Text("title", required: true);
        var description = f.Text("description") ?? "";
        if (f.Failed) return null;
        try
        {
            return new Negotiation(id!, title!, description);
        }
        catch (ArgumentException ex)
        {
            f.Refused(ex);
            return null;
        }
    }
}
