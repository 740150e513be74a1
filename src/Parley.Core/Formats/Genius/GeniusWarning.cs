namespace Parley.Core.Formats.Genius;

/// <summary>
/// Something a GENIUS file does that GENIUS itself accepts but that is not clean (a comment before the XML declaration,
/// an option listed twice, an integer range given as a child element): Parley reads the file as GENIUS does and says so.
/// </summary>
/// <param name="File">The file name as given by the caller.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Message">What was found and how it was read.</param>
public sealed record GeniusWarning(string File, int Line, int Column, string Message)
{
    /// <summary><c>file:line:column: warning: message</c>.</summary>
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}" : "")}{(Column > 0 ? $":{Column}" : "")}: warning: {Message}";
}
