using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Collects the errors of one read, each with the file name, the node's position, the field path and (from
/// <paramref name="source"/>) an excerpt of the line.
/// </summary>
internal sealed partial class ReadContext(string file, string source)
{
    private readonly List<SourceProblem> _errors = [];
    private readonly List<SourceProblem> _warnings = [];
    private string[]? _lines;

    /// <summary>
    /// The commitments format's old camelCase spellings (the guarantees file before it took the scenario's snake_case),
    /// keys and values, with what to write now: still read, each with a deprecation warning.
    /// </summary>
    private static readonly Dictionary<string, string> OldSpellings = new(StringComparer.Ordinal)
    {
        ["eventTypes"] = "event_types", ["subEventTypes"] = "sub_event_types", ["targetClasses"] = "target_classes",
        ["attributedTo"] = "attributed_to", ["sourceTrust"] = "source_trust", ["actorPrefix"] = "actor_prefix",
        ["radiusKm"] = "radius_km", ["maxGap"] = "max_gap", ["enterIntoForce"] = "enter_into_force", ["underReview"] = "under_review",
    };
    private readonly HashSet<(string Kind, string Id)> _failed = [];

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The spelling to read <paramref name="text"/> as: the new one, with a deprecation warning, when it is an old one.</summary>
    public string Modern(string text, Mark mark, string field)
    {
        if (!OldSpellings.TryGetValue(text, out var now)) return text;
        _warnings.Add(Problem(mark, field, $"'{text}' is deprecated; write '{now}'"));
        return now;
    }

    /// <summary>The warnings (deprecated spellings read), in file order.</summary>
    public IReadOnlyList<SourceProblem> Warnings() => _warnings.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();

    public void Error(Mark mark, string field, string message) =>
        _errors.Add(Problem(mark, field, message));

    /// <summary>Adds a problem found without the context (a size limit), in this file.</summary>
    public void Error(SourceProblem problem) => _errors.Add(problem with { File = file });

    private SourceProblem Problem(Mark mark, string field, string message)
    {
        int line = Math.Max(1, (int)mark.Line), column = Math.Max(1, (int)mark.Column);
        _lines ??= source.Split('\n');
        return new SourceProblem(file, line, column, field, message, line <= _lines.Length ? SourceProblem.ExcerptOf(_lines[line - 1], column) : "");
    }

    /// <summary>Remembers an item that was declared but refused, so references to it do not report again.</summary>
    public void Failed(string kind, string? id)
    {
        if (id is not null) _failed.Add((kind, id));
    }

    /// <summary>
    /// True when a rule message from the aggregate is only the echo of an earlier error: a reference to an item
    /// the file declares but that was refused for its own fault, already reported.
    /// </summary>
    public bool IsEcho(string message)
    {
        var m = UnknownReference().Match(message);
        return m.Success && IsFailed(m.Groups[1].Value, m.Groups[2].Value);
    }

    /// <summary>True when the file declares this item but it was refused.</summary>
    public bool IsFailed(string kind, string id) => _failed.Contains((kind, id));

    /// <summary>The errors in file order.</summary>
    public IReadOnlyList<SourceProblem> Errors() => _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();

    [GeneratedRegex("^unknown (party|issue|statement|proposal|delegate) '(.*)'$")]
    private static partial Regex UnknownReference();
}
