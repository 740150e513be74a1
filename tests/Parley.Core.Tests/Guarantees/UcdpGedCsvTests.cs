using Parley.Core.Formats.Ucdp;
using Parley.Core.Guarantees;

namespace Parley.Core.Tests.Guarantees;

public class UcdpGedCsvTests
{
    private const string Header = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";

    private static string Row(string id, int violence, string start, string end, string lat = "48.0159", string lon = "37.8028", string best = "3", string year = "2023") =>
        $"{id},UKR-2023-1-{id},{year},1,Clear,{violence},13243,13243,Russia - Ukraine,14400,14400,Government of Russia (Soviet Union) - Government of Ukraine,57,57,Government of Russia (Soviet Union),190,190,Government of Ukraine,2,\"Kyiv Independent,2023-03-01;Reuters,2023-03-02\",,,,\"Ukrainian forces reported\",1,Donetsk town,\"Donetsk, Donetsk oblast\",Donetsk oblast,Donetskyi raion,{lat},{lon},POINT ({lon} {lat}),170000,Ukraine,369,Europe,1,1,{start},{end},0,0,{best},0,{best},{best},{best},365,369";

    [Fact]
    public void Read_GedRows_MappedWithUcdpTaxonomy()
    {
        var csv = string.Join('\n', Header, Row("500001", 1, "2023-03-01", "2023-03-01"), Row("500002", 3, "2023-03-02 00:00:00.000", "2023-03-04 00:00:00.000", best: "7"));
        var result = UcdpGedCsv.Read(new StringReader(csv));
        Assert.Empty(result.Errors);
        var (a, b) = (result.Incidents[0], result.Incidents[1]);
        Assert.Equal((UcdpGedCsv.StateBased, TimePrecision.Day, 3), (a.EventType, a.Time.Precision, a.Fatalities));
        Assert.Equal(["Government of Russia (Soviet Union)", "Government of Ukraine"], a.Actors);
        Assert.Equal(("Donetsk oblast", "Donetskyi raion", 48.0159), (a.Location.Admin1, a.Location.Admin2, a.Location.Latitude));
        Assert.Equal((UcdpGedCsv.OneSided, TimePrecision.Range, 7), (b.EventType, b.Time.Precision, b.Fatalities));
        Assert.Equal(TimeSpan.FromDays(3), b.Time.End - b.Time.Start);
        Assert.Equal([TargetClass.Civilians], b.TargetClasses);
        Assert.Empty(a.TargetClasses);
    }

    [Fact]
    public void Read_BadRows_EachNamesLineAndField()
    {
        var csv = string.Join('\n', Header,
            Row("1", 1, "2023-03-01", "2023-03-01"),
            Row("2", 4, "2023-03-01", "2023-03-01"),
            Row("3", 1, "2023-03-05", "2023-03-01"),
            Row("4", 1, "2023-03-01", "2023-03-01", lat: "95"),
            Row("5", 1, "2023-03-01", "2023-03-01", best: "-2"),
            Row("6", 1, "2023-03-01", "2023-03-01", year: "2022"));
        var result = UcdpGedCsv.Read(new StringReader(csv));
        Assert.Equal([(3, "type_of_violence"), (4, "date_end"), (5, "latitude"), (6, "best"), (7, "year")],
            result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(["1"], result.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Read_AcledFileAsUcdp_FileRejectedNamingMissingColumns()
    {
        var result = UcdpGedCsv.Read(new StringReader("event_id_cnty,event_date,event_type,latitude,longitude\nA,10/03/2024,Battles,50,30\n"));
        Assert.True(result.FileRejected);
        Assert.Equal(["id", "type_of_violence", "date_start"], result.Errors.Select(e => e.Field));
    }
}
