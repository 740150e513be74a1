using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Import;

namespace Parley.Core.Formats.Acled;

/// <summary>
/// Reads ACLED event exports (CSV) into Reported incidents. Columns are found by header name in any order;
/// extra columns are ignored. Required: event_id_cnty, event_date, event_type, latitude, longitude. The rest
/// (time_precision, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, country, admin1–3, location,
/// fatalities, source, notes, civilian_targeting, year) are read when present.
/// </summary>
/// <remarks>
/// Mapping: event_id_cnty → id; event_date (day-first slash dates, ISO, or "14 August 2020") with time_precision
/// 1 → that UTC day, 2 → the seven days centred on it, 3 → its calendar month; actors in the order actor1,
/// assoc_actor_1, actor2, assoc_actor_2 (associated actors split on ';'); civilian_targeting = "Civilian targeting"
/// → target class civilians (no other target class is inferred); source split on ';'. A year column that disagrees
/// with the date rejects the row. No attribution: ACLED's actors are reports, not verified responsibility.
/// </remarks>
public static class AcledCsv
{
    /// <summary>Columns without which no row can be read.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["event_id_cnty", "event_date", "event_type", "latitude", "longitude"];

    /// <summary>Reads the whole input. Never throws on bad content: every problem is an <see cref="ImportError"/>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="progress">Receives the number of rows read, every 1,000 rows and at the end.</param>
    public static IncidentImport Read(TextReader reader, IProgress<int>? progress = null) =>
        IncidentCsv.Read(reader, "ACLED", RequiredColumns, Map, progress);

    private static Incident? Map(IncidentCsv row)
    {
        row.IdColumn = "event_id_cnty";
        var id = row.Required("event_id_cnty");
        var date = row.Date("event_date", required: true);
        var precision = row.Integer("time_precision", required: false, 1, 3) ?? 1;
        var eventType = row.Required("event_type");
        var lat = row.Number("latitude", required: true, -90, 90);
        var lon = row.Number("longitude", required: true, -180, 180);
        var fatalities = row.Integer("fatalities", required: false, 0, int.MaxValue);
        var year = row.Integer("year", required: false, 1, 9999);
        if (date is { } d && year is { } y && y != d.Year)
            row.Fail("year", $"year {y} disagrees with event_date {d:yyyy-MM-dd}");
        if (row.Failed || id is null || date is null || eventType is null) return null;

        var actors = new List<string>();
        Add(actors, row.Text("actor1"));
        actors.AddRange(Split(row.Text("assoc_actor_1")));
        Add(actors, row.Text("actor2"));
        actors.AddRange(Split(row.Text("assoc_actor_2")));
        var targets = string.Equals(row.Text("civilian_targeting"), "Civilian targeting", StringComparison.OrdinalIgnoreCase)
            ? [TargetClass.Civilians] : Array.Empty<string>();
        var location = new Location(lat, lon, row.Text("country"), row.Text("admin1"), row.Text("admin2"), row.Text("admin3"),
            row.Text("location"));
        return new Incident(id, TimeOf(date.Value, precision), location, eventType, row.Text("sub_event_type"), actors, targets,
            fatalities, Split(row.Text("source")), row.Text("notes"));
    }

    /// <summary>The interval an ACLED date covers at its time_precision (1 day, 2 week around it, 3 month).</summary>
    public static IncidentTime TimeOf(DateOnly date, int timePrecision)
    {
        var day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return timePrecision switch
        {
            1 => new IncidentTime(day, day.AddDays(1), TimePrecision.Day),
            2 => new IncidentTime(day.AddDays(-3), day.AddDays(4), TimePrecision.Week),
            3 => new IncidentTime(day.AddDays(1 - date.Day), day.AddDays(1 - date.Day).AddMonths(1), TimePrecision.Month),
            _ => throw new ArgumentOutOfRangeException(nameof(timePrecision), timePrecision, "ACLED time_precision is 1, 2 or 3."),
        };
    }

    private static void Add(List<string> list, string? value)
    {
        if (value is not null) list.Add(value);
    }

    private static string[] Split(string? value) =>
        value is null ? [] : value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
