using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Server.Components.Services;

/// <summary>
/// One negotiation as one member sees it as of one instant, as the pages show it: the status report plus the
/// positions holding at that instant, computed from the negotiation scoped to the viewer (so every derived figure uses
/// only what the viewer may see), and what the viewer may do. <see cref="IsNow"/> is true when the user asked for no
/// particular date (the clock's now).
/// </summary>
public sealed class TalksView
{
    private readonly IReadOnlyDictionary<(string Party, string Issue), Position> _current;

    /// <summary>Computes the view.</summary>
    /// <param name="negotiation">The negotiation as <paramref name="viewer"/> may see it (<see cref="NegotiationScope.For"/>).</param>
    /// <param name="viewer">Who is looking.</param>
    /// <param name="asOf">The instant shown.</param>
    /// <param name="isNow">True when showing "now".</param>
    public TalksView(Negotiation negotiation, Viewer viewer, DateTimeOffset asOf, bool isNow)
    {
        Negotiation = negotiation;
        Viewer = viewer;
        AsOf = asOf;
        IsNow = isNow;
        Report = TalksStatus.Compute(negotiation, asOf);
        _current = negotiation.PositionsAsOf(asOf);
    }

    /// <summary>The negotiation.</summary>
    public Negotiation Negotiation { get; }

    /// <summary>Who is looking.</summary>
    public Viewer Viewer { get; }

    /// <summary>True when the viewer's role holds <paramref name="permission"/> (<see cref="AccessRules"/>).</summary>
    public bool Allows(Permission permission) => AccessRules.Allows(Viewer, permission);

    /// <summary>The parties the viewer may record for (all for the mediator, its own for a delegation, none otherwise), in party order.</summary>
    public IReadOnlyList<Party> PartiesActedFor =>
        Allows(Permission.RecordForParty) ? Negotiation.Parties.Where(p => Viewer.ActsFor(p.Id)).ToArray() : [];

    /// <summary>The visibility labels the viewer may give a new item, with how the forms name them: shared first.</summary>
    public IReadOnlyList<(Visibility Visibility, string Label)> LabelChoices =>
    [
        .. new[] { (Visibility.Shared, "everyone at the table"), (Visibility.MediatorOnly, "the mediator only") }
            .Concat(Negotiation.Parties.Select(p => (Visibility.PrivateTo(p.Id), p.Name + " only")))
            .Where(c => Viewer.MayLabel(c.Item1)),
    ];

    /// <summary>The instant shown.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>True when showing "now" rather than a chosen date.</summary>
    public bool IsNow { get; }

    /// <summary>The engine's report as of <see cref="AsOf"/>.</summary>
    public StatusReport Report { get; }

    /// <summary>Number of agreed issues.</summary>
    public int AgreedCount => Report.Issues.Count(i => i.Status == IssueStatus.Agreed);

    /// <summary>The position <paramref name="party"/> holds on <paramref name="issue"/> as of <see cref="AsOf"/>, if any.</summary>
    public Position? PositionOf(string party, string issue) => _current.GetValueOrDefault((party, issue));

    /// <summary>The report line of one issue.</summary>
    public IssueReport? IssueReport(string issue) => Report.Issues.FirstOrDefault(i => i.Issue == issue);

    /// <summary>
    /// A party's place among the negotiation's parties (its colour in highlighted drafts), matching a draft's
    /// attribution (<c>UA</c>) to the id <c>ua</c> regardless of case; -1 when it is not a party.
    /// </summary>
    public int PartyOrdinal(string party)
    {
        var parties = Negotiation.Parties;
        for (var k = 0; k < parties.Count; k++)
            if (string.Equals(parties[k].Id, party, StringComparison.OrdinalIgnoreCase)) return k;
        return -1;
    }

    /// <summary>A party's display name (its id when unknown); a draft's attribution (<c>UA</c>) matches the id <c>ua</c> regardless of case.</summary>
    public string PartyName(string party) =>
        (Negotiation.FindParty(party) ?? Negotiation.Parties.FirstOrDefault(p => string.Equals(p.Id, party, StringComparison.OrdinalIgnoreCase)))?.Name
        ?? party;

    /// <summary>An option's label (its id when unknown).</summary>
    public string OptionLabel(string issue, string option) =>
        Negotiation.FindIssue(issue)?.Options.FirstOrDefault(o => o.Id == option)?.Label ?? option;

    /// <summary>Parties that have held a position on anything, in party order: the matrix columns.</summary>
    public IReadOnlyList<Party> PartiesWithPositions =>
        Negotiation.Parties.Where(p => Negotiation.Positions.Any(x => x.Party == p.Id)).ToArray();
}
