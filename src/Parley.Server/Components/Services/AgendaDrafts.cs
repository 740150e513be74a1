using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>
/// What the agenda forms share: who may see the item (<c>shared</c>, <c>mediator</c> or <c>party:ID</c>), and how a field
/// named by the model or the negotiation's rules (<c>parties[1]</c>, <c>trigger.by</c>) maps onto the form's own field.
/// The forms check only that their fields are filled in and readable; every rule about the item itself is the model's
/// constructor's or the negotiation's (<see cref="Negotiation"/>), the same ones the API applies.
/// </summary>
public abstract class AgendaDraft
{
    /// <summary>Who may see the item.</summary>
    public string Visibility { get; set; } = "shared";

    /// <summary>The visibility chosen, as the model reads it.</summary>
    /// <exception cref="ArgumentException">Not a visibility label.</exception>
    protected Visibility Label() =>
        Core.Talks.Visibility.TryParse(Visibility, out var v) ? v : throw new ArgumentException("choose who may see it", "visibility");

    /// <summary>
    /// The form's field for <paramref name="modelField"/>: its first segment (<c>parties[1]</c> → <c>parties</c>,
    /// <c>trigger.by</c> → <c>trigger</c>) when the form has such a field (<paramref name="fields"/>), else <c>form</c>
    /// (the summary above the form).
    /// </summary>
    public static string FieldOf(string modelField, params string[] fields)
    {
        var head = modelField.Split('[', '.')[0];
        return fields.Contains(head, StringComparer.Ordinal) ? head : "form";
    }
}

/// <summary>The agreement form: some parties agreed an option of an issue on a day, final or <em>ad referendum</em>.</summary>
public sealed class AgreementDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["issue", "option", "parties", "date", "source", "visibility"];

    /// <summary>The issue agreed.</summary>
    public string Issue { get; set; } = "";

    /// <summary>The option agreed.</summary>
    public string Option { get; set; } = "";

    /// <summary>The parties that agreed.</summary>
    public HashSet<string> Parties { get; } = new(StringComparer.Ordinal);

    /// <summary>The day (UTC); today means now.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>Agreed pending the capitals' approval.</summary>
    public bool AdReferendum { get; set; }

    /// <summary>The round, proposal or statement it was recorded in, or empty.</summary>
    public string Source { get; set; } = "";

    /// <summary>Analyst's note.</summary>
    public string Note { get; set; } = "";

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check(DateTimeOffset now)
    {
        var errors = new FormErrors();
        if (Issue.Length == 0) errors.Add("issue", "Choose the issue agreed.");
        else if (Option.Length == 0) errors.Add("option", "Choose the option agreed.");
        if (Parties.Count == 0) errors.Add("parties", "Choose the parties that agreed.");
        if (Day is not { } day) errors.Add("date", "Choose the day it was agreed.");
        else if (day > DateOnly.FromDateTime(now.UtcDateTime)) errors.Add("date", $"An agreement is recorded once made: choose today ({Format.Date(now)}) or earlier.");
        return errors;
    }

    /// <summary>The agreement, its parties in the negotiation's order; the model and the negotiation check the rest.</summary>
    public Agreement ToModel(Negotiation negotiation, DateTimeOffset now) => new(
        Key.Fresh([Issue, Option, Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], "agreement",
            id => negotiation.Agreements.Any(a => a.Id == id)),
        Issue, Option, negotiation.Parties.Select(p => p.Id).Where(Parties.Contains), Dates.Instant(Day, now)!.Value, AdReferendum,
        Source.Length > 0 ? Source : null, Note.Trim(), Label());
}

/// <summary>The round form: a meeting with its first and last day, venue, the parties present and what came of it.</summary>
public sealed class RoundDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["title", "start", "end", "attendees", "visibility"];

    /// <summary>Display title.</summary>
    public string Title { get; set; } = "";

    /// <summary>First day.</summary>
    public DateOnly? Start { get; set; }

    /// <summary>Last day (the first when empty).</summary>
    public DateOnly? End { get; set; }

    /// <summary>Where it is held.</summary>
    public string Venue { get; set; } = "";

    /// <summary>Parties present.</summary>
    public HashSet<string> Attendees { get; } = new(StringComparer.Ordinal);

    /// <summary>What came of it, or empty.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("title", "Give the round a title.");
        if (Start is null) errors.Add("start", "Choose the round's first day.");
        if (Attendees.Count == 0) errors.Add("attendees", "Choose the parties present.");
        return errors;
    }

    /// <summary>The round (its days at 00:00 UTC); the model refuses an end before the start.</summary>
    public Round ToModel(Negotiation negotiation) => new(
        Key.Fresh([Title.Trim().ToLowerInvariant()], "round", id => negotiation.Rounds.Any(r => r.Id == id)),
        Title.Trim(), Day(Start!.Value), Day(End ?? Start!.Value), Venue.Trim(), negotiation.Parties.Select(p => p.Id).Where(Attendees.Contains),
        Outcome.Trim(), Label());

    /// <summary>The start of <paramref name="day"/>, UTC.</summary>
    internal static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>The working-group form: some parties working some issues between rounds, and when they meet next.</summary>
