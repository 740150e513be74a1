using System.Globalization;

namespace Parley.Core.Talks;

/// <summary>
/// Reads the "as of" a user types. A bare date means the end of that day in UTC — "status as of 15 Dec 2025"
/// includes everything dated that day — so <c>2025-12-15</c> is the instant 2025-12-15T23:59:59.9999999Z.
/// A date-time is taken as written; without an offset it is UTC.
/// </summary>
public static class AsOf
{
    /// <summary>Parses <paramref name="text"/>; returns false with a message when it is neither a date nor a date-time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant, out string error)
    {
        instant = default;
        error = "";
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) { error = "expected a date (2025-12-15) or a date-time (2025-12-15T18:00:00Z)"; return false; }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
            return true;
        error = $"'{value}' is not a date (2025-12-15) or a date-time (2025-12-15T18:00:00Z)";
        return false;
    }
}
