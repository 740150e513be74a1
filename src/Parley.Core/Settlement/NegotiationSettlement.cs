using System.Collections.Immutable;
using Parley.Core.Talks;

namespace Parley.Core.Settlement;

/// <summary>
/// A negotiation's settlement problem: the outcome space over its agenda, one engine profile per party with a
/// preference profile, and which issues were fixed because they are agreed.
/// </summary>
/// <param name="Problem">The problem for <see cref="SettlementAnalyzer"/>; issues and option labels are the negotiation's ids.</param>
/// <param name="AsOf">The instant the talks were read at, or null for "every agreement and the latest positions, ignoring dates".</param>
/// <param name="Fixed">Issue id → the agreed option it was fixed to (agenda order); empty when <see cref="AsOf"/> is null.</param>
/// <param name="PositionRedLines">Per party (profile order), the red lines taken from its positions current at <see cref="AsOf"/>.</param>
public sealed record NegotiationProblem(
    SettlementProblem Problem,
    DateTimeOffset? AsOf,
    ImmutableArray<KeyValuePair<string, string>> Fixed,
    ImmutableArray<ImmutableArray<OptionKey>> PositionRedLines)
{
    /// <summary>The parties, in the order of every utility vector.</summary>
    public IEnumerable<string> Parties => Problem.Profiles.Select(p => p.Party);
}

/// <summary>
/// Turns a negotiation and its parties' <see cref="PartyPreferences"/> into a <see cref="SettlementProblem"/>.
/// </summary>
/// <remarks>
/// <para><b>Space.</b> One issue per agenda issue, its options the issue's option ids in order. With an as-of instant,
/// an issue agreed by then (<see cref="TalksStatus"/>) keeps only its agreed option: the settlement is sought over what
/// is still open, while utilities stay comparable (the agreed issues add the same amount to every package).</para>
/// <para><b>Red lines.</b> A party's red lines are the union of those its profile states and the options its current
/// position on each issue (the latest with valid-from ≤ as-of; without as-of, the latest recorded) marks
/// <c>red-line</c>. <c>unacceptable</c> is not a red line: it is a stance "for now", and the utility says how bad it is.</para>
/// <para><b>Fixed issues.</b> Constraints, interactions and red lines naming an option an agreed issue no longer has
/// are resolved against the agreement: a red line on it or an interaction with it vanishes; "a requires b" with b
/// agreed away makes a a red line; "a excludes b" with either agreed away vanishes. A red line on the agreed option
/// itself stays — no package is then acceptable to that party, which is what the talks need to see. A position's red
/// line listed in <see cref="PartyPreferences.LiftedRedLines"/> is set aside (what-if).</para>
/// </remarks>
public static class NegotiationSettlement
{
    /// <summary>Builds the problem for the parties of <paramref name="profiles"/>, in their order.</summary>
    /// <param name="negotiation">The whole negotiation: the neutral reads every position's red lines.</param>
    /// <param name="profiles">Every party's profile.</param>
    /// <param name="asOf">The date whose agreements fix issues and whose positions hold; null: no date.</param>
    /// <param name="agreementsFrom">
    /// The negotiation whose agreements fix issues, when not <paramref name="negotiation"/> itself: a delegation's view,
    /// so that an agreement kept from the delegation fixes nothing in what it is shown.
    /// </param>
    /// <exception cref="ArgumentException">No profile, two for one party, or a profile naming what the negotiation does not have.</exception>
    public static NegotiationProblem Build(Negotiation negotiation, IEnumerable<PartyPreferences> profiles, DateTimeOffset? asOf = null,
        Negotiation? agreementsFrom = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var list = profiles.ToArray();
        foreach (var p in list)
        {
            try { p.CheckAgainst(negotiation); }
            catch (RuleRefusal e) { throw new ArgumentException($"The profile of '{p.Party}': {e.Field}: {e.Message}", nameof(profiles), e); }
        }

        var agreed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (asOf is { } at)
            foreach (var report in TalksStatus.Compute(agreementsFrom ?? negotiation, at).Issues)
                if (report.Status == IssueStatus.Agreed && report.AgreedOption is { } option) agreed[report.Issue] = option;

        var issues = negotiation.Issues
            .Select(i => SettlementIssue.Discrete(i.Id, agreed.TryGetValue(i.Id, out var o) ? [o] : i.Options.Select(x => x.Id)))
            .ToArray();
        var space = new OutcomeSpace(issues);
        // No date: the latest position of each party, whatever its date (the same rule, with no cut-off).
        var positions = negotiation.PositionsAsOf(asOf ?? DateTimeOffset.MaxValue).Values;
        var fromPositions = list.Select(p => positions
            .Where(x => x.Party == p.Party)
            .SelectMany(x => x.Stances.Where(s => s.Value == Stance.RedLine).Select(s => new OptionKey(x.Issue, s.Key)))
            .Where(key => !p.LiftedRedLines.Contains(key))
            .ToImmutableArray()).ToImmutableArray();
        var engine = list.Select((p, k) => Profile(space, p, fromPositions[k])).ToArray();
        var fixedIssues = negotiation.Issues.Where(i => agreed.ContainsKey(i.Id)).Select(i => KeyValuePair.Create(i.Id, agreed[i.Id]));
        return new NegotiationProblem(new SettlementProblem(space, engine), asOf, [.. fixedIssues], fromPositions);
    }

