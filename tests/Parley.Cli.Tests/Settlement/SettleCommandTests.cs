using System.CommandLine;
using System.Text;
using System.Text.Json;
using Parley.Cli;

namespace Parley.Cli.Tests.Settlement;

/// <summary><c>parley settle</c> run in-process against the shared GENIUS domains.</summary>
public sealed class SettleCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("parley-settle-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Genius(string domain) => CliRunner.Repo("tests", "data", "genius", domain);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ParleyCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Settle_LaptopJson_ReportsReferenceFigures()
    {
        // reference.tsv, Laptop2011: 27 outcomes, all rational, 4 frontier vectors, KS (0.874, 0.874), opposition 0.1597.
        var (code, output, error) = Run("settle", "--genius", Genius("Laptop2011"), "--json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(27, root.GetProperty("outcomes").GetInt64());
        Assert.Equal(27, root.GetProperty("acceptable").GetInt64());
        Assert.Equal(4, root.GetProperty("pareto").GetArrayLength());
        Assert.Equal(4, root.GetProperty("pareto").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64()));
        var ks = root.GetProperty("kalaiSmorodinsky").GetProperty("utilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(0.874, ks[0], 4);
        Assert.Equal(0.874, ks[1], 4);
        Assert.Equal(3, root.GetProperty("nash").GetProperty("outcome").EnumerateObject().Count());
        Assert.Equal(0.1597, root.GetProperty("opposition").GetDouble(), 4);
        Assert.True(root.GetProperty("elapsedMs").GetInt64() >= 0);
    }

    [Fact]
    public void Settle_NoProfilesOption_UsesFirstTwoProfilesInFileOrder()
    {
        var (code, output, _) = Run("settle", "--genius", Genius("Party_multi9"), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var parties = json.RootElement.GetProperty("parties").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal<string>(["party1_utility", "party1_utility100"], parties);
    }

    [Fact]
    public void Settle_ThreeProfiles_ReportsThreeUtilities()
    {
        var (code, output, _) = Run("settle", "--genius", Genius("Party_multi9"), "--profiles", "party1_utility.xml,party2_utility.xml,party3_utility.xml", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(99, json.RootElement.GetProperty("pareto").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("nash").GetProperty("utilities").GetArrayLength());
    }

    [Fact]
    public void Settle_Text_ShowsCountsAndPoints()
    {
        var (code, output, _) = Run("settle", "--genius", Genius("FlightBooking2012A"));

        Assert.Equal(0, code);
        Assert.Contains("acceptable:        18", output);
        Assert.Contains("nash:", output);
    }

    [Fact]
    public void Settle_MissingFolder_ErrorWithoutStackTrace()
    {
        var (code, output, error) = Run("settle", "--genius", Path.Combine(_temp, "nope"));

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.Contains("no such folder", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Settle_MissingProfile_NamesTheFile()
    {
        var (code, _, error) = Run("settle", "--genius", Genius("Laptop2011"), "--profiles", "nobody.xml");

        Assert.NotEqual(0, code);
        Assert.Contains("nobody.xml", error);
    }

    [Fact]
    public void Settle_BrokenProfile_ReportsFileLineAndElement()
    {
        File.Copy(Path.Combine(Genius("Laptop2011"), "laptop_domain.xml"), Path.Combine(_temp, "domain.xml"));
        File.WriteAllText(Path.Combine(_temp, "a.xml"), "<utility_space>\n<objective index=\"0\" name=\"x\" type=\"objective\">\n<issue index=\"1\" name=\"Laptop\" type=\"discrete\">\n<item index=\"1\" value=\"Dell\" evaluation=\"lots\"/>\n</issue>\n<weight index=\"1\" value=\"1\"/>\n</objective>\n</utility_space>\n", Encoding.ASCII);
        File.WriteAllText(Path.Combine(_temp, "b.xml"), "<utility_space><objective><issue name=\"Laptop\" type=\"discrete\"><item value=\"Dell\" evaluation=\"1\"/></issue><weight index=\"1\" value=\"1\"/></objective></utility_space>");

        var (code, _, error) = Run("settle", "--genius", _temp);

        Assert.Equal(2, code);
        Assert.Contains("a.xml:4:2: item: ", error);
        Assert.Contains("lots", error);
    }

    [Fact]
    public void Settle_NotXml_ReportsLine()
    {
        File.Copy(Path.Combine(Genius("Laptop2011"), "laptop_domain.xml"), Path.Combine(_temp, "domain.xml"));
        File.WriteAllText(Path.Combine(_temp, "a.xml"), "<utility_space>\n<objective>\n</utility_space>\n");

        var (code, _, error) = Run("settle", "--genius", _temp);

        Assert.Equal(2, code);
        Assert.Contains("a.xml:3:", error);
        Assert.DoesNotContain("   at ", error);
    }
}
