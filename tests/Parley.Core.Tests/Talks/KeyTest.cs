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

    [Fact]
    public void Fresh_ReadableParts_JoinsThemWithDashes() =>
        Assert.Equal("us-christmas-truce", Key.Fresh(["us", "christmas truce"], "proposal"));

    [Fact]
    public void Fresh_CharactersOutsideTheAlphabet_BecomeOneDash() =>
        Assert.Equal("ua-ky-v-talks-2025", Key.Fresh(["ua", "kyïv / talks", "2025"], "proposal"));

    [Fact]
    public void Fresh_NothingUsable_UsesTheFallback() =>
        Assert.Equal("statement", Key.Fresh([null, " ", "¿?"], "statement"));

    [Fact]
    public void Fresh_TooLong_IsCutToAValidKey()
    {
        var id = Key.Fresh([new string('a', 50), new string('b', 50)], "position");

        Assert.True(Key.IsValid(id));
        Assert.Equal(Key.MaxLength, id.Length);
        Assert.StartsWith(new string('a', 50) + "-b", id);
    }

    [Fact]
    public void Fresh_Taken_AddsTheFirstFreeCounter()
    {
        var taken = new HashSet<string> { "ua-2025-12-16", "ua-2025-12-16-2" };

        Assert.Equal("ua-2025-12-16-3", Key.Fresh(["ua", "2025-12-16"], "statement", taken.Contains));
    }

    [Fact]
    public void Fresh_LongAndTaken_CounterStillFits()
    {
        var stem = Key.Fresh([new string('x', 80)], "position");
        var id = Key.Fresh([new string('x', 80)], "position", i => i == stem);

        Assert.True(Key.IsValid(id));
        Assert.EndsWith("-2", id);
        Assert.Equal(Key.MaxLength, id.Length);
    }
}
