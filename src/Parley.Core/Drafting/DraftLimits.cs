using System.Globalization;

namespace Parley.Core.Drafting;

/// <summary>
/// How much a draft may hold before it is read at all. The limit is on opening brackets, because they, not the text's
/// length, set what reading costs: each becomes a bracket (64 bytes), and one never closed also a problem with its excerpt,
/// so a file of nothing but <c>[</c> made about 500 bytes of memory per byte (a 1 MB one 500 MB and two seconds, a 64 MB
/// upload more memory than a server has). Every way a draft comes in checks it: an upload, a scenario file, the
/// <c>parley draft</c> commands.
/// </summary>
public static class DraftLimits
{
    /// <summary>
    /// The most opening brackets a draft may hold: ample for real negotiating texts (the heavily bracketed Paris texts of
    /// 2015 hold about 4,000 each; the 50 MB benchmark draft, those repeated, 424,350).
    /// </summary>
    public const int MaxOpeningBrackets = 500_000;

    /// <summary>Why <paramref name="text"/> is not read as a draft, or null when it may be: more than <see cref="MaxOpeningBrackets"/> opening brackets.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string? Refusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Refusal(text.AsSpan().Count('['));
    }

    /// <summary>Why a text of <paramref name="opens"/> opening brackets is not read as a draft, or null when it may be (counted as the file was read).</summary>
    public static string? Refusal(long opens) =>
        opens <= MaxOpeningBrackets
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the draft holds {opens:N0} opening brackets; at most {MaxOpeningBrackets:N0} are read");
}
