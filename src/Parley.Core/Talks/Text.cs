namespace Parley.Core.Talks;

/// <summary>Guards for the free-text fields of the model.</summary>
internal static class Text
{
    /// <summary>Returns the trimmed text when it is not blank.</summary>
    /// <exception cref="ArgumentException">The text is null or blank.</exception>
    public static string Require(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{field} must not be empty.", field) : value.Trim();
}

/// <summary>Guards for collections of keys.</summary>
internal static class Duplicates
{
    /// <summary>Throws when a key appears twice.</summary>
    /// <exception cref="ArgumentException">A duplicate key, naming it and <paramref name="where"/>.</exception>
    public static void Check(IEnumerable<string> keys, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
            if (!seen.Add(key)) throw new ArgumentException($"Duplicate id '{key}' in {where}.");
    }
}
