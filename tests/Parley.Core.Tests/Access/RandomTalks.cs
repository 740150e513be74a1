using Parley.Core.Talks;

namespace Parley.Core.Tests.Access;

/// <summary>
/// Seeded random negotiations whose every item carries a random visibility and random references. Each item goes
/// through the aggregate's own methods; one the model refuses (a reference it may not make, an answer before the
/// proposal, a trigger party that is no addressee) is left out, so the result holds only combinations the model accepts.
/// </summary>
internal sealed class RandomTalks
{
    public static readonly DateTimeOffset T0 = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly Negotiation _n = new("rand", "Random talks");
    private string[] _parties = [];

    private RandomTalks(int seed) => _random = new Random(seed);

    /// <summary>How many items the aggregate refused while the negotiation was built.</summary>
    public int Refused { get; private set; }

    public static (Negotiation Negotiation, int Refused) Build(int seed)
    {
        var talks = new RandomTalks(seed);
        talks.Fill();
        return (talks._n, talks.Refused);
    }

    public static DateTimeOffset H(int hours) => T0.AddHours(hours);

    private void Fill()
    {
        _parties = Enumerable.Range(1, _random.Next(2, 5)).Select(k => $"p{k}").ToArray();
        foreach (var p in _parties)
        {
            var roles = _random.Next(4) == 0 ? [PartyRole.Guarantor] : new[] { PartyRole.Principal };
            PartyDelegate[] delegates = _random.Next(2) == 0 ? [new PartyDelegate($"d-{p}", $"Delegate of {p}", "")] : [];
            Try(() => _n.AddParty(new Party(p, $"Party {p}", roles, delegates, Label())));
        }
        for (var k = 1; k <= _random.Next(2, 5); k++)
        {
            var options = Enumerable.Range(1, _random.Next(2, 4)).Select(o => new Option($"o{o}", $"Option {o}"));
            var principals = _random.Next(3) == 0 ? Some(_parties, 1) : null;
            Try(() => _n.AddIssue(new Issue($"i{k}", $"Issue {k}", "", _random.Next(1, 4), options, principals, visibility: Label())));
        }
        for (var k = 1; k <= _random.Next(0, 5); k++)
        {
            var author = Pick(_parties);
            var to = Some(_parties.Where(p => p != author).ToArray(), 1);
            var package = Some(IssueIds(), 1).ToDictionary(i => i, OptionOf);
            var created = H(_random.Next(0, 10));
            DateTimeOffset? expires = _random.Next(2) == 0 ? created.AddHours(_random.Next(1, 30)) : null;
            Try(() => _n.AddProposal(new Proposal($"pr{k}", author, $"Proposal {k}", package, to, created, expires, visibility: Label())));
        }
        for (var k = 1; k <= _random.Next(0, 6); k++)
        {
            var delegates = _n.Parties.SelectMany(p => p.Delegates).Select(d => d.Id).ToArray();
            var speaker = delegates.Length > 0 && _random.Next(3) == 0 ? Pick(delegates) : null;
            var stances = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => StatementStance()).OfType<StatementStance>().ToArray();
            Try(() => _n.AddStatement(new Statement($"s{k}", H(_random.Next(0, 20)), $"Statement {k}", Some(_parties, 1), speaker, stances,
                visibility: Label())));
        }
        foreach (var proposal in _n.Proposals.ToArray())
        {
            foreach (var party in proposal.Addressees)
                if (_random.Next(3) > 0)
                {
                    var kind = _random.Next(3) == 0 ? ResponseKind.Reject : ResponseKind.Accept;
                    Try(() => _n.Respond(proposal.Id, new Response(party, kind, H(_random.Next(0, 24)), StatementId())));
                }
            if (_random.Next(5) == 0) Try(() => _n.Withdraw(proposal.Id, H(_random.Next(0, 24))));
        }
        for (var k = 1; k <= _random.Next(0, 9); k++)
        {
            if (_n.FindIssue(Pick(IssueIds())) is not { } found) continue;
            var issue = found.Id;
            var options = found.Options.Select(o => o.Id).ToArray();
            var stances = Some(options, 1).ToDictionary(o => o, _ => (Stance)_random.Next(4));
            Try(() => _n.RecordPosition(new Position($"pos{k}", Pick(_parties), issue, H(_random.Next(0, 20)), stances, StatementId(),
                visibility: Label())));
        }
        for (var k = 1; k <= _random.Next(0, 4); k++)
        {
            var issue = Pick(IssueIds());
            Try(() => _n.RecordAgreement(new Agreement($"agr{k}", issue, OptionOf(issue), Some(_parties, 1), H(_random.Next(0, 20)),
                adReferendum: _random.Next(4) == 0, visibility: Label())));
        }
        for (var k = 1; k <= _random.Next(0, 3); k++)
            Try(() => _n.AddRound(new Round($"r{k}", $"Round {k}", H(k * 24), H(k * 24 + 8), "Geneva", Some(_parties, 0), visibility: Label())));
        for (var k = 1; k <= _random.Next(0, 3); k++)
            Try(() => _n.AddWorkingGroup(new WorkingGroup($"wg{k}", $"Group {k}", Some(_parties, 1), Some(IssueIds(), 0), visibility: Label())));
        var proposals = _n.Proposals.Select(p => p.Id).ToArray();
        for (var k = 1; k <= _random.Next(0, 4) && proposals.Length > 0; k++)
        {
            var kind = (TriggerKind)_random.Next(4);
            var by = _random.Next(2) == 0 ? Pick(_parties) : null;
            var actions = Enumerable.Range(0, _random.Next(1, 3))
                .Select(_ => new ContingencyAction((ActionKind)_random.Next(2), Pick(_parties), "Act")).ToArray();
            Try(() => _n.AddContingency(new Contingency($"c{k}", Pick(_parties), new ContingencyTrigger(kind, Pick(proposals), by), actions,
                StatementId(), Label())));
        }
    }

    private void Try(Action add)
    {
        try
        {
            add();
        }
        catch (RuleRefusal)
        {
            Refused++;
        }
    }

    /// <summary>Shared about half the time; otherwise mediator-only or private to a random party.</summary>
    private Visibility Label() => _random.Next(10) switch
    {
        < 5 => Visibility.Shared,
        < 7 => Visibility.MediatorOnly,
        _ => Visibility.PrivateTo(Pick(_parties)),
    };

    private StatementStance? StatementStance()
    {
        var stance = (Stance)_random.Next(4);
        if (_random.Next(2) == 0 && _n.Proposals.Count > 0) return new StatementStance(null, null, Pick(_n.Proposals.Select(p => p.Id).ToArray()), stance);
        var issues = IssueIds();
        if (issues.Length == 0) return null;
        var issue = Pick(issues);
        return new StatementStance(issue, _random.Next(2) == 0 ? OptionOf(issue) : null, null, stance);
    }

    private string? StatementId() => _n.Statements.Count > 0 && _random.Next(3) == 0 ? Pick(_n.Statements.Select(s => s.Id).ToArray()) : null;

    private string[] IssueIds() => _n.Issues.Select(i => i.Id).DefaultIfEmpty("i1").ToArray();

    // An issue that was refused has no options here; "o1" then makes the item refused as an unknown issue.
    private string OptionOf(string issue) => _n.FindIssue(issue) is { } i ? Pick(i.Options.Select(o => o.Id).ToArray()) : "o1";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string[] Some(IReadOnlyList<string> items, int atLeast)
    {
        var chosen = items.Where(_ => _random.Next(2) == 0).ToList();
        while (chosen.Count < atLeast && items.Count > 0) chosen.Add(Pick(items));
        return chosen.Distinct().ToArray();
    }
}
