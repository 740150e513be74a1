using System.Collections.Immutable;
using Parley.Core.Talks;

namespace Parley.Core.Settlement;

/// <summary>One option of one issue of a negotiation, by ids (<c>nato</c>, <c>forgo-membership</c>).</summary>
public readonly record struct OptionKey
{
    /// <summary>Creates a key.</summary>
    /// <exception cref="ArgumentException">A malformed id.</exception>
    public OptionKey(string issue, string option)
    {
        Issue = Key.Require(issue, nameof(issue));
        Option = Key.Require(option, nameof(option));
    }

    /// <summary>The issue's id.</summary>
    public string Issue { get; }

    /// <summary>The option's id within the issue.</summary>
    public string Option { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Issue}: {Option}";
}

/// <summary>How much a party cares about one issue and how it values each option of it.</summary>
public sealed record IssuePreference
{
    /// <summary>Creates the preference on one issue.</summary>
    /// <param name="issue">The issue's id.</param>
    /// <param name="weight">wᵢ, finite (usually ≥ 0; weights need not sum to 1).</param>
    /// <param name="values">vᵢ per option id, finite, in the order given; options not listed are worth 0.</param>
    /// <exception cref="ArgumentException">A malformed id, a number that is not finite, no value, or an option listed twice.</exception>
    public IssuePreference(string issue, double weight, IEnumerable<KeyValuePair<string, double>> values)
    {
        Issue = Key.Require(issue, nameof(issue));
        if (!double.IsFinite(weight)) throw new ArgumentException($"The weight of issue '{issue}' must be a finite number.", nameof(weight));
        Weight = weight;
        Values = [.. values];
        if (Values.IsEmpty) throw new ArgumentException($"Issue '{issue}' values no option.", nameof(values));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (option, value) in Values)
        {
            Key.Require(option, nameof(values));
            if (!seen.Add(option)) throw new ArgumentException($"Option '{option}' of issue '{issue}' is valued twice.", nameof(values));
            if (!double.IsFinite(value)) throw new ArgumentException($"The value of option '{option}' must be a finite number.", nameof(values));
        }
    }

    /// <summary>The issue's id.</summary>
    public string Issue { get; }

    /// <summary>wᵢ.</summary>
    public double Weight { get; }

    /// <summary>vᵢ per option id, in the order given.</summary>
    public ImmutableArray<KeyValuePair<string, double>> Values { get; }

    /// <summary>vᵢ(<paramref name="option"/>); 0 for an option not listed.</summary>
    public double ValueOf(string option)
    {
        foreach (var (o, v) in Values)
            if (o == option) return v;
        return 0;
    }
}

/// <summary>"<see cref="If"/> only together with <see cref="Then"/>" (requires) or "<see cref="If"/> excludes <see cref="Then"/>".</summary>
/// <param name="Kind">Requires or excludes.</param>
/// <param name="If">The triggering option.</param>
/// <param name="Then">The option required or excluded, on another issue.</param>
public sealed record PreferenceConstraint(ConstraintKind Kind, OptionKey If, OptionKey Then)
{
    /// <summary>The triggering option.</summary>
    public OptionKey If { get; } = If;

    /// <summary>The option required or excluded; on another issue than <see cref="If"/>.</summary>
    public OptionKey Then { get; } = Then.Issue != If.Issue ? Then
        : throw new ArgumentException("A cross-issue constraint links two different issues.", nameof(Then));
}

/// <summary>A bonus (negative: a malus) added to the party's utility when both options are chosen.</summary>
/// <param name="First">One option.</param>
/// <param name="Second">An option of another issue.</param>
/// <param name="Bonus">Added to u when both are chosen; finite.</param>
public sealed record PreferenceInteraction(OptionKey First, OptionKey Second, double Bonus)
{
    /// <summary>An option of another issue than <see cref="First"/>.</summary>
    public OptionKey Second { get; } = Second.Issue != First.Issue ? Second
        : throw new ArgumentException("An interaction links two different issues.", nameof(Second));

    /// <summary>The bonus.</summary>
    public double Bonus { get; } = double.IsFinite(Bonus) ? Bonus
        : throw new ArgumentException("An interaction bonus must be a finite number.", nameof(Bonus));
}