public sealed class WorkingGroupDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["name", "members", "issues", "nextMeeting", "visibility"];

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Member parties.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Issues it works on.</summary>
    public HashSet<string> Issues { get; } = new(StringComparer.Ordinal);

    /// <summary>The day of its next meeting, if known.</summary>
    public DateOnly? NextMeeting { get; set; }

    /// <summary>Where it meets.</summary>
    public string Venue { get; set; } = "";

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", "Give the working group a name.");
        if (Members.Count == 0) errors.Add("members", "Choose the parties in the group.");
        return errors;
    }

    /// <summary>The working group, members and issues in the negotiation's order.</summary>
    public WorkingGroup ToModel(Negotiation negotiation) => new(
        Key.Fresh(["wg", Name.Trim().ToLowerInvariant()], "working-group", id => negotiation.WorkingGroups.Any(g => g.Id == id)),
        Name.Trim(), negotiation.Parties.Select(p => p.Id).Where(Members.Contains), negotiation.Issues.Select(i => i.Id).Where(Issues.Contains),
        NextMeeting is { } m ? RoundDraft.Day(m) : null, Venue.Trim(), Label());
}

/// <summary>One action of a contingency being planned.</summary>
public sealed class ActionLine
{
    /// <summary>Commit (the owner acts) or request (another party is asked to).</summary>
    public ActionKind Kind { get; set; } = ActionKind.Request;

    /// <summary>Who acts; the owner for a commitment.</summary>
    public string Party { get; set; } = "";

    /// <summary>What is to be done.</summary>
    public string Text { get; set; } = "";
}

/// <summary>The contingency form: "if proposal P is rejected (by X), expires, is accepted or withdrawn, then …".</summary>
public sealed class ContingencyDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["owner", "trigger", "actions", "visibility"];

    /// <summary>The party holding the plan.</summary>
    public string Owner { get; set; } = "";

    /// <summary>The event it waits for.</summary>
    public TriggerKind Trigger { get; set; } = TriggerKind.ProposalRejected;

    /// <summary>The proposal watched.</summary>
    public string Proposal { get; set; } = "";

    /// <summary>For a rejection: the party whose answer counts, or empty for any addressee.</summary>
    public string By { get; set; } = "";

    /// <summary>What follows, one line per action.</summary>
    public List<ActionLine> Actions { get; } = [new()];

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (Owner.Length == 0) errors.Add("owner", "Choose the party holding the plan.");
        if (Proposal.Length == 0) errors.Add("trigger", "Choose the proposal the plan watches.");
        var filled = Actions.Where(a => a.Party.Length > 0 || a.Text.Trim().Length > 0).ToArray();
        if (filled.Length == 0) errors.Add("actions", "Write at least one action: who does what when the plan fires.");
        else if (filled.FirstOrDefault(a => a.Party.Length == 0 && a.Kind == ActionKind.Request) is not null)
            errors.Add("actions", "Choose the party each request is made to.");
        else if (filled.FirstOrDefault(a => a.Text.Trim().Length == 0) is not null)
            errors.Add("actions", "Write what each action is.");
        return errors;
    }

    /// <summary>The contingency; a commitment's party is the owner. The negotiation checks the trigger's party.</summary>
    public Contingency ToModel(Negotiation negotiation)
    {
        var actions = Actions.Where(a => a.Party.Length > 0 || a.Text.Trim().Length > 0)
            .Select(a => new ContingencyAction(a.Kind, a.Kind == ActionKind.Commit ? Owner : a.Party, a.Text.Trim()));
        var trigger = new ContingencyTrigger(Trigger, Proposal, Trigger == TriggerKind.ProposalRejected && By.Length > 0 ? By : null);
        var id = Key.Fresh([Owner, "if", Proposal, Words(Trigger)], "contingency", x => negotiation.Contingencies.Any(c => c.Id == x));
        return new Contingency(id, Owner, trigger, actions, visibility: Label());
    }

    /// <summary>The trigger in words (<c>rejected</c>, <c>expired</c>…).</summary>
    public static string Words(TriggerKind kind) => kind switch
    {
        TriggerKind.ProposalRejected => "rejected",
        TriggerKind.ProposalExpired => "expired",
        TriggerKind.ProposalAccepted => "accepted",
        _ => "withdrawn",
    };
}
