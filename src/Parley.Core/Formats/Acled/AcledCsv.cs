using Parley.Core.Guarantees;
using Parley.Core.Formats.Incidents;

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

    /// <summary>
    /// Reads the whole input. Never throws on bad content: every problem is a <see cref="SourceProblem"/> with the line
    /// and the column's header as its field; <paramref name="file"/> only labels them.
    /// </summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="progress">Receives the number of rows read, every 1,000 rows and at the end.</param>
    /// <param name="file">The file name the problems carry; empty when there is none.</param>
    public static IncidentImport Read(TextReader reader, IProgress<int>? progress = null, string file = "") =>
        IncidentCsv.Read(reader, "ACLED", RequiredColumns, c => new Columns(c), Map, progress, file);

    /// <summary>The columns this format reads, found once per file.</summary>
    private sealed class Columns(IncidentCsv c)
    {
        public readonly CsvColumn Id = c.Column("event_id_cnty"), Date = c.Column("event_date"),
            Precision = c.Column("time_precision"), EventType = c.Column("event_type"), SubEventType = c.Column("sub_event_type"),
            Latitude = c.Column("latitude"), Longitude = c.Column("longitude"), Fatalities = c.Column("fatalities"),
            Year = c.Column("year"), Actor1 = c.Column("actor1"), Assoc1 = c.Column("assoc_actor_1"), Actor2 = c.Column("actor2"),
            Assoc2 = c.Column("assoc_actor_2"), CivilianTargeting = c.Column("civilian_targeting"), Country = c.Column("country"),
            Admin1 = c.Column("admin1"), Admin2 = c.Column("admin2"), Admin3 = c.Column("admin3"), Place = c.Column("location"),
            Source = c.Column("source"), Notes = c.Column("notes");
    }

    private static Incident? Map(IncidentCsv row, Columns c)
    {
        row.IdColumn = "event_id_cnty";
        var id = row.Required(c.Id);
        var date = row.Date(c.Date, required: true);
        var precision = row.Integer(c.Precision, required: false, 1, 3) ?? 1;
        var eventType = row.Pooled(c.EventType);
        if (eventType is null) row.Fail(c.EventType, "is empty");
        var lat = row.Number(c.Latitude, required: true, -90, 90);
        var lon = row.Number(c.Longitude, required: true, -180, 180);
        var fatalities = row.Integer(c.Fatalities, required: false, 0, int.MaxValue);
        var year = row.Integer(c.Year, required: false, 1, 9999);
        if (date is { } d && year is { } y && y != d.Year)
            row.Fail(c.Year, $"year {y} disagrees with event_date {d:yyyy-MM-dd}");
        if (row.Failed || id is null || date is null || eventType is null) return null;

        var actors = new List<string>(4);
        if (row.Pooled(c.Actor1) is { } actor1) actors.Add(actor1);
        row.SplitPooled(c.Assoc1, actors);
        if (row.Pooled(c.Actor2) is { } actor2) actors.Add(actor2);
        row.SplitPooled(c.Assoc2, actors);
        var targets = row.Span(c.CivilianTargeting).Equals("Civilian targeting", StringComparison.OrdinalIgnoreCase)
            ? Civilians : [];
        var location = new Location(lat, lon, row.Pooled(c.Country), row.Pooled(c.Admin1), row.Pooled(c.Admin2),
            row.Pooled(c.Admin3), row.Pooled(c.Place));
        var sources = new List<string>(2);
        row.SplitPooled(c.Source, sources);
        return new Incident(id, TimeOf(date.Value, precision), location, eventType, row.Pooled(c.SubEventType), actors, targets,
            fatalities, sources, row.Text(c.Notes));
    }

    private static readonly string[] Civilians = [TargetClass.Civilians];

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
}
