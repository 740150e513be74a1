using Parley.Core;
using System.Globalization;
using Parley.Core.Drafting;
using Parley.Core.Talks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Reads the <c>drafts:</c> section (docs/scenario-format.md, "Drafts"): draft ids unique (ordinal, as stored), version
/// labels unique per draft (ignoring case) with dates that never go back (<see cref="DraftHistory.CheckNext"/>), formats
/// and calendar days spelled right, and every link in a text — issue tags, option ids of alternatives
/// (<see cref="DraftLinks"/>) — naming an issue or option of the negotiation. A link problem in a literal block is reported
/// at its own line of the YAML file.
/// </summary>
internal static class ScenarioDraftsReader
{
    /// <summary>The top-level sections this reader owns.</summary>
    public static readonly string[] Sections = ["drafts"];

    internal static readonly ValueNames<DraftFormat> Formats = new((DraftFormat.Markdown, "markdown"), (DraftFormat.PlainText, "text"));

    /// <summary>Reads the section of <paramref name="top"/>; <paramref name="yaml"/> is the file's text, to place errors inside texts.</summary>
    public static IReadOnlyList<ScenarioDraft> Read(ReadContext ctx, Fields top, Negotiation negotiation, string yaml)
    {
        var drafts = new List<ScenarioDraft>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var source = new Lazy<string[]>(() => yaml.Split('\n'));
        foreach (var (node, path) in top.List("drafts"))
        {
            if (Fields.Open(ctx, node, path, ["id", "versions"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            if (id is not null && !ids.Add(id)) f.Fail(f.Locate("id"), f.Sub("id"), $"draft '{id}' is listed twice");
            var items = f.List("versions", required: true);
            if (items.Count == 0 && f.Raw("versions") is YamlSequenceNode empty) f.Fail(empty.Start, f.Sub("versions"), "a draft has at least one version");
            var versions = new List<DraftVersion>();
            foreach (var (vn, vp) in items)
                if (Version(f, vn, vp, versions, negotiation, source) is { } version) versions.Add(version);
            if (!f.Failed && id is not null) drafts.Add(new ScenarioDraft(id, new DraftHistory(versions)));
        }
        return drafts;
    }

    private static DraftVersion? Version(Fields owner, YamlNode node, string path, List<DraftVersion> earlier, Negotiation negotiation,
        Lazy<string[]> source)
    {
        if (owner.Child(node, path, ["label", "date", "author", "format", "text"]) is not { } v) return null;
        var label = v.Text("label", required: true);
        var date = Day(v, "date");
        var author = v.Text("author");
        var format = v.Has("format") ? v.Enum("format", Formats) : DraftFormat.Markdown;
        var text = Text(v);
        if (v.Failed || label is null || text is null || format is null) return null;
        if (DraftLimits.Refusal(text) is { } refusal)
        {
            v.Fail(v.Locate("text"), v.Sub("text"), refusal);
            return null;
        }
        DraftVersion version;
        try
        {
            version = new DraftVersion(label, date, DraftParser.Parse(text, format.Value), author);
        }
        catch (ArgumentException ex)
        {
            var field = ex.ParamName == "author" ? "author" : "label";
            v.Fail(v.Locate(field), v.Sub(field), ex.Reason());
            return null;
        }
        try
        {
            DraftHistory.CheckNext(earlier.Select(e => (e.Label, e.Date)), version.Label, version.Date);
        }
        catch (RuleRefusal ex)
        {
            var field = ex.Field == "date" ? "date" : "label";
            v.Fail(v.Locate(field), v.Sub(field), ex.Message);
            return null;
        }
        var textNode = v.Raw("text")!;
        foreach (var problem in DraftLinks.Check(version.Document, negotiation))
            v.Fail(InText(textNode, problem, source), v.Sub("text"), $"line {problem.Line}, column {problem.Column} of the text: {problem.Message}");
        return v.Failed ? null : version;
    }

    /// <summary>The text exactly as written; blank is allowed (a store may hold it), absent is not.</summary>
    private static string? Text(Fields v)
    {
        var node = v.Raw("text", required: true);
        if (node is YamlScalarNode s) return s.Value ?? "";
        if (node is not null) v.Fail(node.Start, v.Sub("text"), $"expected text, found {Fields.Describe(node)}");
        return null;
    }

    private static DateOnly? Day(Fields f, string key)
    {
        if (f.Raw(key) is not { } node) return null;
        if (node is YamlScalarNode { Value: { } text }
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        f.Fail(node.Start, f.Sub(key), $"expected a calendar day (2025-12-15), found {Fields.Describe(node)}");
        return null;
    }

    /// <summary>
    /// Where a line and column of a literal block's text lie in the file: content line k sits k lines below the <c>|</c>,
    /// shifted right by the block's indentation. Other styles fold or escape, so the text's own start is given instead.
    /// </summary>
    private static Mark InText(YamlNode textNode, SourceProblem problem, Lazy<string[]> source)
    {
        if (textNode is not YamlScalarNode { Style: ScalarStyle.Literal }) return textNode.Start;
        var lines = source.Value;
        // The block's indentation is that of its first non-blank line (the writer adds an indentation indicator only
        // when the text itself starts with blanks, where this is off by their number: the text's own line is still right).
        for (var k = textNode.Start.Line + 1; k <= Math.Min(textNode.End.Line, lines.Length); k++)
        {
            var line = lines[k - 1].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var indent = line.Length - line.TrimStart(' ').Length;
            return new Mark(textNode.Start.Index, textNode.Start.Line + problem.Line, indent + problem.Column);
        }
        return textNode.Start;
    }
}
