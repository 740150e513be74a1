using Parley.Core.Formats;
using System.Text;
using Parley.Core.Formats.Genius;

namespace Parley.Core.Tests.Formats.Genius;

/// <summary>Hostile GENIUS files are refused with a position before anything grows; real files pass.</summary>
public sealed class GeniusLimitsTests
{
    private const string Domain = "<negotiation_template><utility_space><objective name=\"o\">\n<issue name=\"x\" index=\"1\" type=\"discrete\"><item value=\"a\"/></issue>\n</objective></utility_space></negotiation_template>";

    [Fact]
    public void ReadDomain_BillionLaughs_IsRefusedAtTheDoctype_WithLineAndColumn()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
            laughs.Append($" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">\n");
        laughs.Append("]>\n<utility_space><objective><issue name=\"&lol9;\" type=\"discrete\"><item value=\"a\"/></issue></objective></utility_space>");

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(laughs.ToString()), "lolz.xml"));

        Assert.Equal(("lolz.xml", 2), (e.Problem.File, e.Problem.Line));
        Assert.True(e.Problem.Column > 0);
        Assert.Contains("DTD", e.Message);
        Assert.StartsWith("lolz.xml:2:", e.Message);
    }

    [Fact]
    public void ReadDomain_ExternalEntity_IsRefused_NothingIsFetched()
    {
        var xml = "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<utility_space><objective><issue name=\"&secret;\" type=\"discrete\"><item value=\"a\"/></issue></objective></utility_space>";

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(xml), "xxe.xml"));

        Assert.Contains("DTD", e.Message);
        Assert.DoesNotContain("root:", e.Message);
    }

    [Fact]
    public void ReadDomain_100000NestedElements_IsRefusedAtTheFirstLevelTooDeep()
    {
        var xml = "<utility_space>\n" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</utility_space>";

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(xml), "deep.xml"));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal(3 * (GeniusLimits.MaxDepth - 1) + 2, e.Problem.Column); // the '<a' that opens level MaxDepth + 1
        Assert.Contains($"more than {GeniusLimits.MaxDepth} deep", e.Message);
    }

    [Fact]
    public void ReadDomain_NestingAtTheLimit_IsReadUpToItsContent()
    {
        static string Nest(int depth) => string.Concat(Enumerable.Repeat("<a>", depth - 1)) + string.Concat(Enumerable.Repeat("</a>", depth - 1));

        var atLimit = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes($"<r>{Nest(GeniusLimits.MaxDepth)}</r>"), "ok.xml"));
        var past = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes($"<r>{Nest(GeniusLimits.MaxDepth + 1)}</r>"), "deep.xml"));

        Assert.Contains("no utility_space", atLimit.Message); // read, then found wanting
        Assert.Contains("deep", past.Message);
    }

    [Fact]
    public void ReadDomain_FileOverTheSizeLimit_IsRefusedBeforeDecoding()
    {
        var bytes = new byte[GeniusLimits.MaxBytes + 1];
        Encoding.ASCII.GetBytes(Domain).CopyTo(bytes, 0);

        var e = Assert.Throws<SourceProblemException>(() => GeniusXmlReader.ReadDomain(bytes, "huge.xml"));

        Assert.Contains($"at most {GeniusLimits.MaxBytes:N0} bytes", e.Message);
        Assert.Equal("huge.xml", e.Problem.File);
    }

    [Fact]
    public void ReadDomain_RealFile_StillReads()
    {
        Assert.Equal("x", GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(Domain), "d.xml").Issues[0].Name);
    }

    [Fact]
    public void ReadJson_100000NestedArrays_IsRefusedWithLineAndColumn()
    {
        var json = "{\"LinearAdditiveUtilitySpace\":\n" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes(json), "deep.json"));

        Assert.Equal(2, e.Problem.Line);
        Assert.Equal(GeniusLimits.MaxDepth, e.Problem.Column); // the first '[' past depth 64 (the object is level 1)
        Assert.Contains($"depth of {GeniusLimits.MaxDepth}", e.Message);
    }

    [Fact]
    public void ReadJson_FileOverTheSizeLimit_IsRefused()
    {
        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(new byte[GeniusLimits.MaxBytes + 1], "huge.json"));

        Assert.Contains("limit", e.Message);
    }
}
