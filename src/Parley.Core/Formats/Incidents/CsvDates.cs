using Parley.Core.Guarantees;
using System.Globalization;

namespace Parley.Core.Formats.Incidents;

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
    public static bool TryParse(string text, out DateOnly date) => TryParse(text.AsSpan(), out date);

    /// <summary>Parses a date; false when the text fits no accepted pattern or names an impossible day.</summary>
    /// <remarks>
    /// The shapes ACLED and UCDP write ("dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy", "yyyy-MM-dd") are read digit by digit;
    /// anything else, or any value the digit reader does not accept, goes to the full pattern list, so the digit
    /// reader only ever accepts a subset of what the pattern list accepts, with the same day.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        var s = text.Trim();
        if (TryFixed(s, out date)) return true;
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

    /// <summary>"dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy" or "yyyy-MM-dd" with ASCII digits and a real day and time.</summary>
    private static bool TryFixed(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if ((s.Length == 19 || s.Length == 10) && s[2] == '/' && s[5] == '/')
        {
            if (!Digits(s, 0, 2, out day) || !Digits(s, 3, 2, out month) || !Digits(s, 6, 4, out year)) return false;
            if (s.Length == 19)
            {
                if (s[10] != ' ' || s[13] != ':' || s[16] != ':'
                    || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var m) || !Digits(s, 17, 2, out var sec)
                    || h > 23 || m > 59 || sec > 59)
                    return false;
            }
        }
        else if (s.Length == 10 && s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s, 0, 4, out year) || !Digits(s, 5, 2, out month) || !Digits(s, 8, 2, out day)) return false;
        }
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int at, int count, out int value)
    {
        value = 0;
        for (var i = at; i < at + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
