using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class ContingencyTest
{
    private static readonly ContingencyTrigger IfRussiaRejects = new(TriggerKind.ProposalRejected, "us-plan", "ru");

    [Fact]
    public void Construction_NoAction_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Contingency("c", "ua", IfRussiaRejects, []));
        Assert.Equal("actions", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedOwner_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Contingency("c", "", IfRussiaRejects, [new ContingencyAction(ActionKind.Request, "eu", "Sanctions")]));
        Assert.Equal("owner", error.ParamName);
    }

    [Fact]
    public void Trigger_MalformedKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ContingencyTrigger(TriggerKind.ProposalExpired, "us plan"));
        Assert.Throws<ArgumentException>(() => new ContingencyTrigger(TriggerKind.ProposalRejected, "us-plan", "r u"));
    }

    [Fact]
    public void Action_BlankTextOrMalformedParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ContingencyAction(ActionKind.Commit, "ua", " "));
        Assert.Throws<ArgumentException>(() => new ContingencyAction(ActionKind.Commit, "u a", "Sanctions"));
    }
}
