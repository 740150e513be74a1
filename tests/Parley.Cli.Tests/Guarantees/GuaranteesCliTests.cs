using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Parley.Cli.Guarantees;

namespace Parley.Cli.Tests.Guarantees;

public sealed class GuaranteesCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("parley-guarantees-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(TimeProvider clock, params string[] args)
    {
        var root = new RootCommand();
        foreach (var c in GuaranteesCommands.Create(clock)) root.Subcommands.Add(c);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static (int Exit, string Output, string Error) Run(params string[] args) =>
        Run(new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero)), args);

    private const string Acled = """
        event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,admin1,location,latitude,longitude,fatalities,civilian_targeting
        UKR1,25/12/2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),Kharkiv,Kharkiv,49.99,36.23,0,Civilian targeting
        UKR2,25/12/2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),Kharkiv,Kharkiv,49.99,36.23,0,Civilian targeting
        UKR3,26/12/2025,1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Ukraine (2019-),Belgorod,Belgorod,50.6,36.6,1,
        UKR4,20/12/2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),Kyiv,Kyiv,50.45,30.52,2,Civilian targeting
        UKR5,not a date,1,Battles,Armed clash,Military Forces of Russia (2000-),Donetsk,Bakhmut,48.6,38.0,0,
        """;

    private const string Guarantees = """
        commitments:
          - id: truce
            kind: prohibition
            title: Christmas truce on civilians
            bound: [ru, ua]
            window: { start: 2025-12-24T00:00:00Z, end: 2026-01-08T00:00:00Z }
            rules:
              - { id: civilians, event_types: [Explosions/Remote violence], target_classes: [civilians] }
          - id: respond
            kind: obligation
            title: Respond within 72 h of a verified armed attack
            debtors: [us]
            creditor: ua
            action: respond
            deadline: 72h
            trigger:
              incident: { event_types: [Explosions/Remote violence], attributed_to: [ru] }
        events:
          - { commitment: truce, action: enter_into_force, at: 2025-12-22T00:00:00Z, cause: signed in Berlin }
          - { commitment: respond, action: enter_into_force, at: 2025-12-22T00:00:00Z, cause: signed in Berlin }
        source_trust:
          reviewer: ACLED
          attribution:
            - { actor_prefix: Military Forces of Russia, party: ru }
            - { actor_prefix: Military Forces of Ukraine, party: ua }
        """;

    [Fact]
    public void IncidentsCheck_Json_CountsAndLineExactErrors()
    {
        var (exit, output, _) = Run("incidents", "check", WriteFile("a.csv", Acled), "--format", "acled", "--json");
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("imported").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected").GetInt32());
        Assert.Equal(1, root.GetProperty("duplicatesGrouped").GetInt32());
        var error = root.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((6, "event_date"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public void IncidentsCheck_CleanFile_ExitZero()
    {
        var clean = string.Join('\n', Acled.Split('\n').Where(l => !l.Contains("not a date", StringComparison.Ordinal)));
        var (exit, output, _) = Run("incidents", "check", WriteFile("a.csv", clean), "--format", "acled");
        Assert.Equal(0, exit);
        Assert.Contains("imported 4, rejected 0, duplicates grouped 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IncidentsCheck_MissingFile_MessageNotCrash()
    {
        var (exit, _, error) = Run("incidents", "check", Path.Combine(_dir.FullName, "none.csv"), "--format", "acled");
        Assert.Equal(1, exit);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IncidentsCheck_UnknownFormat_Refused()
    {
        var (exit, _, _) = Run("incidents", "check", WriteFile("a.csv", Acled), "--format", "gdelt");
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void GuaranteesEvaluate_Json_StatesBreachesAndDeadlines()
    {
        var (exit, output, error) = Run("guarantees", "evaluate", "--commitments", WriteFile("g.yaml", Guarantees),
            "--incidents", WriteFile("a.csv", Acled), "--format", "acled", "--as-of", "2025-12-28T00:00:00Z", "--json");
        Assert.Equal(0, exit);
        Assert.Contains(":6: event_date", error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var commitments = doc.RootElement.GetProperty("commitments").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);

        var truce = commitments["truce"];
        Assert.Equal("Violated", truce.GetProperty("state").GetString());
        var breach = truce.GetProperty("breaches").EnumerateArray().Single();
        Assert.Equal(["UKR1", "UKR2"], breach.GetProperty("incidentIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("civilians", breach.GetProperty("rule").GetString());

        // UKR1/2 (one incident) verified at the end of 25 Dec → due 72 h later; UKR4 came before entry into force.
        var duty = commitments["respond"].GetProperty("duties").EnumerateArray().Single();
        Assert.Equal("2025-12-29T00:00:00Z", duty.GetProperty("deadline").GetString());
        Assert.Equal(24 * 3600, duty.GetProperty("timeLeftSeconds").GetDouble());
        Assert.Equal("InEffect", duty.GetProperty("state").GetString());
    }

    [Fact]
    public void GuaranteesEvaluate_OldCamelCaseFile_EvaluatesAndWarnsWithFileLineColumn()
    {
        var old = Guarantees.Replace("attributed_to:", "attributedTo:", StringComparison.Ordinal);
        var (exit, output, error) = Run("guarantees", "evaluate", "--commitments", WriteFile("old.yaml", old),
            "--incidents", WriteFile("a.csv", Acled), "--format", "acled", "--as-of", "2026-01-09T00:00:00Z");
        Assert.Equal(0, exit);
        Assert.Contains("respond  Violated", output, StringComparison.Ordinal);
        Assert.Contains("old.yaml:17:", error, StringComparison.Ordinal);
        Assert.Contains("warning: commitments[1].trigger.incident.attributedTo: 'attributedTo' is deprecated; write 'attributed_to'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GuaranteesEvaluate_DefaultAsOfFromClock_ViolatedAfterDeadline()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 29, 0, 0, 1, TimeSpan.Zero));
        var (exit, output, _) = Run(clock, "guarantees", "evaluate", "--commitments", WriteFile("g.yaml", Guarantees),
            "--incidents", WriteFile("a.csv", Acled), "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var respond = doc.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "respond");
        Assert.Equal("Violated", respond.GetProperty("state").GetString());
    }

    [Fact]
    public void GuaranteesEvaluate_Text_NamesEachCommitment()
    {
        var (exit, output, _) = Run("guarantees", "evaluate", "--commitments", WriteFile("g.yaml", Guarantees),
            "--incidents", WriteFile("a.csv", Acled), "--as-of", "2026-01-09T00:00:00Z");
        Assert.Equal(0, exit);
        Assert.Contains("truce  Violated", output, StringComparison.Ordinal);
        Assert.Contains("respond  Violated", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GuaranteesEvaluate_BadYaml_LineAndColumnExitOne()
    {
        var bad = Guarantees.Replace("deadline: 72h", "deadline: soon", StringComparison.Ordinal);
        var (exit, output, error) = Run("guarantees", "evaluate", "--commitments", WriteFile("g.yaml", bad));
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("g.yaml:15:", error, StringComparison.Ordinal);
        Assert.Contains("'soon'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GuaranteesEvaluate_BadAsOf_Refused()
    {
        var (exit, _, error) = Run("guarantees", "evaluate", "--commitments", WriteFile("g.yaml", Guarantees), "--as-of", "tomorrow");
        Assert.Equal(1, exit);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }
}
