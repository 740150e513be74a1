using Parley.Core.Formats;
using System.Text;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;

namespace Parley.Core.Tests.Formats.Genius;

public sealed class GeniusXmlReaderTests
{
    private const string Domain = """
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
        <issue index="1" name="Café" etype="discrete"><item index="1" value="crème"/><item index="2" value="noir"/></issue>
        <issue index="2" name="Size" vtype="discrete"><item index="1" value="S" cost="3"/><item index="2" value="L" cost="9"/></issue>
        </objective></utility_space></negotiation_template>
        """;

    private const string Profile = """
        <utility_space>
        <objective index="0" name="root" type="objective">
        <weight index="2" value="0.25"/>
        <issue index="1" name="Café" type="discrete"><item value="crème" evaluation="4" cost="1"/><item value="noir" evaluation="2"/></issue>
        <issue index="2" name="Size" etype="discrete" vtype="discrete"><item value="S" evaluation="0"/><item value="L" evaluation="5"/></issue>
        <weight index="1" value="0.75"/>
        </objective>
        <reservation value="0.3"/>
        </utility_space>
        """;

    private static byte[] Windows1252(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(text);
    }

    [Fact]
    public void Read_Windows1252WithoutDeclaration_DecodesAccents()
    {
        var bytes = Windows1252(Domain);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var space = GeniusXmlReader.ReadDomain(bytes, "d.xml");

        Assert.Equal("Café", space.Issues[0].Name);
        Assert.Equal(["crème", "noir"], space.Issues[0].Options.ToArray());
    }

    [Fact]
    public void ReadProfile_TypeEtypeVtypeCostAndWeightsAsSiblings_GeniusSemantics()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain), "d.xml");
        var profile = GeniusXmlReader.ReadProfile(Windows1252(Profile), "p.xml", space, "buyer");

        // Evaluations divided by the issue's largest: Café 4/4, 2/4; Size 0/5, 5/5. Weights matched by index.
        Assert.Equal([0.75, 0.25], profile.Utility.Weights.ToArray());
        Assert.Equal([1.0, 0.5], profile.Utility.Values[0].ToArray());
        Assert.Equal([0.0, 1.0], profile.Utility.Values[1].ToArray());
        Assert.Equal(0.3, profile.Reservation);
        Assert.Equal(0.75 * 0.5 + 0.25, profile.Utility.Evaluate(new Outcome([1, 1])), 12);
    }

    [Fact]
    public void ReadProfile_Utf8DeclaredEncoding_Honoured()
    {
        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Domain), "d.xml");
        Assert.Equal("Café", space.Issues[0].Name);
    }

    [Fact]
    public void ReadDomain_TypesDisagree_ErrorNamesFileLineAndElement()
    {
        var text = "<utility_space>\n<objective>\n<issue name=\"X\" type=\"discrete\" etype=\"integer\"><item value=\"a\"/></issue>\n</objective>\n</utility_space>";

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.ASCII.GetBytes(text), "bad.xml"));

        Assert.Equal(("bad.xml", 3, "issue"), (e.Problem.File, e.Problem.Line, e.Problem.Field));
        Assert.Contains("disagree", e.Message);
        Assert.StartsWith("bad.xml:3:", e.Message);
    }

    [Fact]
    public void ReadProfile_MissingWeight_ErrorNamesIssueAndLine()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain), "d.xml");
        var text = Profile.Replace("<weight index=\"2\" value=\"0.25\"/>", "");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadProfile(Windows1252(text), "p.xml", space, "x"));

        Assert.Equal("issue", e.Problem.Field);
        Assert.Equal(5, e.Problem.Line);
        Assert.Contains("Size", e.Message);
    }

    [Fact]
    public void ReadProfile_BadNumber_ErrorQuotesIt()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain), "d.xml");
        var text = Profile.Replace("evaluation=\"2\"", "evaluation=\"two\"");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadProfile(Windows1252(text), "p.xml", space, "x"));

        Assert.Equal(("item", 4), (e.Problem.Field, e.Problem.Line));
        Assert.Contains("'two'", e.Message);
    }

    [Fact]
    public void ReadProfile_UnknownOptionInDomain_ErrorNamesOption()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain.Replace("noir", "latte")), "d.xml");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadProfile(Windows1252(Profile), "p.xml", space, "x"));

        // The profile values 'noir', which this domain does not have (it has 'latte').
        Assert.Contains("'noir'", e.Message);
        Assert.Equal("issue", e.Problem.Field);
    }

    [Fact]
    public void ReadProfile_OptionNotInDomain_ErrorNamesIt()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain), "d.xml");
        var text = Profile.Replace("<item value=\"S\" evaluation=\"0\"/>", "<item value=\"S\" evaluation=\"0\"/><item value=\"XL\" evaluation=\"1\"/>");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadProfile(Windows1252(text), "p.xml", space, "x"));

        Assert.Contains("'XL'", e.Message);
    }

    [Fact]
    public void ReadProfile_IssueTwice_ErrorNotCrash()
    {
        var space = GeniusXmlReader.ReadDomain(Windows1252(Domain), "d.xml");
        var text = Profile.Replace("name=\"Size\"", "name=\"Café\"");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadProfile(Windows1252(text), "p.xml", space, "x"));

        Assert.Contains("second issue", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<utility_space>")]
    [InlineData("<a/>")]
    [InlineData("\0\0\0")]
    public void ReadDomain_Garbage_FormatErrorNotCrash(string text)
    {
        Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(text), "g.xml"));
    }
}
