namespace Parley.Core.Formats.Genius;

/// <summary>A GENIUS or GeniusWeb file that cannot be read, with where and what.</summary>
public sealed class GeniusFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    public GeniusFormatException(string file, int line, int column, string? element, string problem, Exception? inner = null)
        : base(Format(file, line, column, element, problem), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Element = element;
        Problem = problem;
    }

    /// <summary>The file name as given by the caller.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The element (or JSON path) at fault, when known.</summary>
    public string? Element { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, int column, string? element, string problem) =>
        $"{file}{(line > 0 ? $":{line}" : "")}{(column > 0 ? $":{column}" : "")}: {(element is null ? "" : $"<{element}>: ")}{problem}";
}
