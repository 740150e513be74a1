using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

/// <summary>
/// Small builders for hand-made negotiations. Every helper that adds to a negotiation goes through the
/// aggregate's own methods, so a test never holds data the aggregate would refuse.
/// </summary>
internal static class Build
{
    /// <summary>A fixed instant: 14 Dec 2025, 10:00 in Berlin.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 12, 14, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary><see cref="T0"/> plus some hours.</summary>
    public static DateTimeOffset H(double hours) => T0.AddHours(hours);

    /// <summary>A negotiation whose parties are all principals.</summary>
    public static Negotiation TalksAmong(params string[] principals)
    {
        var n = new Negotiation("talks", "Test talks");
        foreach (var p in principals) n.AddParty(Party(p, PartyRole.Principal));
        return n;
    }

    public static Party Party(string id, params PartyRole[] roles) => new(id, $"Party {id}", roles);

    public static Issue Issue(string id, params string[] options) => Issue(id, 1, options);

    public static Issue Issue(string id, double weight, params string[] options) =>
        new(id, $"Issue {id}", "", weight, options.Select(o => new Option(o, $"Option {o}")));

    public static Issue IssueFor(string id, string[] principals, params string[] options) =>
        new(id, $"Issue {id}", "", 1, options.Select(o => new Option(o, $"Option {o}")), principals);

    public static Position Position(string id, string party, string issue, DateTimeOffset from,
        params (string Option, Stance Stance)[] stances) =>
        new(id, party, issue, from, stances.ToDictionary(s => s.Option, s => s.Stance));

    public static Proposal Offer(string id, string author, string[] to, DateTimeOffset created,
        DateTimeOffset? expires = null, params (string Issue, string Option)[] package) =>
        new(id, author, $"Offer {id}", package.ToDictionary(p => p.Issue, p => p.Option), to, created, expires);

    public static Response Accept(string party, DateTimeOffset at) => new(party, ResponseKind.Accept, at);

    public static Response Reject(string party, DateTimeOffset at) => new(party, ResponseKind.Reject, at);

    public static Negotiation With(this Negotiation n, params Party[] parties)
    {
        foreach (var p in parties) n.AddParty(p);
        return n;
    }

    public static Negotiation With(this Negotiation n, params Issue[] issues)
    {
        foreach (var i in issues) n.AddIssue(i);
        return n;
    }

    public static Negotiation With(this Negotiation n, Proposal proposal)
    {
        n.AddProposal(proposal);
        return n;
    }

    /// <summary>Records <paramref name="party"/>'s position on <paramref name="issue"/> from <paramref name="from"/>.</summary>
    public static Negotiation Holds(this Negotiation n, string party, string issue, DateTimeOffset from,
        params (string Option, Stance Stance)[] stances)
    {
        n.RecordPosition(Position($"pos{n.Positions.Count + 1}", party, issue, from, stances));
        return n;
    }

    /// <summary>Records that <paramref name="parties"/> agreed <paramref name="option"/> of <paramref name="issue"/>.</summary>
    public static Negotiation Agrees(this Negotiation n, string issue, string option, DateTimeOffset at,
        string[] parties, bool adReferendum = false)
    {
        n.RecordAgreement(new Agreement($"agr{n.Agreements.Count + 1}", issue, option, parties, at, adReferendum));
        return n;
    }

    public static StatusReport StatusAt(this Negotiation n, DateTimeOffset asOf) => TalksStatus.Compute(n, asOf);

    public static IssueReport IssueAt(this Negotiation n, string issue, DateTimeOffset asOf) =>
        TalksStatus.Compute(n, asOf).Issues.Single(i => i.Issue == issue);

    public static ProposalReport ProposalAt(this Negotiation n, string proposal, DateTimeOffset asOf) =>
        TalksStatus.Compute(n, asOf).Proposals.Single(p => p.Proposal == proposal);

    /// <summary>Everything the aggregate holds, to check that a refused change left it as it was.</summary>
    public static object[] Snapshot(this Negotiation n) =>
    [
        n.Parties.ToArray(), n.Issues.ToArray(), n.Statements.ToArray(), n.Positions.ToArray(),
        n.Proposals.ToArray(), n.Agreements.ToArray(), n.Rounds.ToArray(), n.WorkingGroups.ToArray(),
        n.Contingencies.ToArray(),
    ];

    /// <summary>Asserts that <paramref name="change"/> is refused naming <paramref name="field"/> and changes nothing.</summary>
    public static RuleRefusal AssertRefused(this Negotiation n, Action change, string field)
    {
        var before = n.Snapshot();
        var error = Assert.Throws<RuleRefusal>(change);
        Assert.Equal(field, error.Field);
        var after = n.Snapshot();
        for (var k = 0; k < before.Length; k++)
            Assert.Equal((IEnumerable<object>)before[k], (IEnumerable<object>)after[k]);
        return error;
    }
}
