using Parley.Core.Guarantees;

namespace Parley.Core.Tests.Guarantees;

public sealed class EvidenceReferenceTests
{
    [Fact]
    public void Construction_LinkAndFile_StoreAsTheAddressAndAsFilePrefixed()
    {
        var link = new EvidenceReference(EvidenceKind.Link, " https://example.org/imagery ");
        var file = new EvidenceReference(EvidenceKind.File, "mission/patrol-2026-02-19.pdf");

        Assert.Equal("https://example.org/imagery", link.Stored);
        Assert.Equal("file:mission/patrol-2026-02-19.pdf", file.Stored);
        Assert.Equal(link, EvidenceReference.Parse(link.Stored));
        Assert.Equal(file, EvidenceReference.Parse(file.Stored));
    }

    [Theory]
    [InlineData(EvidenceKind.Link, "patrol report", "is not an http or https address")]
    [InlineData(EvidenceKind.Link, "ftp://example.org/x", "is not an http or https address")]
    [InlineData(EvidenceKind.Link, "javascript:alert(1)", "is not an http or https address")]
    [InlineData(EvidenceKind.File, "https://example.org/x", "an address is a link")]
    [InlineData(EvidenceKind.File, "  ", "give the file's path or name")]
    [InlineData(EvidenceKind.File, "a\nb", "control characters")]
    public void Construction_BadReference_Refused(EvidenceKind kind, string value, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new EvidenceReference(kind, value));
        Assert.Contains(reason, e.Message);
        Assert.Equal("value", e.ParamName);
    }

    [Fact]
    public void Construction_LongerThan500_Refused() =>
        Assert.Throws<ArgumentException>(() => new EvidenceReference(EvidenceKind.File, new string('a', 501)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("drone debris and crater analysis")]
    public void Parse_NoteWrittenAsText_IsNoReference(string? stored) => Assert.Null(EvidenceReference.Parse(stored));
}
