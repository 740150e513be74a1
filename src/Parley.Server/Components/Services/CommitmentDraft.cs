using System.Globalization;
using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>
/// The form that makes a commitment from an agreed provision of a draft: a ceasefire term (a prohibition on some conduct
/// by the bound parties) or a guarantee (an obligation of debtors to a creditor, due within a deadline of a verified
/// incident attributed to some parties), with an optional window. The form checks that its fields are filled in and
/// readable; the commitment's constructors, <see cref="ProvisionSource.Agreed"/> and the store decide the rest.
/// </summary>
public sealed class CommitmentDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["provision", "title", "parties", "conduct", "creditor", "action", "deadline", "attributed", "end", "id"];

    /// <summary>The provision (0-based), or -1 while none is chosen.</summary>
    public int Provision { get; set; } = -1;

    /// <summary><c>prohibition</c> or <c>obligation</c>.</summary>
    public string Kind { get; set; } = "prohibition";

    /// <summary>A human title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The bound parties (prohibition) or the debtors (obligation).</summary>
    public HashSet<string> Parties { get; } = new(StringComparer.Ordinal);

    /// <summary>The conduct (ACLED event types), comma-separated.</summary>
    public string EventTypes { get; set; } = "";

    /// <summary>The party owed the action (obligation).</summary>
    public string Creditor { get; set; } = "";

    /// <summary>The action owed (obligation), e.g. <c>consult</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The hours allowed after the trigger (obligation), as typed.</summary>
    public string DeadlineHours { get; set; } = "";

    /// <summary>The parties whose verified conduct triggers the obligation.</summary>
    public HashSet<string> AttributedTo { get; } = new(StringComparer.Ordinal);

    /// <summary>The window's first day, or none (always).</summary>
    public DateOnly? Start { get; set; }

    /// <summary>The window's last day (inclusive), or none (open-ended).</summary>
    public DateOnly? End { get; set; }

    /// <summary>True for a guarantee.</summary>
    public bool IsObligation => Kind == "obligation";

    private string[] Types => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private double? Hours => double.TryParse(DeadlineHours.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : null;

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (Provision < 0) errors.Add("provision", "Choose the agreed provision the commitment is made from.");
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("title", "Give the commitment a title.");
        if (Parties.Count == 0) errors.Add("parties", IsObligation ? "Choose the parties that owe the action." : "Choose the parties the term binds.");
        if (Types.Length == 0) errors.Add("conduct", "Name the conduct, as event types (e.g. Battles, Explosions/Remote violence).");
        if (IsObligation)
        {
            if (Creditor.Length == 0) errors.Add("creditor", "Choose the party the action is owed to.");
            if (string.IsNullOrWhiteSpace(Action)) errors.Add("action", "Name the action owed, e.g. consult.");
            if (Hours is null) errors.Add("deadline", "Enter the hours allowed after a verified incident, e.g. 24.");
            if (AttributedTo.Count == 0) errors.Add("attributed", "Choose whose verified conduct makes the action due.");
        }
        if (End is not null && Start is null) errors.Add("end", "Choose the first day too, or leave the last day empty.");
        return errors;
    }

    /// <summary>
    /// The commitment around <paramref name="source"/>, its parties in the negotiation's order, its id from the title;
    /// its constructors check it (a deadline that is not positive, a window ending before it starts).
    /// </summary>
    public Commitment ToModel(Negotiation negotiation, ProvisionSource source)
    {
        var id = Key.Fresh([Title.Trim().ToLowerInvariant()], "commitment");
        var rule = new ConductRule("conduct", Types);
        var window = Start is { } s ? new TimeWindow(Day(s), End is { } e ? Day(e).AddDays(1) : null) : null;
        var parties = negotiation.Parties.Select(p => p.Id).Where(Parties.Contains).ToArray();
        return IsObligation
            ? new Obligation(id, Title, parties, Creditor, new IncidentTrigger(rule, negotiation.Parties.Select(p => p.Id).Where(AttributedTo.Contains)),
                Action, TimeSpan.FromHours(Hours ?? 0), window) { Source = source }
            : new Prohibition(id, Title, parties, [rule], window: window) { Source = source };
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The form field for a field named by the model (<c>debtors</c> → <c>parties</c>, <c>requiredAction</c> → <c>action</c>).</summary>
    public static string FieldOf(string modelField) => modelField switch
    {
        "bound parties" or "bound" or "debtors" => "parties",
        "requiredAction" => "action",
        "creditor" or "provision" or "title" or "deadline" or "end" or "id" => modelField,
        "attributedTo" => "attributed",
        _ => "form",
    };
}
