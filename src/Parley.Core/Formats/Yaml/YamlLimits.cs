using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Core.Formats.Yaml;

/// <summary>
/// What a YAML file may hold before Parley builds its node tree: nesting depth, nodes and aliases. YamlDotNet builds the
/// tree recursively, so a file of 200,000 nested <c>[</c> overflows the stack and takes the whole process down — no
/// exception to catch; and aliases let a small file stand for an exponential tree when it is walked ("billion laughs").
/// <see cref="Check"/> reads the file first as YamlDotNet's event stream, which its parser produces without recursion,
/// and refuses at the first event past a limit, with its line and column.
/// </summary>
/// <remarks>
/// The limits are far above what negotiation files need (the Berlin scenario nests 6 deep, holds about 9,000 nodes and
/// no alias) and far below what hurts: <see cref="MaxDepth"/> collections deep, <see cref="MaxNodes"/> scalars,
/// sequences and mappings, <see cref="MaxAliases"/> aliases (anchors are allowed; a file may refer back to one a few
/// times).
/// </remarks>
public static class YamlLimits
{
    /// <summary>The deepest nesting of sequences and mappings: 64.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes in one file: 5,000,000 (an import of 200,000 incident reports holds about 4 million).</summary>
    public const int MaxNodes = 5_000_000;

    /// <summary>The most aliases (<c>*name</c>) in one file: 100.</summary>
    public const int MaxAliases = 100;

    /// <summary>
    /// Null when the text is within every limit (or is not YAML at all: the real parse then says why); else the problem:
    /// where (1-based line and column), which limit, and the excerpt there, with no file name (the reader sets it).
    /// </summary>
    public static SourceProblem? Check(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        var (depth, nodes, aliases) = (0, 0L, 0);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case SequenceStart or MappingStart:
                        if (++depth > MaxDepth)
                            return At(yaml, parser.Current.Start, $"the file nests lists and mappings more than {MaxDepth} deep; Parley refuses it (limit: {MaxDepth})");
                        if (++nodes > MaxNodes) return TooMany(yaml, parser.Current.Start);
                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                    case Scalar:
                        if (++nodes > MaxNodes) return TooMany(yaml, parser.Current.Start);
                        break;
                    case AnchorAlias:
                        if (++aliases > MaxAliases)
                            return At(yaml, parser.Current.Start, $"the file uses more than {MaxAliases} aliases (*name); Parley refuses it (limit: {MaxAliases})");
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null; // not well-formed: the real parse reports it where it is
        }
        return null;
    }

    private static SourceProblem At(string yaml, Mark where, string message)
    {
        int line = Math.Max(1, (int)where.Line), column = Math.Max(1, (int)where.Column);
        return new SourceProblem("", line, column, "", message, SourceProblem.ExcerptAt(yaml, line, column));
    }

    private static SourceProblem TooMany(string yaml, Mark where) =>
        At(yaml, where, $"the file holds more than {MaxNodes:N0} values, lists and mappings; Parley refuses it (limit: {MaxNodes:N0})");
}
