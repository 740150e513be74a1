using System.Globalization;
using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Core.Formats.Incidents;

namespace Parley.Core.Tests.Guarantees;

public class AcledCsvTests
{
    private static IncidentImport ReadSample() => AcledCsv.Read(new StreamReader(SampleData.AcledSamplePath));

    private static IncidentImport ReadText(string text) => AcledCsv.Read(new StringReader(text));

    [Fact]
    public void Read_RealSample_AllThousandRowsAccepted()
    {
        var result = ReadSample();
        Assert.Empty(result.Errors);
        Assert.Equal(1000, result.RowsRead);
        Assert.Equal(1000, result.Incidents.Count);
        Assert.Equal(772, result.Incidents.Count(i => i.EventType == "Explosions/Remote violence"));
        Assert.Equal(660, result.Incidents.Count(i => i.SubEventType == "Shelling/artillery/missile attack"));
        Assert.Equal(91, result.Incidents.Count(i => i.SubEventType == "Air/drone strike"));
        Assert.Equal(180, result.Incidents.Count(i => i.EventType == "Battles"));
        Assert.All(result.Incidents, i => Assert.Equal(VerificationState.Reported, i.State));
    }

    [Fact]
    public void Read_RealSample_FieldsAgreeWithFrameworkParser()
    {
        var rows = SampleData.ReadWithFramework(SampleData.AcledSamplePath);
        var h = rows[0].Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var byId = ReadSample().Incidents.ToDictionary(i => i.Id);
        foreach (var row in rows.Skip(1))
        {
            var incident = byId[row[h["event_id_cnty"]]];
            var day = DateOnly.ParseExact(row[h["event_date"]], "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.Equal(day.ToDateTime(TimeOnly.MinValue), row[h["time_precision"]] == "1" ? incident.Time.Start.UtcDateTime : day.ToDateTime(TimeOnly.MinValue));
            Assert.Equal(double.Parse(row[h["latitude"]], CultureInfo.InvariantCulture), incident.Location.Latitude);
            Assert.Equal(row[h["admin1"]], incident.Location.Admin1 ?? "");
            Assert.Equal(int.Parse(row[h["fatalities"]], CultureInfo.InvariantCulture), incident.Fatalities);
            Assert.Equal(row[h["notes"]].Trim(), incident.Notes);
            Assert.Equal(row[h["actor1"]], incident.Actors[0]);
            Assert.Equal(row[h["civilian_targeting"]] == "Civilian targeting", incident.TargetClasses.Contains(TargetClass.Civilians));
        }
    }

    [Fact]
    public void Read_TimePrecision_WeekAndMonthIntervals()
    {
        var byId = ReadSample().Incidents.ToDictionary(i => i.Id);
        var rows = SampleData.ReadWithFramework(SampleData.AcledSamplePath);
        var h = rows[0].Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var month = rows.Skip(1).Single(r => r[h["time_precision"]] == "3");
        var t = byId[month[h["event_id_cnty"]]].Time;
        Assert.Equal((TimePrecision.Month, 1, 1), (t.Precision, t.Start.Day, t.End.Day));
        Assert.Equal(t.Start.AddMonths(1), t.End);
        var week = rows.Skip(1).First(r => r[h["time_precision"]] == "2");
        Assert.Equal(TimeSpan.FromDays(7), byId[week[h["event_id_cnty"]]].Time.End - byId[week[h["event_id_cnty"]]].Time.Start);
    }

    [Fact]
    public void Read_ReorderedColumnsAndIsoDates_SameIncidents()
    {
        var rows = SampleData.ReadWithFramework(SampleData.AcledSamplePath);
        var dateColumn = Array.IndexOf(rows[0], "event_date");
        var order = Enumerable.Range(0, rows[0].Length).Reverse().ToArray();
        var rewritten = rows.Select((r, n) => order.Select(i => n > 0 && i == dateColumn
            ? DateOnly.ParseExact(r[i], "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : r[i]).ToArray());

        var reordered = ReadText(SampleData.Write(rewritten));

        Assert.Empty(reordered.Errors);
        var original = ReadSample().Incidents.ToDictionary(i => i.Id);
        Assert.Equal(1000, reordered.Incidents.Count);
        Assert.All(reordered.Incidents, i =>
        {
            var o = original[i.Id];
            Assert.Equal((o.Time, o.EventType, o.SubEventType, o.Location, o.Fatalities), (i.Time, i.EventType, i.SubEventType, i.Location, i.Fatalities));
            Assert.Equal(o.Actors, i.Actors);
        });
    }

    [Theory]
    [InlineData("14/08/2020 00:00:00")]
    [InlineData("14/08/2020")]
    [InlineData("2020-08-14")]
    [InlineData("2020-08-14T00:00:00Z")]
    [InlineData("2020-08-14T23:30:00-05:00")]
    [InlineData("14 August 2020")]
    [InlineData("14-Aug-2020")]
    [InlineData("August 14, 2020")]
    public void Read_OddDateFormats_SameDay(string date)
    {
        var result = ReadText($"event_id_cnty,event_date,event_type,latitude,longitude\nUKR1,\"{date}\",Battles,50.1,30.2\n");
        Assert.Empty(result.Errors);
        Assert.Equal(new DateTimeOffset(2020, 8, 14, 0, 0, 0, TimeSpan.Zero), result.Incidents.Single().Time.Start);
    }

    [Theory]
    [InlineData("08/14/2020")]
    [InlineData("31/02/2023")]
    [InlineData("yesterday")]
    public void Read_UnreadableDate_RejectedNamingLineAndField(string date)
    {
        var result = ReadText($"event_id_cnty,event_date,event_type,latitude,longitude\nUKR1,10/03/2024,Battles,50.1,30.2\nUKR2,{date},Battles,50.1,30.2\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "event_date"), (error.Line, error.Field));
        Assert.Contains(date, error.Message, StringComparison.Ordinal);
        Assert.Equal(["UKR1"], result.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Read_CorruptedCopyOfSample_LineExactErrorsRestImported()
    {
        var lines = File.ReadAllLines(SampleData.AcledSamplePath);
        var header = lines[0].Split(',');
        var latitude = Array.IndexOf(header, "latitude");
        // Line numbers are 1-based physical lines; the header is line 1.
        lines[4] = lines[4].Replace(",2023,", ",2023,").Replace(lines[4].Split(',')[3], "31/02/2023 00:00:00");
        lines[9] = lines[9][..lines[9].LastIndexOf(',')];
        var quoteStart = lines[19].IndexOf(",\"", StringComparison.Ordinal);
        var quoteEnd = lines[19].IndexOf("\",", quoteStart + 2, StringComparison.Ordinal);
        lines[19] = lines[19].Remove(quoteEnd, 1);
        var cells = lines[29].Split(',');
        lines[29] = lines[29].Replace($",{cells[latitude]},", ",north,");
        lines[39] = lines[39].Replace(",Europe,", ",Eu\"rope,");

        var result = ReadText(string.Join('\n', lines));

        Assert.Equal([(5, "event_date"), (10, "row"), (20, "notes"), (30, "latitude"), (40, "region")],
            result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(995, result.Incidents.Count);
        Assert.Equal(5, result.Rejected);
        var ids = result.Incidents.Select(i => i.Id).ToHashSet();
        Assert.Contains(lines[20].Split(',')[2], ids);
        Assert.DoesNotContain(lines[19].Split(',')[2], ids);
    }

    [Fact]
    public void Read_QuoteNeverClosed_ReportedOnOpeningLineEarlierRowsKept()
    {
        var result = ReadText("event_id_cnty,event_date,event_type,latitude,longitude,notes\nA,10/03/2024,Battles,50,30,fine\nB,10/03/2024,Battles,50,30,\"never closed\nC,10/03/2024,Battles,50,30,ok\n");
        Assert.Equal([(3, "notes")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(["A", "C"], result.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Read_QuotedFieldOverTwoLines_Accepted()
    {
        var result = ReadText("event_id_cnty,event_date,event_type,latitude,longitude,notes\nA,10/03/2024,Battles,50,30,\"two\nlines, \"\"quoted\"\"\"\nB,10/03/2024,Battles,50,30,x\n");
        Assert.Empty(result.Errors);
        Assert.Equal("two\nlines, \"quoted\"", result.Incidents[0].Notes);
        Assert.Equal(2, result.Incidents.Count);
    }

    [Fact]
    public void Read_MissingRequiredColumn_FileRejectedNothingImported()
    {
        var rows = SampleData.ReadWithFramework(SampleData.AcledSamplePath);
        var drop = Array.IndexOf(rows[0], "longitude");
        var result = ReadText(SampleData.Write(rows.Select(r => r.Where((_, i) => i != drop).ToArray())));
        Assert.True(result.FileRejected);
        Assert.Empty(result.Incidents);
        Assert.Equal((1, "longitude"), (result.Errors.Single().Line, result.Errors.Single().Field));
        Assert.Equal(1000, result.Rejected);
    }

    [Fact]
    public void Read_DuplicateId_SecondRejected()
    {
        var result = ReadText("event_id_cnty,event_date,event_type,latitude,longitude\nA,10/03/2024,Battles,50,30\nA,11/03/2024,Battles,50,30\n");
        Assert.Equal((3, "event_id_cnty"), (result.Errors.Single().Line, result.Errors.Single().Field));
    }

    [Fact]
    public void Read_YearDisagreesWithDate_Rejected()
    {
        var result = ReadText("event_id_cnty,event_date,year,event_type,latitude,longitude\nA,10/03/2024,2023,Battles,50,30\n");
        Assert.Equal((2, "year"), (result.Errors.Single().Line, result.Errors.Single().Field));
    }

    [Fact]
    public void Read_EmptyInput_ErrorNotCrash()
    {
        var result = ReadText("");
        Assert.True(result.FileRejected);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Read_SeededGarbage_NeverThrows()
    {
        var random = new Random(5);
        var sample = File.ReadAllText(SampleData.AcledSamplePath)[..20000].ToCharArray();
        for (var round = 0; round < 200; round++)
        {
            var copy = (char[])sample.Clone();
            for (var k = 0; k < 30; k++) copy[random.Next(copy.Length)] = "\",\n\r;x9-/ "[random.Next(10)];
            var result = ReadText(new string(copy));
            Assert.True(result.Incidents.Count + result.Rejected <= result.RowsRead + 1);
        }
    }

    [Fact]
    public void Evaluate_SampleTermOverMarch2023AndRegion_CountsMatchHandCheck()
    {
        // Hand check (independent script over the CSV): rows of Explosions/Remote violence whose actor1 is the
        // Russian military, in the named oblast, whose date interval lies in March 2023. No two of them are duplicates.
        var verified = ReadSample().Incidents.Select(i =>
        {
            var party = i.Actors[0].StartsWith("Military Forces of Russia", StringComparison.Ordinal) ? "ru"
                : i.Actors[0].StartsWith("Military Forces of Ukraine", StringComparison.Ordinal) ? "ua" : null;
            return i.Review(new VerificationStep(VerificationState.UnderReview, i.Time.End, "test"))
                .Review(new VerificationStep(VerificationState.Verified, i.Time.End, "test", "ACLED", party));
        }).ToArray();
        var index = IncidentIndex.Build(verified);
        var march = new TimeWindow(new(2023, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2023, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Prohibition Term(string oblast) => new($"no-explosions-{oblast}", "No explosions", ["ru"],
            [new ConductRule("explosions", ["Explosions/Remote violence"])], new Area([new AdminRegion(oblast)]), march);
        var terms = new[] { Term("Donetsk"), Term("Kharkiv"), Term("Kherson") };
        var events = terms.Select(t => new LifecycleEvent(t.Id, LifecycleAction.EnterIntoForce, march.Start, "test"));

        var result = GuaranteeEvaluator.Evaluate(terms, index, events, march.End!.Value.AddDays(10));

        Assert.Equal([106, 75, 84], result.Commitments.Select(c => c.Breaches.Count));
        Assert.Equal(1, index.Groups.DuplicatesGrouped);
    }
}
