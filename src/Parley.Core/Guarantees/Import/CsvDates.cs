using System.Globalization;

namespace Parley.Core.Guarantees.Import;

/// <summary>
/// Calendar dates as incident exports write them. Slash dates are day-first (ACLED's dd/MM/yyyy); a date that fits
/// none of the accepted patterns is an error, never a guess. Any time of day is dropped: these sources date events
/// by day.
/// </summary>
public static class CsvDates
{
    private static readonly string[] Patterns =
    [
        "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "d/M/yyyy",
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy/MM/dd",
        "d MMMM yyyy", "dd MMMM yyyy", "d MMM yyyy", "d-MMMM-yyyy", "dd-MMM-yyyy", "d-MMM-yyyy", "MMMM d, yyyy", "MMMM d yyyy",
    ];

    /// <summary>The accepted patterns, for error messages.</summary>
    public const string Accepted = "dd/MM/yyyy [HH:mm:ss], yyyy-MM-dd[THH:mm:ss], d MMMM yyyy, dd-MMM-yyyy";

    /// <summary>Parses a date; false when the text fits no accepted pattern or names an impossible day.</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        var s = text.Trim();
        // DateTimeOffset keeps the clock time as written, so an offset never moves the calendar day.
        if (DateTimeOffset.TryParseExact(s, Patterns, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed.DateTime);
            return true;
        }
        date = default;
        return false;
    }
}
