namespace Parley.Core.Formats;

/// <summary>
/// One problem found in what a user gave Parley to read — a scenario or guarantees file, an incident CSV, a GENIUS file,
/// a draft's text: where it is, which field it concerns, what is wrong and the piece of the source it is about. Every
/// parser reports bad input in this one shape; the CLI prints it with <see cref="ToString"/> (or
/// <see cref="Describe"/> for a warning) and the API returns it in a ProblemDetails' <c>problems</c> list.
/// </summary>
public sealed record SourceProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="file">The file name the caller gave the reader; empty when the source has none (a request body).</param>
    /// <param name="line">1-based line; 0 when the problem has no line (the file as a whole, or a size limit).</param>
    /// <param name="column">1-based column in UTF-16 characters; 0 when unknown.</param>
    /// <param name="field">
    /// What the problem concerns: a path from the document root with 0-based list indices (<c>issues[3].options[1].id</c>),
    /// a CSV column's header, an XML element's name; empty for the source as a whole.
    /// </param>
    /// <param name="message">What is wrong, in words, without the position.</param>
    /// <param name="excerpt">A short piece of the source at the position, to find it by eye; empty when not known.</param>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Line or column below 0.</exception>
    /// <exception cref="ArgumentException">The message is empty.</exception>
    public SourceProblem(string file, int line, int column, string field, string message, string excerpt = "")
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(excerpt);
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        (File, Line, Column, Field, Message, Excerpt) = (file, line, column, field, message, excerpt);
    }

    /// <summary>The file name the caller gave the reader; empty when the source has none.</summary>
    public string File { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>1-based line; 0 when none.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The field, column or element at fault; empty for the source as a whole.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Message { get; }

    /// <summary>A short piece of the source at the position (at most about 50 characters); may be empty.</summary>
    public string Excerpt { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>
    /// <c>file:line:column: field: message near "excerpt"</c>, the form compilers use so that editors can jump to it; an
    /// empty file, a line or column of 0, an empty field or excerpt is left out with its separator.
    /// </summary>
    public override string ToString() => Describe(warning: false);

    /// <summary>As <see cref="ToString"/>, with <c>warning: </c> after the position when <paramref name="warning"/> is true.</summary>
    public string Describe(bool warning)
    {
        var place = string.Join(':', new[] { File, Line > 0 ? $"{Line}" : "", Line > 0 && Column > 0 ? $"{Column}" : "" }.Where(p => p.Length > 0));
        var text = $"{(warning ? "warning: " : "")}{(Field.Length > 0 ? $"{Field}: " : "")}{Message}{(Excerpt.Length > 0 ? $" near \"{Excerpt}\"" : "")}";
        return place.Length > 0 ? $"{place}: {text}" : text;
    }

    /// <summary>
    /// The piece of <paramref name="text"/> at a 1-based <paramref name="line"/> and <paramref name="column"/>: up to
    /// 50 characters of that line around the column, trimmed, with … where it is cut; empty when there is no such line.
    /// </summary>
    public static string ExcerptAt(string text, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (line < 1) return "";
        int start = 0;
        for (int k = 1; k < line; k++)
        {
            start = text.IndexOf('\n', start) + 1;
            if (start == 0) return "";
        }
        int end = text.IndexOf('\n', start);
        return ExcerptOf(text[start..(end < 0 ? text.Length : end)], column);
    }

    /// <summary>Up to 50 characters of one line of source around a 1-based <paramref name="column"/>, as <see cref="ExcerptAt"/>.</summary>
    public static string ExcerptOf(string row, int column)
    {
        ArgumentNullException.ThrowIfNull(row);
        row = row.TrimEnd('\r');
        const int width = 50;
        int from = Math.Clamp(column - 1 - width / 2, 0, Math.Max(0, row.Length - width));
        var piece = row.Substring(from, Math.Min(width, row.Length - from)).Trim();
        if (piece.Length == 0) return "";
        return (from > 0 ? "…" : "") + piece + (from + width < row.Length ? "…" : "");
    }
}

/// <summary>Reading stopped at a problem in the source (the readers that cannot go on past one: GENIUS XML and JSON).</summary>
public sealed class SourceProblemException : FormatException
{
    /// <summary>Creates the error for <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public SourceProblemException(SourceProblem problem, Exception? inner = null)
        : base((problem ?? throw new ArgumentNullException(nameof(problem))).ToString(), inner) => Problem = problem;

    /// <summary>Creates the error for a problem at <paramref name="line"/> and <paramref name="column"/> (0 when unknown).</summary>
    public SourceProblemException(string file, int line, int column, string? field, string message, Exception? inner = null)
        : this(new SourceProblem(file, line, column, field ?? "", message), inner)
    {
    }

    /// <summary>Where and what.</summary>
    public SourceProblem Problem { get; }
}
