using System.Xml;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// What a GENIUS XML or GeniusWeb JSON file may hold before Parley reads it: its size and how deep its elements (or JSON
/// objects and arrays) nest. A DTD is never processed, so no entity is defined or expanded: a "billion laughs" file is
/// refused at its <c>&lt;!DOCTYPE</c>, with line and column, before anything grows.
/// </summary>
/// <remarks>
/// The limits are far above what negotiation files need (the largest GENIUS file in tests/data is 40 KB and nests 5
/// deep; the 30-issue nonlinear domain 20 KB) and far below what hurts: <see cref="MaxBytes"/> bytes,
/// <see cref="MaxDepth"/> levels. Every refusal is a <see cref="SourceProblemException"/> naming the file and, for depth
/// and DTDs, the line and column.
/// </remarks>
public static class GeniusLimits
{
    /// <summary>The largest file read: 16 MB (16,000,000 bytes), checked before the bytes are decoded.</summary>
    public const int MaxBytes = 16_000_000;

    /// <summary>The deepest nesting of XML elements, or of JSON objects and arrays: 64.</summary>
    public const int MaxDepth = 64;

    /// <summary>Refuses <paramref name="bytes"/> when longer than <see cref="MaxBytes"/>.</summary>
    /// <exception cref="SourceProblemException">The file is too large.</exception>
    public static void CheckSize(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length > MaxBytes)
            throw new SourceProblemException(file, 0, 0, null,
                $"the file is {bytes.Length:N0} bytes; Parley reads GENIUS files of at most {MaxBytes:N0} bytes (limit)");
    }

    /// <summary>The reader settings of every GENIUS XML read: no DTD, no resolver, no more characters than <see cref="MaxBytes"/>.</summary>
    internal static XmlReaderSettings XmlSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxBytes,
    };

    /// <summary>Reads <paramref name="text"/> once as a stream of nodes, refusing at the first element deeper than
    /// <see cref="MaxDepth"/>; malformed XML is left for the real read to report.</summary>
    /// <exception cref="SourceProblemException">An element is too deep.</exception>
    internal static void CheckDepth(string text, string file)
    {
        using var reader = XmlReader.Create(new StringReader(text), XmlSettings);
        var info = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
                    throw new SourceProblemException(file, info.LineNumber, info.LinePosition, reader.LocalName,
                        $"elements nest more than {MaxDepth} deep; Parley refuses the file (limit: {MaxDepth})");
        }
        catch (XmlException)
        {
            // not well-formed: the real read says where
        }
    }

    /// <summary>The 1-based line and column of <paramref name="index"/> in <paramref name="text"/>; (0, 0) when it is negative.</summary>
    internal static (int Line, int Column) PositionOf(string text, int index)
    {
        if (index < 0) return (0, 0);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }
}
