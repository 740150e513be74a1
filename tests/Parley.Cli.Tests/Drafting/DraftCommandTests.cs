using System.CommandLine;
using System.Text.Json;
using Parley.Cli;

namespace Parley.Cli.Tests.Drafting;

/// <summary>Runs <c>parley draft …</c> in-process with redirected output and checks what a user sees and the exit code.</summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-draft-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = ParleyCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SharedDraft(string name) => CliRunner.Repo("tests", "data", "drafts", name);

    [Fact]
    public void Check_ParisOct23_PrintsFileLineColForEachProblemAndExits1()
    {
        string path = SharedDraft("cop21-2015-10-23.md");
        var (exit, output, _) = Run("draft", "check", path);
        Assert.Equal(1, exit);
        var errors = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(": warning: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal([$"{path}:24:287", $"{path}:30:715", $"{path}:869:147"], errors.Select(l => string.Join(':', l.Split(':').Take(3))));
    }

    [Fact]
    public void Check_CleanDraft_Exits0AndPrintsNothingOnOutput()
    {
        var (exit, output, error) = Run("draft", "check", Write("clean.md", "Parties [shall][should] act.\n"));
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("0 problems", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_MoreOpeningBracketsThanTheLimit_Exits2WithTheReason_InsteadOfReadingIt()
    {
        // Over a megabyte, so that the large-file path (no collections, two cores) is the one refusing it.
        string path = Write("bomb.md", "# Bomb\n\n" + new string('[', Parley.Core.Drafting.DraftLimits.MaxOpeningBrackets + 600_000));

        var (exit, output, error) = Run("draft", "stats", path);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{path}: the draft holds 1,100,000 opening brackets; at most 500,000 are read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFile_Exits2WithClearMessage()
    {
        string path = Path.Combine(_dir, "missing.md");
        var (exit, output, error) = Run("draft", "check", path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"parley: {path}: file not found", error.Trim());
    }

    [Fact]
    public void Check_CorruptDocx_Exits2WithoutStackTrace()
    {
        var (exit, _, error) = Run("draft", "check", Write("bad.docx", "not a zip"));
        Assert.Equal(2, exit);
        Assert.Contains("not a valid .docx", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_Json_HasTheRequiredFieldsWithParisFigures()
    {
        var (exit, output, _) = Run("draft", "stats", SharedDraft("cop21-2015-10-23.md"), "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1025, root.GetProperty("opens").GetInt32());
        Assert.Equal(7, root.GetProperty("maxDepth").GetInt32());
        Assert.Equal(143, root.GetProperty("optionLabels").GetInt32());
        Assert.True(root.GetProperty("topLevel").GetInt32() > 0);
        long words = root.GetProperty("words").GetInt64(), agreed = root.GetProperty("agreedWords").GetInt64();
        Assert.Equal((double)agreed / words, root.GetProperty("agreedShare").GetDouble(), 12);
        Assert.Equal([24, 30, 869], root.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        Assert.All(root.GetProperty("problems").EnumerateArray(), p =>
        {
            Assert.True(p.GetProperty("column").GetInt32() > 0);
            Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString()));
        });
    }

    [Fact]
    public void Stats_AdoptedText_AgreedShareOne()
    {
        var (_, output, _) = Run("draft", "stats", SharedDraft("cop21-2015-12-12.md"), "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("opens").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("agreedShare").GetDouble());
    }

    [Fact]
    public void Stats_Table_ShowsFiguresAndParties()
    {
        var (exit, output, _) = Run("draft", "stats", Write("d.md", "The line [UA: is frozen][RU: moves].\n"));
        Assert.Equal(0, exit);
        Assert.Matches(@"opening brackets\s*│\s*2\s*│", output);
        Assert.Matches(@"agreed share\s*│\s*40\.0 %", output);
        Assert.Matches(@"RU\s*│\s*1\s*│\s*1\s*│", output);
    }

    [Fact]
    public void Diff_TwoVersions_ReportsAcceptedAndAddedBrackets()
    {
        string older = Write("v1.md", "Parties [shall] act.\n\nFinance [is] provided.\n");
        string newer = Write("v2.md", "Parties shall act.\n\nFinance [is][may be] provided.\n");
        var (exit, output, _) = Run("draft", "diff", older, newer, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal((2, 2), (root.GetProperty("opensBefore").GetInt32(), root.GetProperty("opensAfter").GetInt32()));
        Assert.Equal(1, root.GetProperty("bracketsAccepted").GetInt32());
        Assert.Equal(1, root.GetProperty("bracketsAdded").GetInt32());
        Assert.Equal(["accepted", "added"], root.GetProperty("brackets").EnumerateArray().Select(b => b.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Diff_Text_SummarisesChange()
    {
        var (exit, output, _) = Run("draft", "diff", Write("a.txt", "A [b] c."), Write("b.txt", "A b c."));
        Assert.Equal(0, exit);
        Assert.Contains("brackets: 1 -> 0", output, StringComparison.Ordinal);
        Assert.Contains("accepted [b]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_MissingNewFile_Exits2()
    {
        var (exit, _, error) = Run("draft", "diff", Write("a.md", "x"), Path.Combine(_dir, "nope.md"));
        Assert.Equal(2, exit);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_CleanWithResolution_PrintsAgreedTextOnly()
    {
        string path = Write("berlin.md", "## Plant <!-- issue: plant -->\n\nThe plant [#us US: is run by the US][#ua UA: returns to Ukraine]. [Other.]\n");
        var (exit, output, _) = Run("draft", "export", path, "--to", "clean", "--resolve", "plant=ua");
        Assert.Equal(0, exit);
        Assert.Equal("## Plant\n\nThe plant returns to Ukraine.\n", output);
    }

    [Fact]
    public void Export_BadResolve_Exits2()
    {
        var (exit, _, error) = Run("draft", "export", Write("x.md", "x"), "--to", "md", "--resolve", "plant");
        Assert.Equal(2, exit);
        Assert.Contains("expected ISSUE=OPTION", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_DocxThenCheck_ReadsBackSameBrackets()
    {
        string docx = Path.Combine(_dir, "out.docx");
        var (exit, _, _) = Run("draft", "export", Write("d.md", "A [b [c]] d [e\n"), "--to", "docx", "--out", docx);
        Assert.Equal(0, exit);
        var (checkExit, output, _) = Run("draft", "check", docx);
        Assert.Equal(1, checkExit);
        Assert.Contains(":1:13: '[' is never closed", output, StringComparison.Ordinal);
    }
}
