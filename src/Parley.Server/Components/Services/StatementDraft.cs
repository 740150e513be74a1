using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>
/// What the statement form holds while the user fills it in, the checks it makes before anything is sent (each
/// naming its field), and the model value it becomes. The negotiation's own rules (an unknown delegate, a taken
/// id) still decide when the statement is stored; <see cref="FieldOf"/> maps their fields back onto the form.
/// </summary>
public sealed class StatementDraft
{
    /// <summary>The day it was made (UTC); today means now.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>What was said.</summary>
    public string Text { get; set; } = "";

    /// <summary>The parties it speaks for; several make a joint statement.</summary>
    public HashSet<string> Signatories { get; } = new(StringComparer.Ordinal);

    /// <summary>The delegate who spoke, or empty.</summary>
    public string Speaker { get; set; } = "";

    /// <summary>Where it was reported, or empty.</summary>
    public string Source { get; set; } = "";

    /// <summary>Who may see it: <c>shared</c>, <c>mediator</c> or <c>party:ID</c>.</summary>
    public string Visibility { get; set; } = "shared";

    /// <summary>What the stance is about: <c>issue:ID</c>, <c>proposal:ID</c>, or empty for no stance.</summary>
    public string About { get; set; } = "";

    /// <summary>The option of that issue, or empty for the issue as a whole.</summary>
    public string Option { get; set; } = "";

    /// <summary>The stance taken (a <see cref="Core.Talks.Stance"/> name), or empty.</summary>
    public string Stance { get; set; } = "";

    /// <summary>The issue the stance is about, if it is about one.</summary>
    public string? AboutIssue => About.StartsWith("issue:", StringComparison.Ordinal) ? About["issue:".Length..] : null;

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check(Negotiation negotiation, DateTimeOffset now)
    {
        var errors = new FormErrors();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Day is not { } day) errors.Add("date", "Choose the day the statement was made.");
        else if (day > today) errors.Add("date", $"A statement cannot be dated after today ({Format.Date(now)}).");
        if (Signatories.Count == 0) errors.Add("signatories", "Choose the party it speaks for (several for a joint statement).");
        if (Speaker.Length > 0 && negotiation.Parties.FirstOrDefault(p => p.Delegates.Any(d => d.Id == Speaker)) is { } party
            && !Signatories.Contains(party.Id))
            errors.Add("speaker", $"This delegate speaks for {party.Name}, which is not among the signatories.");
        if (string.IsNullOrWhiteSpace(Text)) errors.Add("text", "Write what was said (a quotation or a paraphrase).");
        if (About.Length > 0 && Stance.Length == 0) errors.Add("stance", "Choose the stance taken, or “no stance” above.");
        return errors;
    }

    /// <summary>
    /// The statement, its signatories in the negotiation's party order; the model's constructor checks its own
    /// invariants (<see cref="ArgumentException"/>).
    /// </summary>
    public Statement ToModel(Negotiation negotiation, string id, DateTimeOffset at)
    {
        var stances = new List<StatementStance>();
        if (About.Length > 0 && Enum.TryParse<Stance>(Stance, out var stance))
        {
            var proposal = About.StartsWith("proposal:", StringComparison.Ordinal) ? About["proposal:".Length..] : null;
            stances.Add(new StatementStance(AboutIssue, AboutIssue is null || Option.Length == 0 ? null : Option, proposal, stance));
        }
        var visibility = Core.Talks.Visibility.TryParse(Visibility, out var v) ? v : throw new ArgumentException("unknown visibility", "visibility");
        var signatories = negotiation.Parties.Select(p => p.Id).Where(Signatories.Contains);
        return new Statement(id, at, Text.Trim(), signatories, Speaker.Length > 0 ? Speaker : null, stances,
            Source.Trim(), visibility);
    }

    /// <summary>The form field for a field named by the model or the negotiation's rules (<c>signatories[1]</c> → <c>signatories</c>).</summary>
    public static string FieldOf(string modelField) => modelField switch
    {
        _ when modelField.StartsWith("signatories", StringComparison.Ordinal) => "signatories",
        _ when modelField.StartsWith("stances", StringComparison.Ordinal) => "stance",
        "speaker" or "text" or "visibility" => modelField,
        "at" => "date",
        _ => "form",
    };

    /// <summary>A fresh id: the first signatory and the day (<c>ua-2025-12-16</c>), with a counter when taken.</summary>
    public string NewId(Negotiation negotiation, DateTimeOffset at) =>
        Key.Fresh([Signatories.Order(StringComparer.Ordinal).FirstOrDefault() ?? "statement", $"{at.UtcDateTime:yyyy-MM-dd}"], "statement",
            id => negotiation.Statements.Any(s => s.Id == id));
}
