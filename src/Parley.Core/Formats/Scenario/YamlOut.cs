using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// A thin layer over YamlDotNet's emitter (which does the escaping): block or flow collections, and scalars
/// quoted whenever a YAML 1.2 (or 1.1) reader would take them for something other than text, so the file means
/// the same to every tool and to the JSON Schema.
/// </summary>
internal sealed partial class YamlOut
{
    private readonly StringWriter _text = new() { NewLine = "\n" };
    private readonly Emitter _emitter;

    public YamlOut(string headerComment)
    {
        _emitter = new Emitter(_text, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n").WithIndentedSequences());
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        _emitter.Emit(new Comment(headerComment, isInline: false));
        _emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
    }

    public YamlOut Key(string key)
    {
        _emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, true, false));
        return this;
    }

    /// <summary>Writes text, quoted when it could be read as null, a boolean, a number or a date.</summary>
    public YamlOut Text(string value)
    {
        var style = Ambiguous().IsMatch(value) || value.Trim() != value ? ScalarStyle.DoubleQuoted
            : value.Contains('\n') ? (LiteralSafe(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted)
            : ScalarStyle.Any;
        _emitter.Emit(new Scalar(null, null, value, style, true, style != ScalarStyle.Any));
        return this;
    }

    /// <summary>
    /// Writes a long text (a draft) as a literal block (<c>|</c>, <c>|-</c> or <c>|+</c> by its trailing line breaks) when
    /// that keeps every character; otherwise (tabs, carriage returns, trailing or leading spaces, Unicode line
    /// separators, an empty text) as a double-quoted string with escapes, which is exact too.
    /// </summary>
    public YamlOut Block(string value)
    {
        var literal = value.Trim().Length > 0 && LiteralSafe(value) && value.IndexOfAny(['\u0085', '\u2028', '\u2029', '\uFEFF']) < 0;
        _emitter.Emit(new Scalar(null, null, value, literal ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted, true, true));
        return this;
    }

    /// <summary>Writes a value whose spelling is known to be plain and unambiguous in context (dates, numbers, enum names).</summary>
    public YamlOut Plain(string value)
    {
        _emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));
        return this;
    }

    public YamlOut Field(string key, string value) => Key(key).Text(value);

    /// <summary>Writes the field unless the value is empty (the reader's default).</summary>
    public YamlOut Optional(string key, string? value) => string.IsNullOrEmpty(value) ? this : Field(key, value);

    public YamlOut BeginMap(bool flow = false)
    {
        _emitter.Emit(new MappingStart(null, null, true, flow ? MappingStyle.Flow : MappingStyle.Block));
        return this;
    }

    public YamlOut EndMap()
    {
        _emitter.Emit(new MappingEnd());
        return this;
    }

    public YamlOut BeginList(bool flow = false)
    {
        _emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
        return this;
    }

    public YamlOut EndList()
    {
        _emitter.Emit(new SequenceEnd());
        return this;
    }

    /// <summary>A flow list of texts (<c>[ua, ru]</c>).</summary>
    public YamlOut TextList(string key, IEnumerable<string> values)
    {
        Key(key).BeginList(flow: true);
        foreach (var v in values) Text(v);
        return EndList();
    }

    /// <summary>Ends the document and returns the text, with a blank line before each top-level section.</summary>
    public string Finish()
    {
        _emitter.Emit(new MappingEnd());
        _emitter.Emit(new DocumentEnd(isImplicit: true));
        _emitter.Emit(new StreamEnd());
        var lines = _text.ToString().Split('\n');
        var sb = new StringBuilder();
        for (var k = 0; k < lines.Length; k++)
        {
            var line = lines[k];
            if (k > 0 && line.Length > 0 && line[0] != ' ' && line[0] != '#') sb.Append('\n');
            sb.Append(line);
            if (k < lines.Length - 1) sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A literal block keeps text exactly only without tabs, carriage returns or trailing spaces.</summary>
    private static bool LiteralSafe(string value) =>
        !value.Contains('\t') && !value.Contains('\r') && !value.Split('\n').Any(l => l.EndsWith(' ')) && !value.StartsWith(' ');

    // YAML 1.2 core-schema nulls, booleans, numbers; YAML 1.1 booleans; anything date-like.
    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex Ambiguous();
}
