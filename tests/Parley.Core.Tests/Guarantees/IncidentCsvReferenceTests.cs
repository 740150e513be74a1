using System.Globalization;
using System.Text;
using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Core.Formats.Incidents;

namespace Parley.Core.Tests.Guarantees;

/// <summary>
/// The span-based ACLED reader and digit-by-digit dates against a straightforward reference: every field a string
/// (the framework's TextFieldParser or the values a test wrote), string.Split, and DateTimeOffset.TryParseExact
/// over the accepted pattern list.
/// </summary>
public class IncidentCsvReferenceTests
{
    private static readonly string[] DatePatterns =
    [
        "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "d/M/yyyy",
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy/MM/dd",
        "d MMMM yyyy", "dd MMMM yyyy", "d MMM yyyy", "d-MMMM-yyyy", "dd-MMM-yyyy", "d-MMM-yyyy", "MMMM d, yyyy", "MMMM d yyyy",
    ];

    private static bool ReferenceDate(string text, out DateOnly date)
    {
        var ok = DateTimeOffset.TryParseExact(text.Trim(), DatePatterns, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed);
        date = ok ? DateOnly.FromDateTime(parsed.DateTime) : default;
        return ok;
    }

    /// <summary>The incident a row should give, mapped field by field from strings; null when the row is to be rejected.</summary>
    private static Incident? Reference(Dictionary<string, int> h, string[] r)
    {
        string? T(string c) => h.TryGetValue(c, out var i) && !string.IsNullOrWhiteSpace(r[i]) ? r[i].Trim() : null;
        string[] Split(string? s) => s is null ? [] : s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool Int(string c, int min, int max, out int? value)
        {
            value = null;
            if (T(c) is not { } s) return true;
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max) return false;
            value = v;
            return true;
        }
        bool Dbl(string c, double min, double max, out double value) =>
            double.TryParse(T(c), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

        var id = T("event_id_cnty");
        var type = T("event_type");
        if (id is null || type is null || T("event_date") is not { } dateText || !ReferenceDate(dateText, out var date)) return null;
        if (!Int("time_precision", 1, 3, out var precision) || !Int("fatalities", 0, int.MaxValue, out var fatalities)
            || !Int("year", 1, 9999, out var year) || (year is { } y && y != date.Year)) return null;
        if (!Dbl("latitude", -90, 90, out var lat) || !Dbl("longitude", -180, 180, out var lon)) return null;
        var actors = new List<string>();
        if (T("actor1") is { } a1) actors.Add(a1);
        actors.AddRange(Split(T("assoc_actor_1")));
        if (T("actor2") is { } a2) actors.Add(a2);
        actors.AddRange(Split(T("assoc_actor_2")));
        var targets = string.Equals(T("civilian_targeting"), "Civilian targeting", StringComparison.OrdinalIgnoreCase)
            ? [TargetClass.Civilians] : Array.Empty<string>();
        return new Incident(id, AcledCsv.TimeOf(date, precision ?? 1),
            new Location(lat, lon, T("country"), T("admin1"), T("admin2"), T("admin3"), T("location")), type,
            T("sub_event_type"), actors, targets, fatalities, Split(T("source")), T("notes"));
    }

    private static string Show(Incident x)
    {
        var l = x.Location;
        return string.Join('|', x.Id, x.Time.Start.ToString("o"), x.Time.End.ToString("o"), x.Time.Precision, l.Latitude, l.Longitude,
            l.Country, l.Admin1, l.Admin2, l.Admin3, l.Place, x.EventType, x.SubEventType, string.Join('¦', x.Actors),
            string.Join('¦', x.TargetClasses), x.Fatalities, string.Join('¦', x.Sources), x.Notes);
    }

