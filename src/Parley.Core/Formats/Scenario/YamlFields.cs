using Parley.Core;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Core.Talks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// The fields of one YAML mapping, read with their positions. Every problem is reported to the context with the
/// field's path and marks the item <see cref="Failed"/>; typed getters return null for absent or bad values.
/// </summary>
internal sealed class Fields
{
    private readonly ReadContext _ctx;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private readonly Fields? _parent;

    private Fields(ReadContext ctx, YamlMappingNode node, string path, Fields? parent)
    {
        _ctx = ctx;
        _parent = parent;
        Node = node;
        Path = path;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public bool Failed { get; private set; }

    /// <summary>Opens a mapping, reporting keys outside <paramref name="known"/>; null (reported) when the node is not a mapping.</summary>
    public static Fields? Open(ReadContext ctx, YamlNode node, string path, IReadOnlyList<string> known, string what = "a mapping of fields") =>
        Open(ctx, node, path, known, what, null);

    /// <summary>Opens a nested mapping whose problems also fail this item; null (reported) when not a mapping.</summary>
    public Fields? Child(YamlNode node, string path, IReadOnlyList<string> known) => Open(_ctx, node, path, known, "a mapping of fields", this);

    private static Fields? Open(ReadContext ctx, YamlNode node, string path, IReadOnlyList<string> known, string what, Fields? parent)
    {
        if (node is not YamlMappingNode map)
        {
            ctx.Error(node.Start, path, $"expected {what}, found {Describe(node)}");
            parent?.MarkFailed();
            return null;
        }
        var fields = new Fields(ctx, map, path, parent);
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : "";
            if (!known.Contains(name)) name = ctx.Modern(name, key.Start, fields.Sub(name));
            if (key is not YamlScalarNode || !known.Contains(name))
            {
                fields.Fail(key.Start, fields.Sub(name), UnknownField(name, known));
                continue;
            }
            fields._entries[name] = (key, value);
        }
        return fields;
    }

    /// <summary><see cref="ReadContext.Modern"/>: the new spelling of a key or value written the old way, with a warning.</summary>
    public string Modern(string text, Mark mark, string field) => _ctx.Modern(text, mark, field);

    public string Sub(string key) => Path.Length == 0 ? key : key.StartsWith('[') ? Path + key : $"{Path}.{key}";

    public void Fail(Mark mark, string field, string message)
    {
        MarkFailed();
        _ctx.Error(mark, field, message);
    }

    /// <summary>Fails this item (and its parents) without a new message: the cause is reported elsewhere.</summary>
    public void MarkFailed()
    {
        Failed = true;
        _parent?.MarkFailed();
    }

    /// <summary>The value node of <paramref name="key"/>, or null when absent or written as null.</summary>
    public YamlNode? Raw(string key, bool required = false)
    {
        if (_entries.TryGetValue(key, out var entry) && !IsNull(entry.Value)) return entry.Value;
        if (required) Fail(entry.Value?.Start ?? Node.Start, Sub(key), "required field is missing");
        return null;
    }

    public bool Has(string key) => Raw(key) is not null;

