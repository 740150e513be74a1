using Parley.Core.Formats;
using System.Text;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Core.Tests.Formats.Genius;

/// <summary>Nonlinear (hyperRectangle) profiles: GENIUS 10.4's semantics on hand-made files and on the shipped ANAC 2014 ones.</summary>
public sealed class GeniusNonlinearReaderTests
{
    private const string Domain = """
        <negotiation_template><utility_space number_of_issues="2"><objective index="0" name="root" type="objective">
        <issue etype="integer" index="1" name="a" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
        <issue etype="integer" index="2" name="b" type="integer" vtype="integer" lowerbound="0" upperbound="2"/>
        </objective></utility_space></negotiation_template>
        """;

    private static string Profile(string rectangles, string max = "100", string tail = "") => $"""
        <!-- profile -->
        <?xml version="1.0" encoding="utf-8" ?>
        <utility_space type="nonlinear">
        <objective index="0" name="root" type="objective">
        <issue etype="integer" index="1" name="a" type="integer" lowerbound="1" upperbound="4"/>
        <issue etype="integer" index="2" name="b" type="integer" lowerbound="0" upperbound="2"/>
        <utility maxutility="{max}"><ufun type="PlainUfun" weight="1" aggregation="sum">
        {rectangles}
        </ufun></utility>
        </objective>
        {tail}
        </utility_space>
        """;

