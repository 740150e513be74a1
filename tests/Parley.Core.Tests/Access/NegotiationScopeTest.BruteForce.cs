using System.Text.Json;
using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Access;

// NegotiationScope.For against a brute-force statement of the rule on 200 seeded random negotiations.
public partial class NegotiationScopeTest
{
    private const int Seeds = 200;

    private static readonly DateTimeOffset[] Instants =
        [RandomTalks.H(-1), RandomTalks.H(3), RandomTalks.H(9), RandomTalks.H(15), RandomTalks.H(30), RandomTalks.H(1000)];

    /// <summary>The mediator, each party's delegation, a guarantor of each party and one of none, a monitor, an observer.</summary>
    private static IEnumerable<Viewer> ViewersOf(Negotiation n) =>
        new[] { new Viewer("med", MemberRole.Mediator), new Viewer("mon", MemberRole.Monitor), new Viewer("obs", MemberRole.Observer),
                new Viewer("gua", MemberRole.Guarantor) }
            .Concat(n.Parties.Select(p => new Viewer($"del-{p.Id}", MemberRole.Delegation, p.Id)))
            .Concat(n.Parties.Select(p => new Viewer($"gua-{p.Id}", MemberRole.Guarantor, p.Id)));

    /// <summary>What a viewer should be shown, item by item in dependency order: visible, and every reference kept.</summary>
    private sealed record Expected(
        HashSet<string> Parties, HashSet<string> Issues, HashSet<string> Proposals, HashSet<string> Statements,
        Dictionary<string, Response[]> Responses, HashSet<string> Positions, HashSet<string> Agreements,
        HashSet<string> Rounds, HashSet<string> WorkingGroups, HashSet<string> Contingencies);

    private static Expected BruteForce(Negotiation n, Viewer v)
    {
        var parties = n.Parties.Where(p => v.CanSee(p.Visibility)).Select(p => p.Id).ToHashSet();
        var issues = n.Issues
            .Where(i => v.CanSee(i.Visibility) && (i.Principals ?? []).All(parties.Contains))
            .Select(i => i.Id).ToHashSet();
        var proposals = n.Proposals
            .Where(p => v.CanSee(p.Visibility) && parties.Contains(p.Author) && p.Addressees.All(parties.Contains) && p.Package.Keys.All(issues.Contains))
            .Select(p => p.Id).ToHashSet();
        // A speaker refers to the party whose delegation it sits on.
        string? SpeakerParty(string? speaker) => n.Parties.FirstOrDefault(p => p.Delegates.Any(d => d.Id == speaker))?.Id;
        var statements = n.Statements
            .Where(s => v.CanSee(s.Visibility) && s.Signatories.All(parties.Contains)
                && (s.Speaker is null || parties.Contains(SpeakerParty(s.Speaker)!))
                && s.Stances.All(st => (st.Proposal is null || proposals.Contains(st.Proposal)) && (st.Issue is null || issues.Contains(st.Issue))))
            .Select(s => s.Id).ToHashSet();
        var responses = n.Proposals.Where(p => proposals.Contains(p.Id)).ToDictionary(p => p.Id,
            p => p.Responses.Where(r => r.Statement is null || statements.Contains(r.Statement)).ToArray());
        var positions = n.Positions
            .Where(p => v.CanSee(p.Visibility) && parties.Contains(p.Party) && issues.Contains(p.Issue) && (p.Statement is null || statements.Contains(p.Statement)))
            .Select(p => p.Id).ToHashSet();
        var agreements = n.Agreements
            .Where(a => v.CanSee(a.Visibility) && issues.Contains(a.Issue) && a.Parties.All(parties.Contains))
            .Select(a => a.Id).ToHashSet();
        var rounds = n.Rounds.Where(r => v.CanSee(r.Visibility) && r.Attendees.All(parties.Contains)).Select(r => r.Id).ToHashSet();
        var groups = n.WorkingGroups
            .Where(g => v.CanSee(g.Visibility) && g.Members.All(parties.Contains) && g.Issues.All(issues.Contains))
            .Select(g => g.Id).ToHashSet();
        var contingencies = n.Contingencies
            .Where(c => v.CanSee(c.Visibility) && parties.Contains(c.Owner) && proposals.Contains(c.Trigger.Proposal)
                && (c.Trigger.ByParty is null || parties.Contains(c.Trigger.ByParty)) && c.Actions.All(a => parties.Contains(a.Party))
                && (c.Statement is null || statements.Contains(c.Statement)))
            .Select(c => c.Id).ToHashSet();
        return new Expected(parties, issues, proposals, statements, responses, positions, agreements, rounds, groups, contingencies);
    }

