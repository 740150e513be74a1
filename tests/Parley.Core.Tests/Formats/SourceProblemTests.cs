using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Genius;
using Parley.Core.Formats.Guarantees;
using Parley.Core.Formats.Scenario;

namespace Parley.Core.Tests.Formats;

/// <summary>The one shape of a problem in a user's file, and every parser reporting in it.</summary>
public class SourceProblemTests
{
    [Fact]
    public void ToString_EveryPart_ReadsAsACompilerDiagnostic()
    {
        var p = new SourceProblem("talks.yaml", 12, 7, "issues[0].id", "duplicate id 'freeze'", "- id: freeze");

        Assert.Equal("talks.yaml:12:7: issues[0].id: duplicate id 'freeze' near \"- id: freeze\"", p.ToString());
        Assert.Equal("talks.yaml:12:7: warning: issues[0].id: duplicate id 'freeze' near \"- id: freeze\"", p.Describe(warning: true));
    }

    [Theory]
    [InlineData("", 4, 8, "", "4:8: ']' has no matching '['")]
    [InlineData("a.csv", 6, 0, "event_date", "a.csv:6: event_date: ']' has no matching '['")]
    [InlineData("big.xml", 0, 0, "", "big.xml: ']' has no matching '['")]
    [InlineData("", 0, 0, "", "']' has no matching '['")]
    public void ToString_UnknownParts_AreLeftOutWithTheirSeparators(string file, int line, int column, string field, string expected) =>
        Assert.Equal(expected, new SourceProblem(file, line, column, field, "']' has no matching '['").ToString());

    [Fact]
    public void Construction_NegativeLineOrEmptyMessage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceProblem("f", -1, 1, "", "bad"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceProblem("f", 1, -1, "", "bad"));
        Assert.Throws<ArgumentException>(() => new SourceProblem("f", 1, 1, "", ""));
    }

    [Fact]
    public void ExcerptAt_LongLine_IsCutAroundTheColumn()
    {
        var line = new string('a', 100) + "HERE" + new string('b', 100);

        var excerpt = SourceProblem.ExcerptAt("first\n" + line + "\nlast", 2, 101);

        Assert.Contains("HERE", excerpt, StringComparison.Ordinal);
        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Equal("", SourceProblem.ExcerptAt("one line", 3, 1));
    }

    [Fact]
    public void ScenarioReader_Error_CarriesFileLineColumnFieldAndExcerpt()
    {
        var error = Assert.Single(ScenarioReader.Read("negotiation:\n  id: t\n  title: T\n  colour: red\n", "t.yaml").Errors);

        Assert.Equal(("t.yaml", 4, 3, "negotiation.colour"), (error.File, error.Line, error.Column, error.Field));
        Assert.Equal("colour: red", error.Excerpt);
    }

    [Fact]
    public void GuaranteesFile_Error_CarriesTheField()
    {
        var (_, errors) = GuaranteesFile.Read(new StringReader("commitments: []\n"), "g.yaml");

        var error = Assert.Single(errors);
        Assert.Equal(("g.yaml", 1, "commitments"), (error.File, error.Line, error.Field));
        Assert.StartsWith("g.yaml:1:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AcledCsv_RowError_CarriesFileLineAndColumnName()
    {
        var import = AcledCsv.Read(new StringReader("event_id_cnty,event_date,event_type,latitude,longitude\nUKR1,31/02/2024,Battles,50.1,30.2\n"),
            file: "acled.csv");

        var error = Assert.Single(import.Errors);
        Assert.Equal(("acled.csv", 2, "event_date"), (error.File, error.Line, error.Field));
        Assert.StartsWith("acled.csv:2: event_date: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DraftLinks_UnknownIssue_CarriesLineColumnAndTheLine()
    {
        var document = DraftParser.Parse("## Plant <!-- issue: plant -->\n\nThe plant [#us US: is run by the US].\n");

        var problem = Assert.Single(DraftLinks.Check(document, [("territory", (IReadOnlyList<string>)["freeze"])]));

        Assert.Equal((1, 10), (problem.Line, problem.Column));
        Assert.Contains("<!-- issue: plant -->", problem.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void DraftProblem_Source_PrintsAsTheDraftMessage()
    {
        var problem = Assert.Single(DraftParser.Parse("The Parties shall\nagree.]\n").Problems);

        Assert.Equal($"d.md:{problem.Line}:{problem.Column}: {problem.Message}", problem.Source("d.md").ToString());
    }

    [Fact]
    public void GeniusXmlReader_Refusal_CarriesTheProblem()
    {
        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes("<negotiation_template>\n<utility_space>\n"), "bad.xml"));

        Assert.Equal("bad.xml", e.Problem.File);
        Assert.True(e.Problem.Line > 0);
        Assert.Equal(e.Problem.ToString(), e.Message);
    }
}
