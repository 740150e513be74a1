using System.CommandLine;
using System.Text.Json;
using Parley.Cli;

namespace Parley.Cli.Tests.Settlement;

/// <summary><c>parley settle --genius</c> on folders as GENIUS ships them: nonlinear ANAC 2014 domains, sidecars, several domains.</summary>
public sealed class SettleGeniusFoldersTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("parley-settle-folders-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Data(params string[] parts) => CliRunner.Repo(["tests", "data", .. parts]);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ParleyCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Settle_NonlinearTenIssues_ExactFrontierAndGeniusComparison()
    {
        var (code, output, error) = Run("settle", "--genius", Data("genius-nonlinear", "10issuesDiscounted"), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(10_000_000_000, root.GetProperty("outcomes").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("acceptable").ValueKind);
        Assert.Equal("exact", root.GetProperty("frontierStatus").GetString());
        Assert.True(root.GetProperty("frontierComplete").GetBoolean());
        var reference = root.GetProperty("reference");
        Assert.Equal("pareto.xml", reference.GetProperty("file").GetString());
        Assert.Equal(8, reference.GetProperty("points").GetInt32());
        Assert.Equal(0, reference.GetProperty("unmatched").GetInt32());
        Assert.Equal(8, reference.GetProperty("matched").GetInt32() + reference.GetProperty("dominated").GetInt32());
        Assert.Equal(10, root.GetProperty("nash").GetProperty("outcome").EnumerateObject().Count());
        Assert.Equal([0.5, 0.5], root.GetProperty("discountFactors").EnumerateArray().Select(e => e.GetDouble()));
        // The comment before each profile's XML declaration is read as GENIUS does, with a warning naming file and line.
        var warnings = root.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal("profile-1.xml", warnings[0].GetProperty("file").GetString());
        Assert.True(warnings[0].GetProperty("line").GetInt32() > 0);
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("pareto.xml: skipped", StringComparison.Ordinal));
        Assert.Contains("profile-1.xml:", error);
        Assert.Contains("warning: a comment before the XML declaration", error);
    }

    [Fact]
    public void Settle_NonlinearText_StatesFrontierAndComparison()
    {
        var (code, output, _) = Run("settle", "--genius", Data("genius-nonlinear", "10issuesDiscounted"));

        Assert.Equal(0, code);
        Assert.Contains("frontier:          exact", output);
        Assert.Contains("GENIUS pareto.xml: 8 points:", output);
        Assert.Contains("0 not reached", output);
    }

    [Fact]
    public void Settle_NonlinearTinyBudget_ReportsStoppedFrontier()
    {
        // The 50-issue ANAC 2014 domain: its exact walk takes seconds of CP-SAT (the 30-issue one may now finish first).
        var (code, output, _) = Run("settle", "--genius", Data("genius-compat", "negmas", "S-1NAGUNL-255"), "--json", "--budget", "0.001");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("stopped-by-budget", json.RootElement.GetProperty("frontierStatus").GetString());
        Assert.False(json.RootElement.GetProperty("frontierComplete").GetBoolean());
    }

    [Fact]
    public void Settle_BadBudget_OneErrorLine()
    {
        var (code, _, error) = Run("settle", "--genius", Data("genius-nonlinear", "10issuesDiscounted"), "--budget", "0");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --budget", error);
    }

    [Fact]
    public void Settle_LinearFolderWithSidecars_SkipsThemWithNotes()
    {
        foreach (var f in Directory.GetFiles(Data("genius", "Laptop2011"))) File.Copy(f, Path.Combine(_temp, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(_temp, "pareto.xml"), "0.5, 0.9\n0.9, 0.5\n");
        File.WriteAllText(Path.Combine(_temp, "build.xml"), "<project name=\"x\"><target name=\"y\"/></project>");

        var (code, output, error) = Run("settle", "--genius", _temp, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("pareto").GetArrayLength());
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("build.xml: skipped", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("pareto.xml: skipped", StringComparison.Ordinal));
        Assert.Contains("note: build.xml: skipped", error);
    }

    [Fact]
    public void Settle_SeveralDomains_ListsTheProfilesOfEach_AndProfilesChooseOne()
    {
        foreach (var d in new[] { "Laptop2011", "FlightBooking2012A" })
            foreach (var f in Directory.GetFiles(Data("genius", d))) File.Copy(f, Path.Combine(_temp, Path.GetFileName(f)));
        var laptop = Directory.GetFiles(Data("genius", "Laptop2011")).Select(Path.GetFileName).Where(f => !f!.Contains("domain", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var (code, _, error) = Run("settle", "--genius", _temp);

        Assert.Equal(2, code);
        Assert.Contains("holds 2 domains", error);
        Assert.Contains($"laptop_domain.xml: --profiles {string.Join(",", laptop)}", error);
        var (chosen, output, _) = Run("settle", "--genius", _temp, "--profiles", string.Join(",", laptop), "--json");
        Assert.Equal(0, chosen);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(27, json.RootElement.GetProperty("outcomes").GetInt64());
    }
}
