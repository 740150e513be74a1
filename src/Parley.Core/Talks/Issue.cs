namespace Parley.Core.Talks;

/// <summary>One possible settlement of an issue, e.g. "freeze on the line of contact".</summary>
/// <param name="Id">Key unique within its issue.</param>
/// <param name="Label">Short display label.</param>
/// <param name="Description">Longer wording; may be empty.</param>
public sealed record Option(string Id, string Label, string Description = "")
{
    /// <summary>The option's key.</summary>
    public string Id { get; } = Key.Require(Id, nameof(Id));

    /// <summary>The display label.</summary>
    public string Label { get; } = Text.Require(Label, nameof(Label));

    /// <summary>Longer wording.</summary>
    public string Description { get; } = Description ?? "";
}

/// <summary>
/// A question the agreement must settle, with the options on the table. <see cref="Principals"/> lists the
/// parties whose consent it needs when the default (every party with the Principal role) is not right —
/// guarantors join for the issues that bind them.
/// </summary>
public sealed record Issue
{
    /// <summary>Creates an issue.</summary>
    /// <exception cref="ArgumentException">Malformed id or title, no option, duplicate option ids, or a weight that is not positive and finite.</exception>
    public Issue(string id, string title, string category, double weight, IEnumerable<Option> options,
        IEnumerable<string>? principals = null, string description = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Title = Text.Require(title, nameof(title));
        Category = category ?? "";
        if (!(weight > 0) || double.IsInfinity(weight))
            throw new ArgumentException($"Issue '{id}' weight must be positive and finite, not {weight}.", nameof(weight));
        Weight = weight;
        Options = options.ToArray();
        if (Options.Count == 0) throw new ArgumentException($"Issue '{id}' needs at least one option.", nameof(options));
        Duplicates.Check(Options.Select(o => o.Id), $"issue '{id}' options");
        Principals = principals?.Select(p => Key.Require(p, nameof(principals))).Distinct().ToArray();
        Description = description ?? "";
        Visibility = visibility;
    }

    /// <summary>The issue's key.</summary>
    public string Id { get; }

    /// <summary>Display title.</summary>
    public string Title { get; }

    /// <summary>Free category, e.g. "security" or "territory"; may be empty.</summary>
    public string Category { get; }

    /// <summary>Relative weight for the weighted agreed share (&gt; 0; 1 by convention).</summary>
    public double Weight { get; }

    /// <summary>The options on the table.</summary>
    public IReadOnlyList<Option> Options { get; }

    /// <summary>Explicit principals, or null for "every party with the Principal role".</summary>
    public IReadOnlyList<string>? Principals { get; }

    /// <summary>Longer description.</summary>
    public string Description { get; }

    /// <summary>Who may see the issue.</summary>
    public Visibility Visibility { get; }

    /// <summary>True when the issue offers an option with this id.</summary>
    public bool HasOption(string optionId) => Options.Any(o => o.Id == optionId);
}
