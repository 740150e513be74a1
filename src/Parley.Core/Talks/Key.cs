using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Core.Talks;

/// <summary>
/// Item ids are short keys users type (<c>ua</c>, <c>territory</c>, <c>freeze-line</c>): a letter or digit,
/// then letters, digits, '-', '_' or '.', at most <see cref="MaxLength"/> characters. Keys compare ordinally (case matters).
/// </summary>
public static partial class Key
{
    /// <summary>The longest key, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="value"/> is a well-formed key.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Returns <paramref name="value"/> when it is a well-formed key.</summary>
    /// <exception cref="ArgumentException">The key is malformed.</exception>
    public static string Require(string? value, string field) =>
        IsValid(value) ? value!
        : string.IsNullOrEmpty(value) ? throw new ArgumentException("an id is required", field)
        : throw new ArgumentException($"'{value}' is not a valid id (a letter or digit, then letters, digits, '-', '_', '.'; at most {MaxLength})", field);

    /// <summary>
    /// The one way a new item gets its id when the user gives none: readable from <paramref name="parts"/> (the author,
    /// the issue, the day…), always a valid key. The parts are joined by '-'; a character outside the key alphabet
    /// becomes '-', runs of '-' fold into one, and the result is cut to <see cref="MaxLength"/>. When nothing usable
    /// remains, <paramref name="fallback"/> stands instead. When the id is <paramref name="taken"/>, a counter follows
    /// (<c>-2</c>, <c>-3</c>, …), the stem shortened so the whole still fits. Deterministic: the same parts and the same
    /// taken ids give the same key.
    /// </summary>
    /// <param name="parts">Readable pieces, in order; null or blank ones are skipped.</param>
    /// <param name="fallback">The stem when the parts give nothing (e.g. <c>statement</c>); must be a key.</param>
    /// <param name="taken">True for an id already in use; null when the caller cannot know (no counter is added).</param>
    /// <exception cref="ArgumentException"><paramref name="fallback"/> is not a key.</exception>
    public static string Fresh(IEnumerable<string?> parts, string fallback, Func<string, bool>? taken = null)
    {
        Require(fallback, nameof(fallback));
        var stem = Stem(string.Join('-', parts.Where(p => !string.IsNullOrWhiteSpace(p))), MaxLength);
        if (stem.Length == 0) stem = fallback;
        if (taken is null || !taken(stem)) return stem;
        for (var k = 2; ; k++)
        {
            var suffix = "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shorter = Stem(stem, MaxLength - suffix.Length);
            var id = (shorter.Length == 0 ? fallback[..Math.Min(fallback.Length, MaxLength - suffix.Length)] : shorter) + suffix;
            if (!taken(id)) return id;
        }
    }

    // Characters outside the alphabet become '-', runs of '-' fold, the start is a letter or digit, the end no '-'.
    private static string Stem(string text, int max)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text)
        {
            var k = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '-';
            if (sb.Length == 0 && !char.IsAsciiLetterOrDigit(k)) continue;
            if (k == '-' && sb[^1] == '-') continue;
            if (sb.Length == max) break;
            sb.Append(k);
        }
        return sb.ToString().TrimEnd('-');
    }

    // {0,63}: MaxLength − 1 characters after the first.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Pattern();
}