    [Fact]
    public void Read_RealSample_EveryFieldAgreesWithReference()
    {
        var rows = SampleData.ReadWithFramework(SampleData.AcledSamplePath);
        var h = rows[0].Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var expected = rows.Skip(1).Select(r => Show(Reference(h, r)!)).ToList();

        var actual = AcledCsv.Read(new StreamReader(SampleData.AcledSamplePath)).Incidents.Select(Show).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_RandomRows_AgreeWithReference()
    {
        var header = SampleData.ReadWithFramework(SampleData.AcledSamplePath)[0];
        var h = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var rng = new Random(20261128);
        var text = new StringBuilder(SampleData.Write([header]));
        var line = 2;
        var expected = new List<string>();
        var expectedRejectedLines = new List<int>();
        for (var n = 0; n < 3000; n++)
        {
            var row = header.Select(name => RandomValue(rng, name)).ToArray();
            row[h["event_id_cnty"]] = rng.Next(50) == 0 ? " " : $" R{n} ";
            var written = SampleData.Write([row]);
            text.Append(written);
            if (Reference(h, row) is { } incident) expected.Add(line + ":" + Show(incident));
            else expectedRejectedLines.Add(line);
            line += written.Count(c => c == '\n');
        }

        var result = AcledCsv.Read(new StringReader(text.ToString()));

        Assert.Equal(expected, result.Incidents.Select((x, i) => result.Lines[i] + ":" + Show(x)).ToList());
        Assert.Equal(expectedRejectedLines, result.Errors.Select(e => e.Line).Distinct().ToList());
        Assert.InRange(expected.Count, 500, 2900); // both paths exercised
    }

    private static string RandomValue(Random rng, string column)
    {
        string Pad(string s) => rng.Next(4) switch { 0 => " " + s, 1 => s + "\t ", _ => s };
        string Pick(params string[] xs) => xs[rng.Next(xs.Length)];
        if (rng.Next(25) == 0) return Pick("", " ", "\t");
        return column switch
        {
            "event_date" => Pad(rng.Next(12) switch
            {
                0 => Pick("31/02/2020", "2020-13-01", "00/08/2020", "14/08/20", "14/08/2020 24:00:00", "14/08/2020 23:59:60", "x",
                    "١٤/٠٨/٢٠٢٠", "14/08/2020T00:00:00", "29/02/2019", "0000-01-01"),
                1 => Pick("14 August 2020", "14 Aug 2020", "14-Aug-2020", "August 14, 2020", "2020/08/14", "1/2/2020 3:04:05",
                    "2020-08-14T23:30:00-05:00", "2020-08-14 10:11:12.123", "14/08/2020 00:00", "14/08/2020  00:00:00"),
                2 => $"{rng.Next(0, 33):00}/{rng.Next(0, 14):00}/{rng.Next(1, 2100):0000}",
                3 => $"{rng.Next(1990, 2030):0000}-{rng.Next(0, 14):00}-{rng.Next(0, 33):00}",
                _ => $"{rng.Next(1, 32):00}/{rng.Next(1, 13):00}/{rng.Next(1990, 2030)} {rng.Next(0, 25):00}:{rng.Next(0, 61):00}:{rng.Next(0, 61):00}",
            }),
            "year" => rng.Next(3) == 0 ? Pick("", "2020", "x", "0") : "",
            "time_precision" => Pad(Pick("1", "1", "2", "3", "4", "x", "")),
            "latitude" => Pad(rng.Next(20) == 0 ? Pick("95", "abc", "1e400", "NaN") : (rng.NextDouble() * 180 - 90).ToString("R", CultureInfo.InvariantCulture)),
            "longitude" => Pad(rng.Next(20) == 0 ? Pick("-181", ",", "1,5") : (rng.NextDouble() * 360 - 180).ToString("R", CultureInfo.InvariantCulture)),
            "fatalities" => Pad(Pick("0", "3", "", "-1", "2.5", "12")),
            "event_type" => Pad(Pick("Battles", "Explosions/Remote violence", "Protests", "battles", "Violence, \"against\" civilians")),
            "civilian_targeting" => Pick("", "Civilian targeting", "civilian TARGETING ", "no"),
            "assoc_actor_1" or "assoc_actor_2" or "source" => string.Join(Pick(";", "; ", " ;"),
                Enumerable.Range(0, rng.Next(4)).Select(_ => Pick("A", " B ", "", "Ukraine; Russia", "Quote \"q\"", "x,y"))),
            "notes" => Pick("", "On 14 August, \"quoted\"\nsecond line", "plain", " padded ", "a,b,c", "\"\"", "line\n\nbreaks"),
            _ => Pad(Pick("Kyiv", "Donetsk", "Military Forces of Ukraine (2019-)", "Kharkiv, \"city\"", "Odesa\nOblast", "")),
        };
    }

    [Fact]
    public void TryParse_RandomDates_AgreeWithPatternList()
    {
        var rng = new Random(5);
        var digits = "0123456789";
        for (var n = 0; n < 100_000; n++)
        {
            var shape = rng.Next(3) switch { 0 => "##/##/#### ##:##:##", 1 => "##/##/####", _ => "####-##-##" };
            var chars = shape.Select(c => c == '#' ? digits[rng.Next(rng.Next(2) == 0 ? 3 : 10)] : c).ToArray();
            if (rng.Next(10) == 0) chars[rng.Next(chars.Length)] = "/-: x٣T"[rng.Next(7)];
            var s = new string(chars);
            Assert.Equal((ReferenceDate(s, out var expected), expected), (CsvDates.TryParse(s, out var actual), actual));
        }
    }

    [Fact]
    public void Read_RepeatedValues_ShareOneString()
    {
        var incidents = AcledCsv.Read(new StreamReader(SampleData.AcledSamplePath)).Incidents;
        var battles = incidents.Where(i => i.EventType == "Battles").ToList();
        Assert.All(battles, b => Assert.Same(battles[0].EventType, b.EventType));
        var kyiv = incidents.Where(i => i.Location.Admin1 == "Kyiv City").ToList();
        Assert.True(kyiv.Count > 1);
        Assert.All(kyiv, k => Assert.Same(kyiv[0].Location.Admin1, k.Location.Admin1));
    }
}
