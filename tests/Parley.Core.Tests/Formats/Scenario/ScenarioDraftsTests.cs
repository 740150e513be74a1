using Parley.Core.Drafting;
using Parley.Core.Formats.Scenario;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>The drafts section: every version comes back exactly, and bad drafts are refused with line and field.</summary>
public class ScenarioDraftsTests
{
    private const string Head = """
        negotiation: {id: t, title: T}
        parties:
          - {id: ua, name: Ukraine, roles: [principal]}
          - {id: ru, name: Russia, roles: [principal]}
        issues:
          - id: territory
            title: Territory
            options:
              - {id: freeze, label: Freeze}
              - {id: withdraw, label: Withdraw}

        """;

    private const string Older = "# Territory <!-- issue: territory -->\n\nThe line [#freeze UA: at signing][#withdraw RU: after withdrawal] is final.\n";
    private const string Newer = "# Territory <!-- issue: territory -->\n\nThe line at signing is final.\n";

    private static ScenarioReadResult Read(string body) => ScenarioReader.Read(Head + body, "t.yaml");

    private static DraftVersion Version(string label, DateOnly? date, string text, string? author = null, DraftFormat format = DraftFormat.Markdown) =>
        new(label, date, DraftParser.Parse(text, format), author);

    private static ScenarioDraft Draft(string key, params DraftVersion[] versions) => new(key, new DraftHistory(versions));

    private static (string Text, ScenarioReadResult Back) RoundTrip(params ScenarioDraft[] drafts)
    {
        var head = Read("");
        Assert.True(head.Ok, string.Join("\n", head.Errors));
        var text = ScenarioWriter.Write(head.Negotiation!, drafts: drafts);
        return (text, ScenarioReader.Read(text, "written.yaml"));
    }

    private static void AssertSame(IReadOnlyList<ScenarioDraft> expected, IReadOnlyList<ScenarioDraft> actual)
    {
        Assert.Equal(expected.Select(d => d.Key), actual.Select(d => d.Key));
        for (var k = 0; k < expected.Count; k++)
        {
            var (a, b) = (expected[k].History.Versions, actual[k].History.Versions);
            Assert.Equal(a.Select(v => (v.Label, v.Date, v.Author, v.Document.Format, v.Document.Text)),
                b.Select(v => (v.Label, v.Date, v.Author, v.Document.Format, v.Document.Text)));
        }
    }

    [Fact]
    public void RoundTrip_TwoDraftsWithVersions_ComeBackExactly_AsLiteralBlocks_AndTheSchemaAccepts()
    {
        ScenarioDraft[] drafts =
        [
            Draft("framework", Version("14 Dec", new(2025, 12, 14), Older, "us"), Version("rev.2", null, Newer, null, DraftFormat.PlainText)),
            Draft("annex-1", Version("2025-12-20", new(2025, 12, 20), "Annex text\nwith two lines")),
        ];

        var (text, back) = RoundTrip(drafts);

        Assert.True(back.Ok, string.Join("\n", back.Errors));
        AssertSame(drafts, back.Drafts);
        Assert.Matches(@"\n +text: \|\n +# Territory <!-- issue: territory -->\n\n +The line \[#freeze", text);
        Assert.Matches(@"\n +text: \|-\n +Annex text\n +with two lines\n", text);
        Assert.Contains("format: text", text, StringComparison.Ordinal);
        Assert.Equal(text, ScenarioWriter.Write(back.Negotiation!, drafts: back.Drafts));
        Assert.Empty(SchemaCheck.Problems(text));
    }

    [Theory]
    [InlineData("no final line break")]
    [InlineData("two final line breaks\n\n")]
    [InlineData("\n\nleading blank lines\n")]
    [InlineData("  leading spaces\nsecond\n")]
    [InlineData("trailing spaces  \nMarkdown hard break\n")]
    [InlineData("tab\tinside\n\tand indented by a tab\n")]
    [InlineData("Windows\r\nline breaks\r\n")]
    [InlineData("---\nfront: matter\n---\n# Title\n\n- item: [a]\n  key: 'quoted' \"x\" # not a comment\n")]
    [InlineData("|\n> folded?\n%TAG !x\n...\n")]
    [InlineData("unicode «agreed» ✓ \u2028 separator \u0085 next line \uFEFF bom\n")]
    [InlineData("true")]
    [InlineData("   ")]
    public void RoundTrip_AwkwardText_ComesBackCharacterForCharacter(string draftText)
    {
        var drafts = new[] { Draft("d", Version("v1", null, draftText)) };

        var (text, back) = RoundTrip(drafts);

        Assert.True(back.Ok, text + "\n" + string.Join("\n", back.Errors));
        Assert.Equal(draftText, back.Drafts.Single().History.Versions.Single().Document.Text);
    }

    [Fact]
    public void RoundTrip_RandomTexts_ComeBackCharacterForCharacter()
    {
        const string alphabet = "ab [] {}#:-|>'\"\t\r\n  \\\u00e9\u2028\u0085\u0007%&*!@`,?";
        var random = new Random(20251215);
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(1, 60)];
            for (var k = 0; k < chars.Length; k++) chars[k] = alphabet[random.Next(alphabet.Length)];
            var draftText = new string(chars);
            if (draftText.Trim().Length == 0) continue;