    private static OutcomeSpace Space => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(Domain), "domain.xml");

    private static NonlinearProfile Read(string xml, List<SourceProblem>? warnings = null) =>
        GeniusNonlinearReader.ReadProfile(Encoding.UTF8.GetBytes(xml), "p.xml", Space, "p", warnings);

    /// <summary>The outcome choosing value <paramref name="a"/> (1..4) and <paramref name="b"/> (0..2).</summary>
    private static Outcome X(int a, int b) => new([a - 1, b]);

    [Fact]
    public void Evaluate_InclusiveRectangles_SumOverMaxUtility()
    {
        var p = Read(Profile("""
            <hyperRectangle utility="30"><INCLUDES index="1" min="2" max="3"/></hyperRectangle>
            <hyperRectangle utility="50"><INCLUDES index="1" min="3" max="4"/><INCLUDES index="2" min="1" max="2"/></hyperRectangle>
            """));

        Assert.Equal(0.0, p.Utility.Evaluate(X(1, 0)));
        Assert.Equal(0.3, p.Utility.Evaluate(X(2, 2)));
        Assert.Equal(0.3, p.Utility.Evaluate(X(3, 0)));  // the second box needs b ≥ 1
        Assert.Equal(0.8, p.Utility.Evaluate(X(3, 1)));  // both boxes: 80/100
        Assert.Equal(0.5, p.Utility.Evaluate(X(4, 2)));
    }

    [Fact]
    public void Evaluate_ExclusiveRectangle_PaysOutsideItsBoxOnly()
    {
        var p = Read(Profile("""<hyperRectangle utility="40"><EXCLUDES index="1" min="2" max="3"/><EXCLUDES index="2" min="0" max="0"/></hyperRectangle>"""));

        Assert.Equal(0.0, p.Utility.Evaluate(X(2, 0)));  // inside: every bound holds
        Assert.Equal(0.4, p.Utility.Evaluate(X(2, 1)));  // b fails its bound
        Assert.Equal(0.4, p.Utility.Evaluate(X(4, 0)));  // a fails its bound
    }

    [Fact]
    public void Evaluate_SumAboveMaxUtility_CappedAtOne_AndWeightsMultiply()
    {
        var p = Read(Profile("""
            <hyperRectangle utility="60" weight="2"><INCLUDES index="1" min="1" max="4"/></hyperRectangle>
            <hyperRectangle utility="10"/>
            <ufun weight="0.5" aggregation="sum"><hyperRectangle utility="20"><INCLUDES index="2" min="2" max="9"/></hyperRectangle></ufun>
            """, max: "200"));

        Assert.Equal(130 / 200.0, p.Utility.Evaluate(X(1, 0)));  // 60·2 + 10 (no bounds: always)
        Assert.Equal(140 / 200.0, p.Utility.Evaluate(X(1, 2)));  // + 20·0.5, the bound max 9 cut to the range
        var capped = Read(Profile("""<hyperRectangle utility="300"/>""", max: "200"));
        Assert.Equal(1.0, capped.Utility.Evaluate(X(1, 0)));
    }

    [Fact]
    public void Evaluate_BoundsOutsideTheRange_CutOrNeverMet()
    {
        var p = Read(Profile("""
            <hyperRectangle utility="10"><INCLUDES index="1" min="-1e300" max="1e300"/></hyperRectangle>
            <hyperRectangle utility="20"><INCLUDES index="2" min="5" max="9"/></hyperRectangle>
            <hyperRectangle utility="40"><EXCLUDES index="2" min="5" max="9"/></hyperRectangle>
            """));

        // The first box covers every value, the second none (b ≤ 2), so the exclusive third always pays.
        Assert.Equal(2, p.Utility.Rectangles.Length);
        Assert.All(new[] { X(1, 0), X(4, 2) }, x => Assert.Equal(0.5, p.Utility.Evaluate(x)));
    }

    [Fact]
    public void Read_ReservationAndDiscount_FromTheFile()
    {
        var p = Read(Profile("""<hyperRectangle utility="1"/>""", tail: """<discount_factor value="0.5" /><reservation value="0.25"/>"""));

        Assert.Equal(0.25, p.Reservation);
        Assert.Equal(0.5, p.DiscountFactor);
    }

    [Fact]
    public void Read_CommentBeforeDeclaration_WarnsWithFileAndLine()
    {
        var warnings = new List<SourceProblem>();

        Read(Profile("""<hyperRectangle utility="1"/>"""), warnings);

        var w = Assert.Single(warnings);
        Assert.Equal("p.xml", w.File);
        Assert.Equal(2, w.Line);
        Assert.Contains("comment before the XML declaration", w.Message);
        Assert.StartsWith("p.xml:2:1: warning:", w.Describe(warning: true));
    }

    [Fact]
    public void Read_MinAggregation_RefusedWithLineAndReason()
    {
        var xml = Profile("""<hyperRectangle utility="1"/>""").Replace("aggregation=\"sum\"", "aggregation=\"min\"");

        var e = Assert.Throws<SourceProblemException>(() => Read(xml));

        Assert.Equal(7, e.Problem.Line);
        Assert.True(e.Problem.Column > 0);
        Assert.Contains("aggregation 'min' is not supported", e.Message);
    }

    [Fact]
    public void Read_BoundOnUnknownIndex_RefusedWithLine()
    {
        var e = Assert.Throws<SourceProblemException>(() => Read(Profile("""<hyperRectangle utility="1"><INCLUDES index="7" min="0" max="1"/></hyperRectangle>""")));

        Assert.Equal(8, e.Problem.Line);
        Assert.Contains("no issue has index 7", e.Message);
    }

    [Fact]
    public void Read_MissingMaxUtility_RefusedNamingTheAttribute()
    {
        var e = Assert.Throws<SourceProblemException>(() => Read(Profile("""<hyperRectangle utility="1"/>""").Replace(" maxutility=\"100\"", "")));

        Assert.Contains("maxutility", e.Message);
        Assert.Equal("utility", e.Problem.Field);
    }

    [Fact]
    public void Classify_Anac2014Folder_DomainProfilesAndSidecar()
    {
        var dir = Path.Combine(Path.GetDirectoryName(Settlement.SharedData.GeniusRoot)!, "genius-nonlinear", "10issuesDiscounted");
        GeniusFileKind Kind(string f) => GeniusXmlReader.Classify(File.ReadAllBytes(Path.Combine(dir, f)), f);

        Assert.Equal(GeniusFileKind.Domain, Kind("10issuesDiscounted-domain.xml"));
        Assert.Equal(GeniusFileKind.NonlinearProfile, Kind("profile-1.xml"));
        Assert.Equal(GeniusFileKind.ParetoSidecar, Kind("pareto.xml"));
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(dir, "10issuesDiscounted-domain.xml")), "d.xml");
        var p = GeniusNonlinearReader.ReadProfile(File.ReadAllBytes(Path.Combine(dir, "profile-1.xml")), "profile-1.xml", space, "1");
        Assert.Equal(758, p.Utility.MaxUtility);
        Assert.Equal(0.5, p.DiscountFactor);
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(dir, "profile-1.xml")), "<hyperRectangle"), p.Utility.Rectangles.Length);
    }

    [Fact]
    public void ParetoFile_BadNumber_ReportsLineAndColumn()
    {
        var e = Assert.Throws<SourceProblemException>(() => GeniusParetoFile.Read("0.5, 1.0\n0.7, x\n"u8, "pareto.xml"));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal(5, e.Problem.Column);
        Assert.Equal([0.5, 1.0], GeniusParetoFile.Read("\n0.5, 1.0\n"u8, "pareto.xml").Single());
    }
}
