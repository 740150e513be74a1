using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public class RoundTest
{
    [Fact]
    public void Construction_EndBeforeStart_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Round("berlin", "Berlin", H(24), H(0), "Berlin", ["ua"]));
        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Construction_OneDayRound_StartEqualsEnd()
    {
        var round = new Round("berlin", "Berlin", H(0), H(0), "Chancellery", ["ua", "ua", "us"]);

        Assert.Equal(["ua", "us"], round.Attendees);
    }

    [Fact]
    public void Construction_MalformedAttendee_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Round("berlin", "Berlin", H(0), H(1), "Berlin", ["u a"]));
        Assert.Equal("attendees", error.ParamName);
    }
}

public class WorkingGroupTest
{
    [Fact]
    public void Construction_NoMember_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingGroup("miami", "Miami", [], ["nato"]));
        Assert.Equal("members", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedIssue_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkingGroup("miami", "Miami", ["ua"], ["na to"]));
        Assert.Equal("issues", error.ParamName);
    }
}