    /// <summary>A negotiation built by hand from the expected items only, in the order the original holds them.</summary>
    private static Negotiation HandBuilt(Negotiation n, Expected e)
    {
        var built = new Negotiation(n.Id, n.Title, n.Description);
        foreach (var p in n.Parties.Where(p => e.Parties.Contains(p.Id))) built.AddParty(p);
        foreach (var i in n.Issues.Where(i => e.Issues.Contains(i.Id))) built.AddIssue(i);
        var proposals = n.Proposals.Where(p => e.Proposals.Contains(p.Id)).ToArray();
        foreach (var p in proposals)
            built.AddProposal(new Proposal(p.Id, p.Author, p.Title, p.Package, p.Addressees, p.Created, p.Expires,
                description: p.Description, visibility: p.Visibility));
        foreach (var s in n.Statements.Where(s => e.Statements.Contains(s.Id))) built.AddStatement(s);
        foreach (var p in proposals)
        {
            foreach (var r in e.Responses[p.Id]) built.Respond(p.Id, r);
            if (p.Withdrawn is { } at) built.Withdraw(p.Id, at);
        }
        foreach (var p in n.Positions.Where(p => e.Positions.Contains(p.Id))) built.RecordPosition(p);
        foreach (var a in n.Agreements.Where(a => e.Agreements.Contains(a.Id))) built.RecordAgreement(a);
        foreach (var r in n.Rounds.Where(r => e.Rounds.Contains(r.Id))) built.AddRound(r);
        foreach (var g in n.WorkingGroups.Where(g => e.WorkingGroups.Contains(g.Id))) built.AddWorkingGroup(g);
        foreach (var c in n.Contingencies.Where(c => e.Contingencies.Contains(c.Id))) built.AddContingency(c);
        return built;
    }

    private static string Json(StatusReport report) => JsonSerializer.Serialize(report);

    [Fact]
    public void For_SeededRandomNegotiations_EveryViewerIsShownExactlyWhatItSeesWithItsReferences()
    {
        int hidden = 0, keptPrivate = 0, refused = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var (n, refusedHere) = RandomTalks.Build(seed);
            refused += refusedHere;
            foreach (var viewer in ViewersOf(n))
            {
                var scoped = NegotiationScope.For(n, viewer);
                var where = $"seed {seed}, {viewer}";
                if (viewer.SeesEverything)
                {
                    Assert.Same(n, scoped);
                    continue;
                }
                Assert.NotSame(n, scoped);
                Assert.Equal((n.Id, n.Title, n.Description), (scoped.Id, scoped.Title, scoped.Description));

                // (2) nothing the viewer may not see.
                var labels = scoped.Parties.Select(p => p.Visibility).Concat(scoped.Issues.Select(i => i.Visibility))
                    .Concat(scoped.Proposals.Select(p => p.Visibility)).Concat(scoped.Statements.Select(s => s.Visibility))
                    .Concat(scoped.Positions.Select(p => p.Visibility)).Concat(scoped.Agreements.Select(a => a.Visibility))
                    .Concat(scoped.Rounds.Select(r => r.Visibility)).Concat(scoped.WorkingGroups.Select(g => g.Visibility))
                    .Concat(scoped.Contingencies.Select(c => c.Visibility)).ToArray();
                foreach (var label in labels) Assert.True(viewer.CanSee(label), $"{where}: shown an item labelled {label}");

                // (3) everything it sees whose references are kept, in the original order, as the original item.
                var e = BruteForce(n, viewer);
                Assert.Equal(n.Parties.Where(p => e.Parties.Contains(p.Id)), scoped.Parties);
                Assert.Equal(n.Issues.Where(i => e.Issues.Contains(i.Id)), scoped.Issues);
                Assert.Equal(n.Statements.Where(s => e.Statements.Contains(s.Id)), scoped.Statements);
                Assert.Equal(n.Positions.Where(p => e.Positions.Contains(p.Id)), scoped.Positions);
                Assert.Equal(n.Agreements.Where(a => e.Agreements.Contains(a.Id)), scoped.Agreements);
                Assert.Equal(n.Rounds.Where(r => e.Rounds.Contains(r.Id)), scoped.Rounds);
                Assert.Equal(n.WorkingGroups.Where(g => e.WorkingGroups.Contains(g.Id)), scoped.WorkingGroups);
                Assert.Equal(n.Contingencies.Where(c => e.Contingencies.Contains(c.Id)), scoped.Contingencies);
                Assert.Equal(n.Proposals.Where(p => e.Proposals.Contains(p.Id)).Select(p => p.Id), scoped.Proposals.Select(p => p.Id));
                foreach (var p in scoped.Proposals)
                {
                    var original = n.FindProposal(p.Id)!;
                    Assert.Equal((original.Author, original.Title, original.Created, original.Expires, original.Withdrawn, original.Visibility),
                        (p.Author, p.Title, p.Created, p.Expires, p.Withdrawn, p.Visibility));
                    Assert.Equal(original.Package, p.Package);
                    Assert.Equal(original.Addressees, p.Addressees);
                    Assert.Equal(e.Responses[p.Id], p.Responses);
                }

                // (4) derived figures are those of the visible items alone.
                var built = HandBuilt(n, e);
                foreach (var t in Instants)
                    Assert.True(Json(TalksStatus.Compute(built, t)) == Json(TalksStatus.Compute(scoped, t)), $"{where}: status as of {t} differs");

                hidden += labels.Length < CountItems(n) ? 1 : 0;
                keptPrivate += labels.Count(l => l.Scope != VisibilityScope.Shared);
            }
        }
        // The corpus exercises the rule: viewers are denied items, private items do reach the right viewers, and the
        // model refused some random combinations.
        Assert.True(hidden > Seeds, $"only {hidden} viewer×negotiation pairs hid something");
        Assert.True(keptPrivate > Seeds, $"only {keptPrivate} private items were shown to non-mediators");
        Assert.True(refused > Seeds, $"only {refused} random items were refused");
    }

    private static int CountItems(Negotiation n) =>
        n.Parties.Count + n.Issues.Count + n.Proposals.Count + n.Statements.Count + n.Positions.Count + n.Agreements.Count
        + n.Rounds.Count + n.WorkingGroups.Count + n.Contingencies.Count;
}
