using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class KeyTest
{
    [Theory]
    [InlineData("ua")]
    [InlineData("freeze-line")]
    [InlineData("7.b_x")]
    [InlineData("A234567890123456789012345678901234567890123456789012345678901234")]
    public void IsValid_WellFormedKey_True(string key) => Assert.True(Key.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-lead")]
    [InlineData(".lead")]
    [InlineData("two words")]
    [InlineData("zaporizhzhia/npp")]
    [InlineData("kyïv")]
    [InlineData("A2345678901234567890123456789012345678901234567890123456789012345")]
    public void IsValid_MalformedKey_False(string? key) => Assert.False(Key.IsValid(key));

    [Fact]
    public void Require_MalformedKey_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => Key.Require("two words", "party"));
        Assert.Equal("party", error.ParamName);
        Assert.Contains("two words", error.Message);
    }
}
