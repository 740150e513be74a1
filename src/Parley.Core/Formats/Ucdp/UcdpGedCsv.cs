using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Import;

namespace Parley.Core.Formats.Ucdp;

/// <summary>
/// Reads UCDP Georeferenced Event Dataset (GED) CSV into Reported incidents, by header name. Required: id,
/// type_of_violence, date_start, latitude, longitude. Read when present: date_end, side_a, side_b, country,
/// adm_1, adm_2, where_coordinates, best, source_article, where_description, year.
/// </summary>
/// <remarks>
/// UCDP does not use ACLED's taxonomy: type_of_violence 1, 2, 3 become the event types "State-based conflict",
/// "Non-state conflict" and "One-sided violence" with no sub-type, so a rule naming ACLED types does not match
/// them. One-sided violence is by UCDP's definition against civilians: target class civilians. The time is the
/// days date_start to date_end inclusive (Day when they are equal, else Range); fatalities are the best estimate.
/// </remarks>
public static class UcdpGedCsv
{
    /// <summary>Event type for type_of_violence 1.</summary>
    public const string StateBased = "State-based conflict";
    /// <summary>Event type for type_of_violence 2.</summary>
    public const string NonState = "Non-state conflict";
    /// <summary>Event type for type_of_violence 3.</summary>
    public const string OneSided = "One-sided violence";

    /// <summary>Columns without which no row can be read.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["id", "type_of_violence", "date_start", "latitude", "longitude"];

    /// <summary>Reads the whole input. Never throws on bad content: every problem is an <see cref="ImportError"/>.</summary>
    public static IncidentImport Read(TextReader reader, IProgress<int>? progress = null) =>
        IncidentCsv.Read(reader, "UCDP GED", RequiredColumns, Map, progress);

    private static Incident? Map(IncidentCsv row)
    {
        row.IdColumn = "id";
        var id = row.Required("id");
        var violence = row.Integer("type_of_violence", required: true, 1, 3);
        var start = row.Date("date_start", required: true);
        var end = row.Date("date_end", required: false) ?? start;
        var lat = row.Number("latitude", required: true, -90, 90);
        var lon = row.Number("longitude", required: true, -180, 180);
        var best = row.Integer("best", required: false, 0, int.MaxValue);
        var year = row.Integer("year", required: false, 1, 9999);
        if (start is { } s && end is { } e && e < s)
            row.Fail("date_end", $"date_end {e:yyyy-MM-dd} precedes date_start {s:yyyy-MM-dd}");
        if (start is { } s2 && year is { } y && y != s2.Year)
            row.Fail("year", $"year {y} disagrees with date_start {s2:yyyy-MM-dd}");
        if (row.Failed || id is null || violence is null || start is null || end is null) return null;

        var from = new DateTimeOffset(start.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(end.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var time = new IncidentTime(from, to, start == end ? TimePrecision.Day : TimePrecision.Range);
        var type = violence switch { 1 => StateBased, 2 => NonState, _ => OneSided };
        var actors = new[] { row.Text("side_a"), row.Text("side_b") }.OfType<string>();
        var sources = row.Text("source_article") is { } src
            ? src.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        var location = new Location(lat, lon, row.Text("country"), row.Text("adm_1"), row.Text("adm_2"), null,
            row.Text("where_coordinates"));
        return new Incident(id, time, location, type, null, actors, violence == 3 ? [TargetClass.Civilians] : [], best,
            sources, row.Text("where_description"));
    }
}