    /// <summary>
    /// The package a trade search starts from, written as a comma-separated list of items, each either
    /// <c>issue=option</c> or the id of a proposal of <paramref name="negotiation"/> (its package). Later items
    /// override earlier ones. A proposal's choice on an issue agreed as of the date gives way to the agreement; an
    /// explicit <c>issue=option</c> there must name the agreed option. Open issues named by no item take
    /// <paramref name="fill"/>'s option (usually the Nash package's).
    /// </summary>
    /// <exception cref="ArgumentException">An empty or malformed item, an unknown proposal, issue or option, or a reopened agreed issue.</exception>
    public static Outcome Reference(NegotiationProblem problem, Negotiation negotiation, string spec, Outcome fill)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(negotiation);
        var fixedIssues = problem.Fixed.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (spec ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0) throw new ArgumentException("an empty item in the package (write issue=option or a proposal id, separated by commas)", nameof(spec));
            var eq = item.IndexOf('=');
            if (eq >= 0)
            {
                var (issue, option) = (item[..eq].Trim(), item[(eq + 1)..].Trim());
                if (!Key.IsValid(issue) || !Key.IsValid(option)) throw new ArgumentException($"'{item}' is not issue=option", nameof(spec));
                choices[issue] = option;
                continue;
            }
            var proposal = negotiation.FindProposal(item) ?? throw new ArgumentException($"unknown proposal '{item}' (write issue=option or a proposal id)", nameof(spec));
            foreach (var (issue, option) in proposal.Package)
                if (!fixedIssues.Contains(issue)) choices[issue] = option;
        }
        return Package(problem, choices, fill);
    }

    /// <summary>
    /// A package from ids: <paramref name="choices"/> (issue id → option id) over the issues still open; every other
    /// open issue takes <paramref name="fill"/>'s option, fixed issues their agreed option.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown issue or option, or an option other than the agreed one on a fixed issue.</exception>
    public static Outcome Package(NegotiationProblem problem, IReadOnlyDictionary<string, string> choices, Outcome fill)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var space = problem.Problem.Space;
        space.Check(fill);
        var fixedIssues = problem.Fixed.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var result = fill;
        foreach (var (issueId, optionId) in choices)
        {
            var i = space.IndexOf(issueId);
            if (i < 0) throw new ArgumentException($"unknown issue '{issueId}'", nameof(choices));
            if (fixedIssues.TryGetValue(issueId, out var agreedOption) && agreedOption != optionId)
                throw new ArgumentException($"issue '{issueId}' is agreed ('{agreedOption}') as of the date; choose an earlier date to reopen it", nameof(choices));
            var o = space.Issues[i].IndexOf(optionId);
            if (o < 0) throw new ArgumentException($"issue '{issueId}' has no option '{optionId}'", nameof(choices));
            result = result.With(i, o);
        }
        return result;
    }

    private static PreferenceProfile Profile(OutcomeSpace space, PartyPreferences p, ImmutableArray<OptionKey> positionRedLines)
    {
        OptionRef? Map(OptionKey key)
        {
            var i = space.IndexOf(key.Issue);
            var o = space.Issues[i].IndexOf(key.Option);
            return o < 0 ? null : new OptionRef(i, o);
        }

        var weights = space.Issues.Select(i => p.On(i.Name)?.Weight ?? 0).ToArray();
        var values = space.Issues.Select(i => p.On(i.Name) is { } pref ? i.Options.Select(pref.ValueOf).ToArray() : new double[i.Count]).ToArray();
        var redLines = new List<OptionRef>();
        foreach (var key in p.RedLines.Concat(positionRedLines))
            if (Map(key) is { } r) redLines.Add(r);
        var constraints = new List<CrossIssueConstraint>();
        foreach (var c in p.Constraints)
        {
            var (a, b) = (Map(c.If), Map(c.Then));
            if (a is not { } ifRef) continue;
            if (b is { } thenRef) constraints.Add(new CrossIssueConstraint(c.Kind, ifRef, thenRef));
            else if (c.Kind == ConstraintKind.Requires) redLines.Add(ifRef);
        }
        var interactions = p.Interactions
            .Select(t => (First: Map(t.First), Second: Map(t.Second), t.Bonus))
            .Where(t => t.First is not null && t.Second is not null)
            .Select(t => new Interaction(t.First!.Value, t.Second!.Value, t.Bonus));
        return new PreferenceProfile(p.Party, new UtilityFunction(weights, values, interactions), p.Reservation, redLines, constraints);
    }
}