    public string? Text(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode s)
        {
            if (!string.IsNullOrWhiteSpace(s.Value)) return s.Value;
            if (required) { Fail(node.Start, Sub(key), "must not be empty"); return null; }
            return s.Value ?? "";
        }
        Fail(node.Start, Sub(key), $"expected text, found {Describe(node)}");
        return null;
    }

    public string? Id(string key, bool required = false)
    {
        var node = Raw(key, required);
        return node is null ? null : AsId(node, Sub(key));
    }

    /// <summary>Reads a scalar node as an id, reporting it at <paramref name="path"/> when malformed.</summary>
    public string? AsId(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            Fail(node.Start, path, $"expected an id, found {Describe(node)}");
            return null;
        }
        if (Key.IsValid(value)) return value;
        Fail(node.Start, path, $"'{value}' is not a valid id (a letter or digit, then letters, digits, '-', '_' or '.'; at most 64)");
        return null;
    }

    public DateTimeOffset? Date(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } text } && ScenarioValues.TryParseDate(text, out var value)) return value;
        Fail(node.Start, Sub(key), node is YamlScalarNode s
            ? $"'{s.Value}' is not a date (2025-12-15, or a date-time with offset such as 2025-12-15T14:30Z or 2025-12-15T14:30+01:00)"
            : $"expected a date, found {Describe(node)}");
        return null;
    }

    public double? Number(string key)
    {
        var node = Raw(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Fail(node.Start, Sub(key), $"expected a number, found {Describe(node)}");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Raw(key);
        if (node is null) return null;
        switch ((node as YamlScalarNode)?.Value)
        {
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }
        Fail(node.Start, Sub(key), $"expected true or false, found {Describe(node)}");
        return null;
    }

    public T? Enum<T>(string key, ValueNames<T> names, bool required = false) where T : struct, Enum
    {
        var node = Raw(key, required);
        return node is null ? null : AsEnum(node, Sub(key), names);
    }

    public T? AsEnum<T>(YamlNode node, string path, ValueNames<T> names) where T : struct, Enum
    {
        if (node is YamlScalarNode { Value: { } text } && names.TryParse(Modern(text, node.Start, path), out var value)) return value;
        Fail(node.Start, path, node is YamlScalarNode s
            ? $"unknown value '{s.Value}'; allowed: {names.Allowed}"
            : $"expected one of {names.Allowed}, found {Describe(node)}");
        return null;
    }

    /// <summary>The <c>visibility</c> field; shared when absent.</summary>
    public Visibility Visibility()
    {
        var node = Raw("visibility");
        if (node is null) return default;
        if (node is YamlScalarNode { Value: { } text } && ScenarioValues.TryParseVisibility(text, out var value)) return value;
        Fail(node.Start, Sub("visibility"), $"expected shared, mediator or party:ID, found {Describe(node)}");
        return default;
    }

    /// <summary>The items of a list field with their paths; empty when absent.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> List(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return [];
        if (node is YamlSequenceNode seq) return seq.Children.Select((n, k) => (n, $"{Sub(key)}[{k}]")).ToArray();
        Fail(node.Start, Sub(key), $"expected a list, found {Describe(node)}");
        return [];
    }

    /// <summary>A list of ids; a repeated id is an error (the model would drop it silently).</summary>
    public IReadOnlyList<string> Ids(string key, bool required = false)
    {
        var ids = new List<string>();
        foreach (var (node, path) in List(key, required))
        {
            if (AsId(node, path) is not { } id) continue;
            if (ids.Contains(id)) Fail(node.Start, path, $"'{id}' is listed twice");
            else ids.Add(id);
        }
        return ids;
    }

    /// <summary>The entries of a mapping field whose keys are ids the user chooses (stances, package).</summary>
    public IReadOnlyList<(string Key, YamlNode Value, string Path)> IdMap(string key, bool required = false)
    {
        var node = Raw(key, required);
        if (node is null) return [];
        if (node is not YamlMappingNode map)
        {
            Fail(node.Start, Sub(key), $"expected a mapping, found {Describe(node)}");
            return [];
        }
        var entries = new List<(string, YamlNode, string)>();
        foreach (var (k, v) in map.Children)
        {
            var path = $"{Sub(key)}.{(k as YamlScalarNode)?.Value}";
            if (AsId(k, path) is { } id) entries.Add((id, v, path));
        }
        return entries;
    }

    /// <summary>
    /// The position of a field given as a path relative to this mapping (<c>stances[2].option</c>,
    /// <c>package.territory</c>): the deepest node of the path that exists.
    /// </summary>
    public Mark Locate(string field)
    {
        YamlNode node = Node;
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(name), out var next)) break;
                node = next;
            }
            if (bracket >= 0)
            {
                var index = int.Parse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), CultureInfo.InvariantCulture);
                if (node is not YamlSequenceNode seq || index >= seq.Children.Count) break;
                node = seq.Children[index];
            }
        }
        return node.Start;
    }

    /// <summary>
    /// Builds a model value unless this item already failed (null then); a constructor's refusal
    /// (<see cref="ArgumentException"/>) fails the item, reported on the field its parameter names.
    /// </summary>
    public T? Build<T>(Func<T> make) where T : class => Build(null, make);

    /// <summary>
    /// As <see cref="Build{T}(Func{T})"/>, but a refusal is reported on <paramref name="field"/> (a path relative to
    /// this mapping; empty: the mapping itself) whatever parameter it names; null: the parameter's field.
    /// </summary>
    public T? Build<T>(string? field, Func<T> make) where T : class
    {
        if (Failed) return null;
        try { return make(); }
        catch (ArgumentException ex)
        {
            if (field is null) Refused(ex);
            else Fail(Locate(field), field.Length == 0 ? Path : Sub(field), ex.Reason());
            return null;
        }
    }

    /// <summary>A model constructor's refusal, reported on the field its parameter names.</summary>
    public void Refused(ArgumentException ex)
    {
        var field = ex.ParamName is { Length: > 0 } p ? Snake(p) : "";
        var message = ex.Reason();
        Fail(Locate(field), field.Length == 0 ? Path : Sub(field), message);
    }

    /// <summary>An aggregate rule's refusal, reported on its field unless it only echoes an earlier error.</summary>
    public void Refused(RuleRefusal ex, Func<string, string>? mapField = null)
    {
        if (_ctx.IsEcho(ex.Message)) { MarkFailed(); return; }
        var field = mapField?.Invoke(ex.Field) ?? ex.Field;
        Fail(Locate(field), Sub(field), ex.Message);
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };

    private static string UnknownField(string name, IReadOnlyList<string> known)
    {
        var close = known.Select(k => (k, d: Distance(k, name))).Where(x => x.d <= 2).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();
        return close is not null
            ? $"unknown field '{name}'; did you mean '{close}'?"
            : $"unknown field '{name}'; allowed: {string.Join(", ", known)}";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary><c>validFrom</c> → <c>valid_from</c>: constructor parameters are named like the file's fields.</summary>
    private static string Snake(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
