using System.Globalization;
using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>One named line of a form (a delegate, an option): a name and a second text (a title, a description).</summary>
public sealed class NamedLine
{
    /// <summary>The name (a delegate's, an option's label).</summary>
    public string Name { get; set; } = "";

    /// <summary>The second text: a delegate's office, an option's description; may be empty.</summary>
    public string Detail { get; set; } = "";

    /// <summary>True when something is written on the line.</summary>
    public bool Filled => Name.Trim().Length > 0 || Detail.Trim().Length > 0;
}

/// <summary>The party form: a party with its id, name, roles and delegates.</summary>
public sealed class PartyDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["id", "name", "roles", "delegates", "visibility"];

    /// <summary>The party's key as typed (<c>tr</c>), or empty to derive it from the name.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its roles at the table.</summary>
    public HashSet<PartyRole> Roles { get; } = [PartyRole.Principal];

    /// <summary>Its delegates, one line each (name, office).</summary>
    public List<NamedLine> Delegates { get; } = [new()];

    /// <summary>The form's checks, before anything is sent.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (Id.Trim().Length > 0 && !Key.IsValid(Id.Trim()))
            errors.Add("id", "An id is a letter or digit, then letters, digits, '-', '_' or '.' (at most 64), e.g. “tr”.");
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", "Give the party a name.");
        if (Roles.Count == 0) errors.Add("roles", "Choose at least one role.");
        if (Delegates.FirstOrDefault(d => d.Filled && d.Name.Trim().Length == 0) is not null)
            errors.Add("delegates", "Write each delegate's name (the office is optional).");
        return errors;
    }

    /// <summary>The party; each delegate's id comes from the party and the name (<c>tr-hakan-fidan</c>).</summary>
    public Party ToModel(Negotiation negotiation)
    {
        var id = Id.Trim().Length > 0 ? Id.Trim() : Key.Fresh([Name.Trim().ToLowerInvariant()], "party", x => negotiation.FindParty(x) is not null);
        var taken = negotiation.Parties.SelectMany(p => p.Delegates).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var delegates = new List<PartyDelegate>();
        foreach (var d in Delegates.Where(d => d.Filled))
        {
            var key = Key.Fresh([id, d.Name.Trim().ToLowerInvariant()], "delegate", taken.Contains);
            taken.Add(key);
            delegates.Add(new PartyDelegate(key, d.Name.Trim(), d.Detail.Trim()));
        }
        return new Party(id, Name.Trim(), Roles.Order(), delegates, Label());
    }
}

/// <summary>The issue form: an issue with its options, weight and principals.</summary>
public sealed class IssueDraft : AgendaDraft
{
    /// <summary>The form's fields, as the model names them.</summary>
    public static readonly string[] Fields = ["id", "title", "weight", "principals", "options", "visibility"];

    /// <summary>The issue's key as typed, or empty to derive it from the title.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Grouping label (security, territory…), may be empty.</summary>
    public string Category { get; set; } = "";

    /// <summary>The weight as typed (a positive number; 1 by default).</summary>
    public string Weight { get; set; } = "1";

    /// <summary>The parties whose consent it needs; none means every party with the Principal role.</summary>
    public HashSet<string> Principals { get; } = new(StringComparer.Ordinal);

    /// <summary>Its options, one line each (label, description).</summary>
    public List<NamedLine> Options { get; } = [new(), new()];

    /// <summary>Longer description, optional.</summary>
    public string Description { get; set; } = "";

    /// <summary>The weight, or null when it does not read as a number.</summary>
    public double? WeightValue =>
        double.TryParse(Weight.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : null;

    /// <summary>The form's checks, before anything is sent; the model checks that the weight is positive and finite.</summary>
    public FormErrors Check()
    {
        var errors = new FormErrors();
        if (Id.Trim().Length > 0 && !Key.IsValid(Id.Trim()))
            errors.Add("id", "An id is a letter or digit, then letters, digits, '-', '_' or '.' (at most 64), e.g. “water”.");
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("title", "Give the issue a title.");
        if (WeightValue is null) errors.Add("weight", "Enter the weight as a number, e.g. 1 or 2.5.");
        var filled = Options.Where(o => o.Filled).ToArray();
        if (filled.Length == 0) errors.Add("options", "Write at least one option.");
        else if (filled.Any(o => o.Name.Trim().Length == 0)) errors.Add("options", "Write each option's label (the description is optional).");
        return errors;
    }

    /// <summary>The issue; each option's id comes from its label (<c>shared-use</c>).</summary>
    public Issue ToModel(Negotiation negotiation)
    {
        var id = Id.Trim().Length > 0 ? Id.Trim() : Key.Fresh([Title.Trim().ToLowerInvariant()], "issue", x => negotiation.FindIssue(x) is not null);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var options = new List<Option>();
        foreach (var o in Options.Where(o => o.Filled))
        {
            var key = Key.Fresh([o.Name.Trim().ToLowerInvariant()], "option", taken.Contains);
            taken.Add(key);
            options.Add(new Option(key, o.Name.Trim(), o.Detail.Trim()));
        }
        var principals = Principals.Count == 0 ? null : negotiation.Parties.Select(p => p.Id).Where(Principals.Contains).ToArray();
        return new Issue(id, Title.Trim(), Category.Trim(), WeightValue ?? double.NaN, options, principals, Description.Trim(), Label());
    }
}
