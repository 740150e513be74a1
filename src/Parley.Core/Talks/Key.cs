using System.Text.RegularExpressions;

namespace Parley.Core.Talks;

/// <summary>
/// Item ids are short keys users type (<c>ua</c>, <c>territory</c>, <c>freeze-line</c>): a letter or digit,
/// then letters, digits, '-', '_' or '.', at most 64 characters. Keys compare ordinally (case matters).
/// </summary>
public static partial class Key
{
    /// <summary>True when <paramref name="value"/> is a well-formed key.</summary>
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Returns <paramref name="value"/> when it is a well-formed key.</summary>
    /// <exception cref="ArgumentException">The key is malformed.</exception>
    public static string Require(string? value, string field) =>
        IsValid(value) ? value!
        : string.IsNullOrEmpty(value) ? throw new ArgumentException("an id is required", field)
        : throw new ArgumentException($"'{value}' is not a valid id (a letter or digit, then letters, digits, '-', '_', '.'; at most 64)", field);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Pattern();
}
