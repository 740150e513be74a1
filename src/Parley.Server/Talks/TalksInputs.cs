using Parley.Core.Talks;
using Parley.Server.Infrastructure;

namespace Parley.Server.Talks;

/// <summary>A new position. <c>validFrom</c> defaults to now; <c>id</c> to <c>party-issue-yyyyMMddHHmmss</c>.</summary>
public sealed record PositionInput(string Party, string Issue, Dictionary<string, Stance> Stances,
    DateTimeOffset? ValidFrom = null, string? Id = null, string? Statement = null, string? Note = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Position ToModel(DateTimeOffset now)
    {
        var from = ValidFrom ?? now;
        var visibility = Input.Visibility(Visibility, "visibility");
        return Input.Build("position", () => new Position(
            Id ?? Key.Fresh([Party, Issue, $"{from.UtcDateTime:yyyyMMddHHmmss}"], "position"), Party, Issue, from, Stances ?? [], Statement, Note ?? "", visibility));
    }
}

/// <summary>A new statement; <c>signatories</c> defaults to the speaker's party when one is given.</summary>
public sealed record StatementInput(string Id, string Text, List<string> Signatories, DateTimeOffset? At = null,
    string? Speaker = null, List<StatementStanceInput>? Stances = null, string? Source = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Statement ToModel(DateTimeOffset now)
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        var stances = (Stances ?? []).Select((s, k) => Input.Build($"stances[{k}]", () => new StatementStance(s.Issue, s.Option, s.Proposal, s.Stance))).ToArray();
        return Input.Build("statement", () => new Statement(Id, At ?? now, Text, Signatories ?? [], Speaker, stances, Source ?? "", visibility));
    }
}

/// <summary>A stance taken in a statement.</summary>
public sealed record StatementStanceInput(Stance Stance, string? Issue = null, string? Option = null, string? Proposal = null);

/// <summary>A new proposal; <c>created</c> defaults to now.</summary>
public sealed record ProposalInput(string Id, string Author, string Title, Dictionary<string, string> Package, List<string> Addressees,
    DateTimeOffset? Created = null, DateTimeOffset? Expires = null, string? Description = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Proposal ToModel(DateTimeOffset now)
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        return Input.Build("proposal", () => new Proposal(Id, Author, Title, Package ?? [], Addressees ?? [], Created ?? now, Expires,
            description: Description ?? "", visibility: visibility));
    }
}

/// <summary>An answer to a proposal; <c>at</c> defaults to now.</summary>
public sealed record ResponseInput(string Party, ResponseKind Kind, DateTimeOffset? At = null, string? Statement = null)
{
    /// <summary>The model value.</summary>
    public Response ToModel(DateTimeOffset now) => Input.Build("response", () => new Response(Party, Kind, At ?? now, Statement));
}

/// <summary>A withdrawal; <c>at</c> defaults to now.</summary>
public sealed record WithdrawInput(DateTimeOffset? At = null);

/// <summary>A new agreement record; <c>at</c> defaults to now.</summary>
public sealed record AgreementInput(string Id, string Issue, string Option, List<string> Parties, DateTimeOffset? At = null,
    bool AdReferendum = false, string? Source = null, string? Note = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Agreement ToModel(DateTimeOffset now)
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        return Input.Build("agreement", () => new Agreement(Id, Issue, Option, Parties ?? [], At ?? now, AdReferendum, Source, Note ?? "", visibility));
    }
}

/// <summary>A new round.</summary>
public sealed record RoundInput(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, string? Venue, List<string> Attendees,
    string? Outcome = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Round ToModel()
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        return Input.Build("round", () => new Round(Id, Title, Start, End, Venue ?? "", Attendees ?? [], Outcome ?? "", visibility));
    }
}

/// <summary>A new working group.</summary>
public sealed record WorkingGroupInput(string Id, string Name, List<string> Members, List<string>? Issues = null,
    DateTimeOffset? NextMeeting = null, string? Venue = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public WorkingGroup ToModel()
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        return Input.Build("workingGroup", () => new WorkingGroup(Id, Name, Members ?? [], Issues ?? [], NextMeeting, Venue ?? "", visibility));
    }
}

/// <summary>A new contingency.</summary>
public sealed record ContingencyInput(string Id, string Owner, TriggerKind Trigger, string Proposal, List<ContingencyActionInput> Actions,
    string? By = null, string? Statement = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Contingency ToModel()
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        var actions = (Actions ?? []).Select((a, k) => Input.Build($"actions[{k}]", () => new ContingencyAction(a.Kind, a.Party, a.Text))).ToArray();
        var trigger = Input.Build("trigger", () => new ContingencyTrigger(Trigger, Proposal, By));
        return Input.Build("contingency", () => new Contingency(Id, Owner, trigger, actions, Statement, visibility));
    }
}

/// <summary>One action of a contingency.</summary>
public sealed record ContingencyActionInput(ActionKind Kind, string Party, string Text);

/// <summary>A new party.</summary>
public sealed record PartyInput(string Id, string Name, List<PartyRole> Roles, List<DelegateInput>? Delegates = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Party ToModel()
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        var delegates = (Delegates ?? []).Select((d, k) => Input.Build($"delegates[{k}]", () => new PartyDelegate(d.Id, d.Name, d.Title ?? ""))).ToArray();
        return Input.Build("party", () => new Party(Id, Name, Roles ?? [], delegates, visibility));
    }
}

/// <summary>A delegate of a new party.</summary>
public sealed record DelegateInput(string Id, string Name, string? Title = null);

/// <summary>A new issue.</summary>
public sealed record IssueInput(string Id, string Title, List<OptionInput> Options, string? Category = null, double Weight = 1,
    List<string>? Principals = null, string? Description = null, string? Visibility = null)
{
    /// <summary>The model value.</summary>
    public Issue ToModel()
    {
        var visibility = Input.Visibility(Visibility, "visibility");
        var options = (Options ?? []).Select((o, k) => Input.Build($"options[{k}]", () => new Option(o.Id, o.Label, o.Description ?? ""))).ToArray();
        return Input.Build("issue", () => new Issue(Id, Title, Category ?? "", Weight, options, Principals, Description ?? "", visibility));
    }
}

/// <summary>An option of a new issue.</summary>
public sealed record OptionInput(string Id, string Label, string? Description = null);