            var (text, back) = RoundTrip(Draft("d", Version("v1", null, draftText)));

            Assert.True(back.Ok, text + "\n" + string.Join("\n", back.Errors));
            Assert.Equal(draftText, back.Drafts.Single().History.Versions.Single().Document.Text);
        }
    }

    [Theory]
    [InlineData("- {id: d, versions: [{label: v1, text: a}]}\n- {id: d, versions: [{label: v1, text: b}]}\n", 13, "drafts[1].id", "listed twice")]
    [InlineData("- {id: d, versions: [{label: v1, text: a}, {label: V1, text: b}]}\n", 12, "drafts[0].versions[1].label", "used twice")]
    [InlineData("- {id: d, versions: [{label: v1, date: 2025-12-15, text: a}, {label: v2, date: 2025-12-14, text: b}]}\n", 12, "drafts[0].versions[1].date", "dated before")]
    [InlineData("- {id: d, versions: [{label: v1, date: 2025-12-32, text: a}]}\n", 12, "drafts[0].versions[0].date", "calendar day")]
    [InlineData("- {id: d, versions: [{label: v1, date: 2025-12-15T10:00Z, text: a}]}\n", 12, "drafts[0].versions[0].date", "calendar day")]
    [InlineData("- {id: d, versions: [{label: v1, format: pdf, text: a}]}\n", 12, "drafts[0].versions[0].format", "allowed: markdown, text")]
    [InlineData("- {id: d, versions: [{label: a/b, text: a}]}\n", 12, "drafts[0].versions[0].label", "'/'")]
    [InlineData("- {id: d, versions: [{label: v1}]}\n", 12, "drafts[0].versions[0].text", "required")]
    [InlineData("- {id: d, versions: []}\n", 12, "drafts[0].versions", "at least one version")]
    [InlineData("- {id: 'bad key', versions: [{label: v1, text: a}]}\n", 12, "drafts[0].id", "not a valid id")]
    [InlineData("- {id: d, versions: [{label: v1, text: a, colour: red}]}\n", 12, "drafts[0].versions[0].colour", "unknown field")]
    public void Read_BadDraft_RefusesTheFileWithLineAndField(string items, int line, string field, string message)
    {
        var result = Read("drafts:\n" + items);

        Assert.Null(result.Negotiation);
        Assert.Empty(result.Drafts);
        var error = Assert.Single(result.Errors);
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownIssueTagInALiteralBlock_IsReportedAtItsOwnLineAndColumnOfTheFile()
    {
        var result = Read("""
            drafts:
              - id: framework
                versions:
                  - label: v1
                    text: |
                      # Preamble

                      ## Plant <!-- issue: plant -->

                      The plant is restarted.
                  - label: v2
                    text: |
                      Later.

            """);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Negotiation);
        Assert.Equal("drafts[0].versions[0].text", error.Field);
        Assert.Equal((18, 20), (error.Line, error.Column));
        Assert.Contains("line 3, column 10 of the text: unknown issue 'plant'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OptionNotOfTheTaggedIssue_IsReportedAtTheBracket_OneInAnUntaggedProvisionLinksToNothing()
    {
        var result = Read("""
            drafts:
              - id: framework
                versions:
                  - label: v1
                    text: |
                      # Territory <!-- issue: territory -->

                      The line [#freeze UA: at signing][#cede RU: further west].

                      # Other

                      Text [#freeze UA: here].

            """);

        Assert.Null(result.Negotiation);
        var error = Assert.Single(result.Errors);
        Assert.Equal((18, 44, "drafts[0].versions[0].text"), (error.Line, error.Column, error.Field));
        Assert.Contains("line 3, column 34 of the text: unknown option 'cede' of issue 'territory' (options: freeze, withdraw)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DraftWithUnbalancedBrackets_IsKept_ProblemsAreTheDraftsNotTheFiles()
    {
        var result = Read("drafts:\n  - id: d\n    versions:\n      - label: as-is\n        text: |\n          The Parties [shall agree.\n");

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Single(result.Drafts.Single().History.Versions.Single().Document.Problems);
    }

    [Fact]
    public void Read_DraftWithMoreOpeningBracketsThanTheLimit_RefusesTheFileAtItsText_WithoutReadingIt()
    {
        var text = new string('[', DraftLimits.MaxOpeningBrackets + 1);
        var result = Read("drafts:\n  - id: d\n    versions:\n      - label: bomb\n        text: \"" + text + "\"\n");

        Assert.Null(result.Negotiation);
        var error = Assert.Single(result.Errors);
        Assert.Equal("drafts[0].versions[0].text", error.Field);
        Assert.Equal("the draft holds 500,001 opening brackets; at most 500,000 are read", error.Message);
    }

    [Fact]
    public void Limits_AtTheLimit_IsRead_OneMore_IsRefused()
    {
        Assert.Null(DraftLimits.Refusal("x" + new string('[', DraftLimits.MaxOpeningBrackets) + "]"));
        Assert.NotNull(DraftLimits.Refusal(new string('[', DraftLimits.MaxOpeningBrackets + 1)));
    }
}
