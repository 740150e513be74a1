using System.Text.Json.Nodes;
using Parley.Core.Formats.Scenario;

namespace Parley.Cli.Tests.Drafting;

/// <summary><c>parley draft list / add / check / stats / diff</c> on the drafts of a negotiation stored in a SQLite file.</summary>
public sealed class StoredDraftCommandTests : IDisposable
{
    private const string Berlin = "berlin-2025", Framework = "berlin-framework";
    private static readonly string BerlinFile = CliRunner.Repo("scenarios", "berlin-2025.yaml");

    private readonly string _dir = Directory.CreateTempSubdirectory("parley-stored-drafts-").FullName;

    private string Db => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string BerlinText() =>
        ScenarioReader.Read(File.ReadAllText(BerlinFile), "berlin-2025.yaml").Drafts.Single().History.Versions.Single().Document.Text;

    /// <summary>The Berlin text with the territory resolved to the freeze line: what the next day's version might say.</summary>
    private static string NextDay()
    {
        var text = BerlinText();
        var start = text.IndexOf("[#freeze-line UA: ", StringComparison.Ordinal);
        var end = text.IndexOf("frozen].", start, StringComparison.Ordinal) + "frozen]".Length;
        return text[..start] + "the line of contact on the day of signature" + text[end..];
    }

    private async Task<CliRunner.Result> Run(params string[] args) => await CliRunner.Run([.. args, "--database", Db]);

    private async Task ImportBerlin()
    {
        var import = await Run("import", BerlinFile);
        Assert.True(import.Exit == 0, import.Error);
    }