/// <summary>
/// One party's preference profile inside a negotiation, in the negotiation's own ids: u(x) = Σᵢ wᵢ·vᵢ(xᵢ) + Σ bonuses
/// of the interactions whose two options are chosen, with wᵢ = 0 for an issue not listed and vᵢ = 0 for an option
/// not listed; a reservation value r (the utility of no agreement; a package is acceptable to the party when u ≥ r);
/// red lines (options never accepted) stated here — the red-line stances of the party's current positions count
/// too, see <see cref="NegotiationSettlement"/> —; cross-issue constraints and interactions.
/// </summary>
/// <remarks>
/// A profile is private to its delegation and the mediator: its visibility is <c>party:PARTY</c> unless it is
/// made mediator-only or shared; it can never be private to another party.
/// </remarks>
public sealed record PartyPreferences
{
    /// <summary>Creates a profile.</summary>
    /// <exception cref="ArgumentException">A malformed party id, an issue listed twice, a reservation that is not finite, or a visibility private to another party.</exception>
    public PartyPreferences(
        string party,
        IEnumerable<IssuePreference> issues,
        double reservation = 0,
        IEnumerable<OptionKey>? redLines = null,
        IEnumerable<PreferenceConstraint>? constraints = null,
        IEnumerable<PreferenceInteraction>? interactions = null,
        string note = "",
        Visibility? visibility = null)
    {
        Party = Key.Require(party, nameof(party));
        Issues = [.. issues];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in Issues)
            if (!seen.Add(i.Issue)) throw new ArgumentException($"Issue '{i.Issue}' is listed twice.", nameof(issues));
        if (!double.IsFinite(reservation)) throw new ArgumentException("The reservation value must be a finite number.", nameof(reservation));
        Reservation = reservation;
        RedLines = redLines is null ? [] : [.. redLines];
        if (RedLines.Distinct().Count() != RedLines.Length) throw new ArgumentException("A red line is listed twice.", nameof(redLines));
        Constraints = constraints is null ? [] : [.. constraints];
        Interactions = interactions is null ? [] : [.. interactions];
        Note = note ?? "";
        Visibility = visibility ?? Visibility.PrivateTo(party);
        if (Visibility.Scope == VisibilityScope.Party && Visibility.Party != party)
            throw new ArgumentException($"The profile of '{party}' cannot be private to '{Visibility.Party}'.", nameof(visibility));
    }

    /// <summary>The party whose preferences these are.</summary>
    public string Party { get; }

    /// <summary>The issues the party cares about, in the order given.</summary>
    public ImmutableArray<IssuePreference> Issues { get; }

    /// <summary>r: the utility of no agreement.</summary>
    public double Reservation { get; }

    /// <summary>Red lines stated in the profile (beyond those of the party's positions), in the order given.</summary>
    public ImmutableArray<OptionKey> RedLines { get; }

    /// <summary>
    /// Red lines of the party's positions set aside for a what-if ("what if Ukraine lifted this red line?"); never
    /// stored or written. Red lines the profile states itself are lifted by leaving them out of <see cref="RedLines"/>.
    /// </summary>
    public ImmutableArray<OptionKey> LiftedRedLines { get; init; } = [];

    /// <summary>Cross-issue constraints.</summary>
    public ImmutableArray<PreferenceConstraint> Constraints { get; }

    /// <summary>Interaction bonuses.</summary>
    public ImmutableArray<PreferenceInteraction> Interactions { get; }

    /// <summary>Analyst's note (e.g. where the figures come from).</summary>
    public string Note { get; }

    /// <summary>Who may see the profile; <c>party:PARTY</c> by default.</summary>
    public Visibility Visibility { get; }

    /// <summary>The preference on <paramref name="issue"/>, or null when the party is indifferent to it.</summary>
    public IssuePreference? On(string issue) => Issues.FirstOrDefault(i => i.Issue == issue);

    /// <summary>
    /// Checks every id against <paramref name="negotiation"/>. The field named in the exception is the path within
    /// the profile as a scenario file writes it (<c>issues.nato.values.x</c>, <c>red_lines.territory[0]</c>,
    /// <c>constraints[1].then.guarantees</c>).
    /// </summary>
    /// <exception cref="RuleRefusal">An unknown party, issue or option.</exception>
    public void CheckAgainst(Negotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var party = negotiation.FindParty(Party) ?? throw new RuleRefusal("party", $"unknown party '{Party}'");
        if (!party.Visibility.Covers(Visibility))
            throw new RuleRefusal("party", $"party '{Party}' is {party.Visibility}, so a profile readable as {Visibility} cannot name it");
        foreach (var i in Issues)
        {
            var issue = negotiation.FindIssue(i.Issue) ?? throw new RuleRefusal($"issues.{i.Issue}", $"unknown issue '{i.Issue}'");
            RequireVisible(issue, $"issues.{i.Issue}");
            foreach (var (option, _) in i.Values)
                if (!issue.HasOption(option))
                    throw new RuleRefusal($"issues.{i.Issue}.values.{option}", $"issue '{i.Issue}' has no option '{option}'");
        }
        foreach (var group in RedLines.GroupBy(r => r.Issue))
            foreach (var (r, k) in group.Select((r, k) => (r, k)))
                Require(negotiation, r, $"red_lines.{r.Issue}", $"red_lines.{r.Issue}[{k}]");
        for (var k = 0; k < Constraints.Length; k++)
        {
            var c = Constraints[k];
            Require(negotiation, c.If, $"constraints[{k}].if.{c.If.Issue}", $"constraints[{k}].if.{c.If.Issue}");
            var then = $"constraints[{k}].{(c.Kind == ConstraintKind.Requires ? "requires" : "excludes")}.{c.Then.Issue}";
            Require(negotiation, c.Then, then, then);
        }
        for (var k = 0; k < Interactions.Length; k++)
        {
            Require(negotiation, Interactions[k].First, $"interactions[{k}].when.{Interactions[k].First.Issue}", $"interactions[{k}].when.{Interactions[k].First.Issue}");
            Require(negotiation, Interactions[k].Second, $"interactions[{k}].when.{Interactions[k].Second.Issue}", $"interactions[{k}].when.{Interactions[k].Second.Issue}");
        }
    }

    // Whoever may read the profile must be able to see every issue it names: a delegation's profile cannot name an issue
    // kept from that delegation, or reading its own profile would reveal it.
    private void RequireVisible(Talks.Issue issue, string field)
    {
        if (!issue.Visibility.Covers(Visibility))
            throw new RuleRefusal(field, $"issue '{issue.Id}' is {issue.Visibility}, so a profile readable as {Visibility} cannot name it");
    }

    private void Require(Negotiation negotiation, OptionKey key, string issueField, string optionField)
    {
        var issue = negotiation.FindIssue(key.Issue) ?? throw new RuleRefusal(issueField, $"unknown issue '{key.Issue}'");
        RequireVisible(issue, issueField);
        if (!issue.HasOption(key.Option)) throw new RuleRefusal(optionField, $"issue '{key.Issue}' has no option '{key.Option}'");
    }
}
