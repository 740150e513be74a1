using Parley.Core.Guarantees;
using Parley.Core.Formats.Incidents;

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

    /// <summary>
    /// Reads the whole input. Never throws on bad content: every problem is a <see cref="SourceProblem"/> with the line
    /// and the column's header as its field; <paramref name="file"/> only labels them.
    /// </summary>
    public static IncidentImport Read(TextReader reader, IProgress<int>? progress = null, string file = "") =>
        IncidentCsv.Read(reader, "UCDP GED", RequiredColumns, c => new Columns(c), Map, progress, file);

    /// <summary>The columns this format reads, found once per file.</summary>
    private sealed class Columns(IncidentCsv c)
    {
        public readonly CsvColumn Id = c.Column("id"), Violence = c.Column("type_of_violence"), Start = c.Column("date_start"),
            End = c.Column("date_end"), Latitude = c.Column("latitude"), Longitude = c.Column("longitude"), Best = c.Column("best"),
            Year = c.Column("year"), SideA = c.Column("side_a"), SideB = c.Column("side_b"), Source = c.Column("source_article"),
            Country = c.Column("country"), Adm1 = c.Column("adm_1"), Adm2 = c.Column("adm_2"), Where = c.Column("where_coordinates"),
            Description = c.Column("where_description");
    }

    private static Incident? Map(IncidentCsv row, Columns c)
    {
        row.IdColumn = "id";
        var id = row.Required(c.Id);
        var violence = row.Integer(c.Violence, required: true, 1, 3);
        var start = row.Date(c.Start, required: true);
        var end = row.Date(c.End, required: false) ?? start;
        var lat = row.Number(c.Latitude, required: true, -90, 90);
        var lon = row.Number(c.Longitude, required: true, -180, 180);
        var best = row.Integer(c.Best, required: false, 0, int.MaxValue);
        var year = row.Integer(c.Year, required: false, 1, 9999);
        if (start is { } s && end is { } e && e < s)
            row.Fail(c.End, $"date_end {e:yyyy-MM-dd} precedes date_start {s:yyyy-MM-dd}");
        if (start is { } s2 && year is { } y && y != s2.Year)
            row.Fail(c.Year, $"year {y} disagrees with date_start {s2:yyyy-MM-dd}");
        if (row.Failed || id is null || violence is null || start is null || end is null) return null;

        var from = new DateTimeOffset(start.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(end.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var time = new IncidentTime(from, to, start == end ? TimePrecision.Day : TimePrecision.Range);
        var type = violence switch { 1 => StateBased, 2 => NonState, _ => OneSided };
        var actors = new List<string>(2);
        if (row.Pooled(c.SideA) is { } a) actors.Add(a);
        if (row.Pooled(c.SideB) is { } b) actors.Add(b);
        var sources = new List<string>(2);
        row.SplitPooled(c.Source, sources);
        var location = new Location(lat, lon, row.Pooled(c.Country), row.Pooled(c.Adm1), row.Pooled(c.Adm2), null,
            row.Pooled(c.Where));
        return new Incident(id, time, location, type, null, actors, violence == 3 ? [TargetClass.Civilians] : [], best,
            sources, row.Text(c.Description));
    }
}