    [Fact]
    public async Task List_ImportedBerlin_ShowsTheFrameworkVersion15DecByTheUs()
    {
        await ImportBerlin();

        var table = await Run("draft", "list", "--negotiation", Berlin);
        var json = await Run("draft", "list", "--negotiation", Berlin, "--json");

        Assert.Equal(0, table.Exit);
        Assert.Contains(Framework, table.Out);
        Assert.Contains("15 Dec", table.Out);
        Assert.Equal(0, json.Exit);
        var draft = JsonNode.Parse(json.Out)!.AsArray().Single()!;
        Assert.Equal(Framework, draft["draft"]!.GetValue<string>());
        var version = draft["versions"]!.AsArray().Single()!;
        Assert.Equal(("15 Dec", "2025-12-15", "us"), (version["version"]!.GetValue<string>(), version["date"]!.GetValue<string>(), version["author"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StatsJson_StoredVersion_GivesTheFiguresOfTheSameTextAsAFile()
    {
        await ImportBerlin();
        var file = Write("berlin.md", BerlinText());

        var stored = await Run("draft", "stats", "--negotiation", Berlin, "--draft", Framework, "--version", "15 dec", "--json");
        var fromFile = await CliRunner.Run("draft", "stats", file, "--json");

        Assert.Equal(0, stored.Exit);
        var a = JsonNode.Parse(stored.Out)!.AsObject();
        var b = JsonNode.Parse(fromFile.Out)!.AsObject();
        Assert.Equal("berlin-framework/15 Dec", a["file"]!.GetValue<string>());
        a.Remove("file");
        b.Remove("file");
        Assert.Equal(b.ToJsonString(), a.ToJsonString());
        Assert.Equal(7, a["opens"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddThenDiff_NextDayVersion_StoredAndComparedWithTheOneBefore()
    {
        await ImportBerlin();
        var next = Write("16dec.md", NextDay());

        var add = await Run("draft", "add", "--negotiation", Berlin, "--draft", Framework, "--version", "16 Dec", "--date", "2025-12-16", "--author", "us", next);
        var byDefault = await Run("draft", "diff", "--negotiation", Berlin, "--draft", Framework, "--json");
        var named = await Run("draft", "diff", "--negotiation", Berlin, "--draft", Framework, "--from", "15 Dec", "--to", "16 Dec", "--json");
        var table = await Run("draft", "diff", "--negotiation", Berlin, "--draft", Framework);
        var check = await Run("draft", "check", "--negotiation", Berlin, "--draft", Framework);

        Assert.True(add.Exit == 0, add.Error);
        Assert.Contains("stored berlin-framework/16 Dec", add.Out);
        Assert.Equal(0, byDefault.Exit);
        Assert.Equal(byDefault.Out, named.Out);
        var diff = JsonNode.Parse(byDefault.Out)!;
        Assert.Equal(("berlin-framework/15 Dec", "berlin-framework/16 Dec"), (diff["old"]!.GetValue<string>(), diff["new"]!.GetValue<string>()));
        Assert.Equal((7, 3), (diff["opensBefore"]!.GetValue<int>(), diff["opensAfter"]!.GetValue<int>()));
        Assert.Equal(0, table.Exit);
        Assert.Contains("16 Dec", table.Out);
        Assert.Equal(0, check.Exit);
        Assert.Contains("berlin-framework/16 Dec: 0 problem(s)", check.Error);
    }

    [Fact]
    public async Task ExportThenImportReplace_KeepsEveryVersion()
    {
        await ImportBerlin();
        await Run("draft", "add", "--negotiation", Berlin, "--draft", Framework, "--version", "16 Dec", "--date", "2025-12-16", Write("16dec.md", NextDay()));
        var exported = Path.Combine(_dir, "export.yaml");

        Assert.Equal(0, (await Run("export", Berlin, "--output", exported)).Exit);
        var import = await Run("import", exported, "--replace");
        var list = await Run("draft", "list", "--negotiation", Berlin, "--json");

        Assert.True(import.Exit == 0, import.Error);
        Assert.Contains("1 draft(s) with 2 version(s)", import.Out);
        Assert.Equal(["15 Dec", "16 Dec"], JsonNode.Parse(list.Out)!.AsArray().Single()!["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()));
        var stats = await Run("draft", "stats", "--negotiation", Berlin, "--draft", Framework, "--version", "16 Dec", "--json");
        Assert.Equal(3, JsonNode.Parse(stats.Out)!["opens"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("no negotiation 'nope' in the database", "draft", "list", "--negotiation", "nope")]
    [InlineData("no negotiation 'nope' in the database", "draft", "stats", "--negotiation", "nope", "--draft", Framework)]
    [InlineData("no draft 'other' in 'berlin-2025' (drafts: berlin-framework)", "draft", "stats", "--negotiation", Berlin, "--draft", "other")]
    [InlineData("no version '1 Jan' of draft 'berlin-framework' (versions: 15 Dec)", "draft", "stats", "--negotiation", Berlin, "--draft", Framework, "--version", "1 Jan")]
    [InlineData("no version 'x' of draft 'berlin-framework'", "draft", "diff", "--negotiation", Berlin, "--draft", Framework, "--from", "x")]
    [InlineData("is the first of draft 'berlin-framework'", "draft", "diff", "--negotiation", Berlin, "--draft", Framework)]
    [InlineData("--draft KEY is required", "draft", "stats", "--negotiation", Berlin)]
    [InlineData("not a valid draft key", "draft", "check", "--negotiation", Berlin, "--draft", "no spaces")]
    [InlineData("not both", "draft", "stats", "some.md", "--negotiation", Berlin, "--draft", Framework)]
    [InlineData("name a draft FILE", "draft", "stats")]
    [InlineData("--version names a stored version", "draft", "stats", "some.md", "--version", "15 Dec")]
    [InlineData("--from and --to name stored versions", "draft", "diff", "a.md", "b.md", "--to", "15 Dec")]
    public async Task StoredDraft_UnknownOrMissingName_OneLineErrorExit2(string message, params string[] args)
    {
        await ImportBerlin();

        var run = await Run(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Add_LabelUsedOrDateBeforeTheLast_Exit2NamingTheOption_AndStoresNothing()
    {
        await ImportBerlin();
        var next = Write("next.md", NextDay());

        var used = await Run("draft", "add", "-n", Berlin, "--draft", Framework, "--version", "15 DEC", next);
        var earlier = await Run("draft", "add", "-n", Berlin, "--draft", Framework, "--version", "14 Dec", "--date", "2025-12-14", next);
        var badDate = await Run("draft", "add", "-n", Berlin, "--draft", Framework, "--version", "x", "--date", "16.12.2025", next);
        var missing = await Run("draft", "add", "-n", Berlin, "--draft", Framework, "--version", "x", Path.Combine(_dir, "missing.md"));
        var unknown = await Run("draft", "add", "-n", "nope", "--draft", Framework, "--version", "x", next);

        Assert.Equal((2, 2, 2, 2, 2), (used.Exit, earlier.Exit, badDate.Exit, missing.Exit, unknown.Exit));
        Assert.Contains("--version: Version label '15 DEC' is used twice", used.Error);
        Assert.Contains("--date:", earlier.Error);
        Assert.Contains("--date: '16.12.2025'", badDate.Error);
        Assert.Contains("missing.md", missing.Error);
        Assert.Contains("no negotiation 'nope'", unknown.Error);
        var list = await Run("draft", "list", "-n", Berlin, "--json");
        Assert.Single(JsonNode.Parse(list.Out)!.AsArray().Single()!["versions"]!.AsArray());
    }

    [Fact]
    public async Task Add_UnbalancedBracketOrUnknownLink_PrintsFileLineColumn_Exit1_StoresNothing_UnlessProblemsAccepted()
    {
        await ImportBerlin();
        var unbalanced = Write("broken.md", "# Title\n\nThe Parties [shall\nagree.]]\n");
        var badLink = Write("links.md", "## Plant <!-- issue: plant -->\n\nThe plant [#us US: is run by the US].\n");

        var refused = await Run("draft", "add", "-n", Berlin, "--draft", "memo", "--version", "v1", unbalanced);
        var links = await Run("draft", "add", "-n", Berlin, "--draft", "memo", "--version", "v1", badLink);
        var listed = await Run("draft", "list", "-n", Berlin, "--json");
        var accepted = await Run("draft", "add", "-n", Berlin, "--draft", "memo", "--version", "v1", "--accept-problems", unbalanced);

        Assert.Equal(1, refused.Exit);
        Assert.Contains($"{unbalanced}:4:8:", refused.Out);
        Assert.Equal(1, links.Exit);
        Assert.Contains($"{badLink}:1:10: unknown issue 'plant'", links.Out);
        Assert.Single(JsonNode.Parse(listed.Out)!.AsArray());
        Assert.True(accepted.Exit == 0, accepted.Error);
    }
}
