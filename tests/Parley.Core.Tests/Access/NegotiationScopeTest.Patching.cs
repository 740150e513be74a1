using System.Text.Json;
using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Access;

// NegotiationScope.For given the scope of an earlier version: the items appended since are scoped onto it, and the
// result must be what scoping the whole negotiation gives, for every viewer; when the negotiation did more than append,
// the earlier scope must be ignored.
public partial class NegotiationScopeTest
{
    [Fact]
    public void For_FromAnEarlierVersionsScope_SameAsScopingTheWholeNegotiation_ForEveryViewer()
    {
        int patched = 0, refusedOnTheWay = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var (whole, _) = RandomTalks.Build(seed);
            var random = new Random(seed);
            // An earlier version holding a random share of each kind of item, then a copy with the rest appended, each
            // item through the aggregate (those whose references are not there yet are refused, as they would be).
            var cuts = Enumerable.Range(0, 9).Select(_ => random.NextDouble()).ToArray();
            var earlier = new Negotiation(whole.Id, whole.Title, whole.Description);
            refusedOnTheWay += Append(earlier, whole, k => cuts[k], before: true);
            var later = earlier.Copy();
            refusedOnTheWay += Append(later, whole, k => cuts[k], before: false);
            Assert.True(later.Extends(earlier), $"seed {seed}: a copy with items appended extends the original");

            foreach (var viewer in ViewersOf(later))
            {
                var fromEarlier = NegotiationScope.For(later, viewer, new ScopedView(earlier, NegotiationScope.For(earlier, viewer)));
                AssertSameScope(NegotiationScope.For(later, viewer), fromEarlier, $"seed {seed}, {viewer}");
                if (!viewer.SeesEverything) patched++;
            }
        }
        Assert.True(patched > Seeds && refusedOnTheWay > 0, $"{patched} patched scopes, {refusedOnTheWay} refusals");
    }

    [Fact]
    public void For_AfterAnItemWasReplacedOrTheVersionReadAgain_TheEarlierScopeIsNotUsed()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var (whole, _) = RandomTalks.Build(seed);
            if (whole.Proposals.FirstOrDefault(p => p.Withdrawn is null && p.Addressees.Count > 0) is not { } open) continue;
            // The earlier version holds everything but the open proposal's answers; the later one answers it (the proposal
            // is replaced in place) and appends nothing: patching would keep the earlier proposal without its answer.
            var earlier = Rebuilt(whole, withoutAnswersTo: open.Id);
            var later = earlier.Copy();
            later.Respond(open.Id, new Response(open.Addressees[0], ResponseKind.Accept, open.Created.AddHours(1), null));
            Assert.False(later.Extends(earlier), $"seed {seed}: a replaced proposal is not an append");
            var readAgain = Rebuilt(earlier, withoutAnswersTo: null);
            Assert.False(readAgain.Extends(earlier), $"seed {seed}: equal items read again are other instances");
            foreach (var viewer in ViewersOf(later))
            {
                var scope = new ScopedView(earlier, NegotiationScope.For(earlier, viewer));
                AssertSameScope(NegotiationScope.For(later, viewer), NegotiationScope.For(later, viewer, scope), $"seed {seed}, {viewer}");
                if (viewer.Role == MemberRole.Mediator || !viewer.CanSee(open.Visibility)) continue;
                Assert.Contains(NegotiationScope.For(later, viewer, scope).Proposals, p => p.Id == open.Id && p.Responses.Count > 0);
            }
        }
    }

    // Adds to `target` the items of `source` of each kind k before (or from) the share cut(k) of that kind.
    private static int Append(Negotiation target, Negotiation source, Func<int, double> cut, bool before)
    {
        var refused = 0;
        void Each<T>(int kind, IReadOnlyList<T> items, Action<T> add)
        {
            var at = (int)Math.Round(cut(kind) * items.Count);
            for (var k = before ? 0 : at; k < (before ? at : items.Count); k++)
                try { add(items[k]); }
                catch (RuleRefusal) { refused++; }
        }
        Each(0, source.Parties, target.AddParty);
        Each(1, source.Issues, target.AddIssue);
        Each(2, source.Proposals, p => target.AddProposal(p.WithoutResponses()));
        Each(3, source.Statements, target.AddStatement);
        Each(4, source.Positions, target.RecordPosition);
        Each(5, source.Agreements, target.RecordAgreement);
        Each(6, source.Rounds, target.AddRound);
        Each(7, source.WorkingGroups, target.AddWorkingGroup);
        Each(8, source.Contingencies, target.AddContingency);
        return refused;
    }

    // The same items as new instances where it matters (proposals), the answers to one proposal left out.
    private static Negotiation Rebuilt(Negotiation n, string? withoutAnswersTo)
    {
        var built = new Negotiation(n.Id, n.Title, n.Description);
        foreach (var p in n.Parties) built.AddParty(p);
        foreach (var i in n.Issues) built.AddIssue(i);
        foreach (var p in n.Proposals) built.AddProposal(p.WithoutResponses());
        foreach (var s in n.Statements) built.AddStatement(s);
        foreach (var p in n.Proposals.Where(p => p.Id != withoutAnswersTo))
        {
            foreach (var r in p.Responses) built.Respond(p.Id, r);
            if (p.Withdrawn is { } at) built.Withdraw(p.Id, at);
        }
        foreach (var p in n.Positions) built.RecordPosition(p);
        foreach (var a in n.Agreements) built.RecordAgreement(a);
        foreach (var r in n.Rounds) built.AddRound(r);
        foreach (var g in n.WorkingGroups) built.AddWorkingGroup(g);
        foreach (var c in n.Contingencies) built.AddContingency(c);
        return built;
    }

    private static void AssertSameScope(Negotiation expected, Negotiation actual, string where)
    {
        Assert.Equal(expected.Parties, actual.Parties);
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.Statements, actual.Statements);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Agreements, actual.Agreements);
        Assert.Equal(expected.Rounds, actual.Rounds);
        Assert.Equal(expected.WorkingGroups, actual.WorkingGroups);
        Assert.Equal(expected.Contingencies, actual.Contingencies);
        Assert.Equal(expected.Proposals.Select(p => (p.Id, p.Withdrawn, Answers: string.Join(",", p.Responses.Select(r => $"{r.Party}:{r.Kind}:{r.Statement}")))),
            actual.Proposals.Select(p => (p.Id, p.Withdrawn, Answers: string.Join(",", p.Responses.Select(r => $"{r.Party}:{r.Kind}:{r.Statement}")))));
        foreach (var t in Instants)
            Assert.True(JsonSerializer.Serialize(TalksStatus.Compute(expected, t)) == JsonSerializer.Serialize(TalksStatus.Compute(actual, t)),
                $"{where}: status as of {t} differs");
    }
}
