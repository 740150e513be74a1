using System.Globalization;
using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>One line of a package being put together: an issue and the option proposed for it.</summary>
public sealed class PackageLine
{
    /// <summary>The issue, or empty while not chosen.</summary>
    public string Issue { get; set; } = "";

    /// <summary>The option of that issue, or empty while not chosen.</summary>
    public string Option { get; set; } = "";
}

/// <summary>
/// What the proposal form holds while the user fills it in, the checks it makes before anything is sent (each
/// naming its field), and the model value it becomes. A proposal is tabled now, on the app's clock; its deadline
/// is a UTC date and time (<c>yyyy-MM-ddTHH:mm</c>, as a <c>datetime-local</c> input reports it), or none.
/// </summary>
public sealed class ProposalDraft
{
    /// <summary>Display title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The party tabling it.</summary>
    public string Author { get; set; } = "";

    /// <summary>The parties whose acceptance it needs.</summary>
    public HashSet<string> Addressees { get; } = new(StringComparer.Ordinal);

    /// <summary>The package, one line per issue.</summary>
    public List<PackageLine> Package { get; } = [new()];

    /// <summary>The deadline as typed (<c>yyyy-MM-ddTHH:mm</c>, UTC), or empty for none.</summary>
    public string Expires { get; set; } = "";

    /// <summary>Longer description, optional.</summary>
    public string Description { get; set; } = "";

    /// <summary>The deadline, or null when none or not understood.</summary>
    public DateTimeOffset? Deadline =>
        DateTime.TryParseExact(Expires, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero) : null;

    /// <summary>The form's checks, before anything is sent; <paramref name="now"/> is when it would be tabled.</summary>
    public FormErrors Check(Negotiation negotiation, DateTimeOffset now)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("title", "Give the proposal a title.");
        if (negotiation.FindParty(Author) is null) errors.Add("author", "Choose the party tabling the proposal.");
        if (Addressees.Count == 0) errors.Add("addressees", "Choose at least one party whose acceptance it needs.");
        else if (Addressees.Contains(Author)) errors.Add("addressees", "The author cannot be an addressee of its own proposal.");
        var chosen = Package.Where(l => l.Issue.Length > 0).ToArray();
        if (chosen.Length == 0) errors.Add("package", "Put at least one issue with an option in the package.");
        else if (chosen.FirstOrDefault(l => l.Option.Length == 0) is { } open)
            errors.Add("package", $"Choose the option proposed for “{negotiation.FindIssue(open.Issue)?.Title ?? open.Issue}”.");
        else if (chosen.GroupBy(l => l.Issue).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add("package", $"“{negotiation.FindIssue(twice.Key)?.Title ?? twice.Key}” is in the package twice; a package proposes one option per issue.");
        if (Expires.Length > 0 && Deadline is not { } deadline) errors.Add("expires", "Enter the deadline as a date and a time (UTC).");
        else if (Deadline is { } d && d <= now)
            errors.Add("expires", $"The deadline has passed: choose a time after now ({Format.DateTime(now)}).");
        return errors;
    }

    /// <summary>
    /// The proposal, tabled at <paramref name="now"/>, addressed in the negotiation's party order; the model's
    /// constructor checks its own invariants.
    /// </summary>
    public Proposal ToModel(Negotiation negotiation, string id, DateTimeOffset now) => new(id, Author, Title.Trim(),
        Package.Where(l => l.Issue.Length > 0).ToDictionary(l => l.Issue, l => l.Option, StringComparer.Ordinal),
        negotiation.Parties.Select(p => p.Id).Where(Addressees.Contains), now, Deadline, description: Description.Trim());

    /// <summary>The form field for a field named by the model or the negotiation's rules (<c>package.nato</c> → <c>package</c>).</summary>
    public static string FieldOf(string modelField) => modelField switch
    {
        _ when modelField.StartsWith("addressees", StringComparison.Ordinal) => "addressees",
        _ when modelField.StartsWith("package", StringComparison.Ordinal) => "package",
        "expires" or "created" => "expires",
        "author" or "title" => modelField,
        _ => "form",
    };

    /// <summary>A fresh id from the author and the title (<c>us-christmas-truce</c>), with a counter when taken.</summary>
    public string NewId(Negotiation negotiation) =>
        Key.Fresh([Author, Title.Trim().ToLowerInvariant()], "proposal", id => negotiation.Proposals.Any(p => p.Id == id));
}
