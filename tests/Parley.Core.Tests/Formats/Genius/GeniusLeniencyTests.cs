using Parley.Core.Formats;
using System.Text;
using Parley.Core.Formats.Genius;

namespace Parley.Core.Tests.Formats.Genius;

/// <summary>What GENIUS reads although it is not clean: read the same way, each with a warning naming file and line.</summary>
public sealed class GeniusLeniencyTests
{
    private const string Domain = """
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
        <issue index="1" name="Zone" etype="discrete"><item index="1" value="0"/><item index="2" value="1"/></issue>
        </objective></utility_space></negotiation_template>
        """;

    [Fact]
    public void ReadProfile_OptionListedTwice_KeepsTheLaterEvaluationAndWarns()
    {
        const string profile = """
            <utility_space><objective index="0" name="root" type="objective">
            <issue index="1" name="Zone" etype="discrete">
            <item value="0" evaluation="2"/>
            <item value="1" evaluation="4"/>
            <item value="0" evaluation="1"/>
            </issue><weight index="1" value="1"/>
            </objective></utility_space>
            """;
        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(Domain), "d.xml");
        var warnings = new List<SourceProblem>();

        var p = GeniusXmlReader.ReadProfile(Encoding.UTF8.GetBytes(profile), "AMPO.xml", space, "a", warnings);

        Assert.Equal([0.25, 1.0], p.Utility.Values[0].ToArray());  // 1 ÷ 4, not 2 ÷ 4
        var w = Assert.Single(warnings);
        Assert.Equal(("AMPO.xml", 5), (w.File, w.Line));
        Assert.Contains("listed twice", w.Message);
        Assert.Contains("later evaluation (1, not 2)", w.Message);
    }

    [Fact]
    public void ReadDomain_OptionListedTwice_OneOptionAndWarns()
    {
        var domain = Domain.Replace("<item index=\"2\" value=\"1\"/>", "<item index=\"2\" value=\"1\"/><item index=\"3\" value=\"0\"/>");
        var warnings = new List<SourceProblem>();

        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(domain), "d.xml", null, warnings);

        Assert.Equal(["0", "1"], space.Issues[0].Options.ToArray());
        Assert.Contains("listed twice", Assert.Single(warnings).Message);
    }

    [Fact]
    public void ReadDomain_IntegerRangeElement_ReadAsBoundsAndWarns()
    {
        const string domain = """
            <negotiation_template><utility_space><objective index="0" name="root" type="objective">
            <issue index="1" name="Price" type="integer">
              <range lowerbound="3" upperbound="6"/>
            </issue>
            </objective></utility_space></negotiation_template>
            """;
        var warnings = new List<SourceProblem>();

        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(domain), "range.xml", null, warnings);

        Assert.Equal(["3", "4", "5", "6"], space.Issues[0].Options.ToArray());
        var w = Assert.Single(warnings);
        Assert.Equal(("range.xml", 3), (w.File, w.Line));
        Assert.Contains("<range>", w.Message);
    }

    [Fact]
    public void ReadDomain_WhitespaceBeforeDeclaration_ReadAndWarns()
    {
        var warnings = new List<SourceProblem>();

        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes("\n  <?xml version=\"1.0\"?>\n" + Domain), "ws.xml", null, warnings);

        Assert.Single(space.Issues);
        var w = Assert.Single(warnings);
        Assert.Equal((2, 3), (w.Line, w.Column));
        Assert.Contains("whitespace before the XML declaration", w.Message);
    }

    [Fact]
    public void ReadDomain_DeclarationAfterAnElement_StillRefusedWithLine()
    {
        var e = Assert.Throws<SourceProblemException>(() =>
            GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes("<a/>\n<?xml version=\"1.0\"?>\n"), "late.xml"));

        Assert.Equal(2, e.Problem.Line);
        Assert.Contains("not well-formed", e.Message);
    }

    [Fact]
    public void ReadDomain_CommentBeforeDeclaration_DtdStillRefused()
    {
        var text = "<!-- x -->\n<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]>\n" + Domain;

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(text), "dtd.xml"));

        Assert.Equal(3, e.Problem.Line);
        Assert.Contains("DTD", e.Message);
    }

    [Fact]
    public void Classify_ConstraintUtilitySpace_NotADomainAndRefusedWithItsKind()
    {
        // Shaped as the Railway domain's Minister.xml (GENIUS ConstraintUtilitySpace): items with ranks, no evaluations.
        const string minister = """

            <utility_space type="constraint">
              <objective index="0" name="Railway" type="objective">
                <issue index="1" name="Zone" etype="discrete"><item index="1" value="0"/><item index="2" value="1"/></issue>
                <rules><ranks><issue index="1"><item index="1" rank="2" value="0"/><item index="2" rank="1" value="1"/></issue></ranks>
                <constraints><constraint type="zeroConstraint" index="1"><valueassignment index="1" value="0"/></constraint></constraints></rules>
              </objective>
            </utility_space>
            """;
        var bytes = Encoding.UTF8.GetBytes(minister);

        Assert.Equal(GeniusFileKind.ConstraintProfile, GeniusXmlReader.Classify(bytes, "Minister.xml"));
        Assert.Equal(GeniusFileKind.Domain, GeniusXmlReader.Classify(Encoding.UTF8.GetBytes(Domain), "d.xml"));
        var e = GeniusXmlReader.ConstraintSpaceRefusal(bytes, "Minister.xml");
        Assert.Equal((2, 2, "utility_space"), (e.Problem.Line, e.Problem.Column, e.Problem.Field));
        Assert.Contains("constraint utility space", e.Message);
    }

    [Fact]
    public void ReadProfile_RealRangeDiffersFromDomain_DomainRangeUsedWithWarning()
    {
        // As the 2nd-hand-car dealer: the domain says Price 13000..22666, the profile 13000..20600.
        const string domain = """
            <negotiation_template><utility_space><objective index="1" name="Car" type="objective">
            <issue index="6" vtype="real" name="Price" type="real"><range lowerbound="13000" upperbound="22666"></range></issue>
            </objective></utility_space></negotiation_template>
            """;
        const string dealer = """
            <utility_space><objective index="1" name="Car" type="objective">
            <weight index="6" value="1" />
            <issue index="6" name="Price" type="real">
            <range lowerbound="13000" upperbound="20600" />
            <evaluator ftype="linear" parameter1="0.0001" parameter0="-1.3" />
            </issue></objective></utility_space>
            """;
        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(domain), "car_domain.xml", new GeniusReadOptions { RealPoints = 2 });
        var warnings = new List<SourceProblem>();

        var p = GeniusXmlReader.ReadProfile(Encoding.UTF8.GetBytes(dealer), "car_dealer.xml", space, "dealer", warnings);

        var w = Assert.Single(warnings);
        Assert.Equal(("car_dealer.xml", 4), (w.File, w.Line));
        Assert.Contains("13000..20600 here but 13000..22666 in the domain", w.Message);
        Assert.Equal(0.9666, p.Utility.Evaluate(new Parley.Core.Settlement.Outcome([1])), 9);
    }
}

