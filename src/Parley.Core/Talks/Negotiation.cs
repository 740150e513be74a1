namespace Parley.Core.Talks;

/// <summary>
/// One negotiation: the parties, the issues, and everything the talks produce. The aggregate keeps references
/// whole — every party, issue, option, proposal and statement an item names must already be there — and
/// refuses a change that breaks that with a <see cref="RuleRefusal"/>. Items are immutable; history is
/// kept by adding (a new position supersedes the old one in valid time, it never overwrites it).
/// Derived figures are computed by <see cref="TalksStatus"/>, never stored.
/// </summary>
public sealed class Negotiation
{
    private readonly List<Party> _parties = [];
    private readonly List<Issue> _issues = [];
    private AppendOnlyList<Statement> _statements = new();
    private readonly List<Position> _positions = [];
    private readonly List<Proposal> _proposals = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<Round> _rounds = [];
    private readonly List<WorkingGroup> _workingGroups = [];
    private readonly List<Contingency> _contingencies = [];

    // The two collections that grow with the talks (thousands of statements, hundreds of positions) are also indexed by
    // id, so that adding one — and rebuilding a negotiation of n of them — costs O(1) each, not O(n). The statements, by
    // far the most numerous, are kept so that a copy shares most of them (AppendOnlyList, AppendOnlyIndex).
    private AppendOnlyIndex<Statement> _statementsById = new();
    private HashSet<string> _positionIds = new(StringComparer.Ordinal);

    /// <summary>Creates an empty negotiation.</summary>
    /// <exception cref="ArgumentException">Malformed id or empty title.</exception>
    public Negotiation(string id, string title, string description = "")
    {
        Id = Key.Require(id, nameof(id));
        Title = Text.Require(title, nameof(title));
        Description = description ?? "";
    }

    /// <summary>The negotiation's key.</summary>
    public string Id { get; }

    /// <summary>Display title.</summary>
    public string Title { get; }

    /// <summary>What the talks are about.</summary>
    public string Description { get; }

    /// <summary>Parties in the order added.</summary>
    public IReadOnlyList<Party> Parties => _parties;

    /// <summary>Issues in agenda order.</summary>
    public IReadOnlyList<Issue> Issues => _issues;

    /// <summary>Statements in the order added.</summary>
    public IReadOnlyList<Statement> Statements => _statements;

    /// <summary>Every position ever recorded, in the order added.</summary>
    public IReadOnlyList<Position> Positions => _positions;

    /// <summary>Proposals with their answers.</summary>
    public IReadOnlyList<Proposal> Proposals => _proposals;

    /// <summary>Explicit agreement records (accepted proposals imply more; see <see cref="TalksStatus"/>).</summary>
    public IReadOnlyList<Agreement> Agreements => _agreements;

    /// <summary>Rounds of talks.</summary>
    public IReadOnlyList<Round> Rounds => _rounds;

    /// <summary>Working groups.</summary>
    public IReadOnlyList<WorkingGroup> WorkingGroups => _workingGroups;

    /// <summary>Contingency plans.</summary>
    public IReadOnlyList<Contingency> Contingencies => _contingencies;

    /// <summary>
    /// A separate negotiation with the same items (which are immutable): changing the copy leaves this one as it is.
    /// For a caller that tries a change on a negotiation it shares with others (a cached snapshot).
    /// </summary>
    public Negotiation Copy()
    {
        var copy = new Negotiation(Id, Title, Description);
        copy._parties.AddRange(_parties);
        copy._issues.AddRange(_issues);
        copy._statements = _statements.Copy();
        copy._positions.AddRange(_positions);
        copy._proposals.AddRange(_proposals);
        copy._agreements.AddRange(_agreements);
        copy._rounds.AddRange(_rounds);
        copy._workingGroups.AddRange(_workingGroups);
        copy._contingencies.AddRange(_contingencies);
        copy._statementsById = _statementsById.Copy();
        // The copy constructor copies the buckets as they are (same comparer): no string is hashed again.
        copy._positionIds = new HashSet<string>(_positionIds, _positionIds.Comparer);
        return copy;
    }

    /// <summary>
    /// True when this negotiation is <paramref name="earlier"/> with items only appended: the same id, title and
    /// description, and each list of items starts with exactly the earlier one's items (the same instances, in the same
    /// order). A copy that had items added is; one with an item replaced (a proposal answered, a party given a delegate),
    /// removed, or read again from storage is not. Costs one reference comparison per earlier item.
    /// </summary>
    public bool Extends(Negotiation earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return Id == earlier.Id && Title == earlier.Title && Description == earlier.Description
            && StartsWith(_parties, earlier._parties) && StartsWith(_issues, earlier._issues)
            && _statements.StartsWith(earlier._statements) && StartsWith(_positions, earlier._positions)
            && StartsWith(_proposals, earlier._proposals) && StartsWith(_agreements, earlier._agreements)
            && StartsWith(_rounds, earlier._rounds) && StartsWith(_workingGroups, earlier._workingGroups)
            && StartsWith(_contingencies, earlier._contingencies);
    }

    private static bool StartsWith<T>(List<T> items, List<T> prefix) where T : class
    {
        if (items.Count < prefix.Count) return false;
        for (var k = 0; k < prefix.Count; k++)
            if (!ReferenceEquals(items[k], prefix[k])) return false;
        return true;
    }

    /// <summary>The party with this id, or null.</summary>
    public Party? FindParty(string id) => _parties.Find(p => p.Id == id);

    /// <summary>The issue with this id, or null.</summary>
    public Issue? FindIssue(string id) => _issues.Find(i => i.Id == id);

    /// <summary>The proposal with this id, or null.</summary>
    public Proposal? FindProposal(string id) => _proposals.Find(p => p.Id == id);

    /// <summary>
    /// The position each party holds on each issue as of <paramref name="asOf"/> (valid time): per (party, issue), the
    /// one with the latest <see cref="Position.ValidFrom"/> ≤ as-of (dated exactly at as-of counts); on a tie, the one
    /// recorded last. A pair with no such position is absent. <see cref="DateTimeOffset.MaxValue"/> gives the latest
    /// position whatever its date. The one place this rule is written: the status report, the pages and the
    /// settlement all ask here.
    /// </summary>
    public IReadOnlyDictionary<(string Party, string Issue), Position> PositionsAsOf(DateTimeOffset asOf)
    {
        var current = new Dictionary<(string Party, string Issue), Position>();
        foreach (var position in _positions)
        {
            if (position.ValidFrom > asOf) continue;
            var key = (position.Party, position.Issue);
            if (!current.TryGetValue(key, out var held) || position.ValidFrom >= held.ValidFrom) current[key] = position;
        }
        return current;
    }

    /// <summary>The parties whose consent <paramref name="issue"/> needs: its explicit list, else every party with the Principal role.</summary>
    public IReadOnlyList<string> PrincipalsOf(Issue issue) =>
        issue.Principals ?? _parties.Where(p => p.Has(PartyRole.Principal)).Select(p => p.Id).ToArray();

    /// <summary>Adds a party.</summary>
    /// <exception cref="RuleRefusal">The id is taken.</exception>
    public void AddParty(Party party)
    {
        Unique(_parties, party.Id, p => p.Id, "party");
        _parties.Add(party);
    }

    /// <summary>Adds an issue to the end of the agenda.</summary>
    /// <exception cref="RuleRefusal">The id is taken or a principal is unknown.</exception>
    public void AddIssue(Issue issue)
    {
        Unique(_issues, issue.Id, i => i.Id, "issue");
        for (var k = 0; k < (issue.Principals?.Count ?? 0); k++) RequireParty(issue.Principals![k], $"principals[{k}]", issue.Visibility);
        _issues.Add(issue);
    }

    /// <summary>Adds a statement.</summary>
    /// <exception cref="RuleRefusal">The id is taken, or a signatory, speaker, issue, option or proposal is unknown.</exception>
    public void AddStatement(Statement statement)
    {
        if (_statementsById.Contains(statement.Id)) throw new RuleRefusal("id", $"duplicate statement id '{statement.Id}'");
        for (var k = 0; k < statement.Signatories.Count; k++) RequireParty(statement.Signatories[k], $"signatories[{k}]", statement.Visibility);
        if (statement.Speaker is { } speaker)
        {
            var party = _parties.Find(p => p.Delegates.Any(d => d.Id == speaker))
                ?? throw new RuleRefusal("speaker", $"unknown delegate '{speaker}'");
            RequireVisible(party.Visibility, "party", party.Id, "speaker", statement.Visibility);
        }
        for (var k = 0; k < statement.Stances.Count; k++)
        {
            var s = statement.Stances[k];
            if (s.Proposal is { } p) RequireProposal(p, $"stances[{k}].proposal", statement.Visibility);
            if (s.Issue is { } i) RequireOption(RequireIssue(i, $"stances[{k}].issue", statement.Visibility), s.Option, $"stances[{k}].option");
        }
        _statements.Add(statement);
        _statementsById.Add(statement.Id, statement);
    }

    /// <summary>Records a party's position on an issue.</summary>
    /// <exception cref="RuleRefusal">The id is taken; the party, issue, an option or the statement is unknown.</exception>
    public void RecordPosition(Position position)
    {
        if (_positionIds.Contains(position.Id)) throw new RuleRefusal("id", $"duplicate position id '{position.Id}'");
        RequireParty(position.Party, "party", position.Visibility);
        var issue = RequireIssue(position.Issue, "issue", position.Visibility);
        foreach (var option in position.Stances.Keys) RequireOption(issue, option, $"stances.{option}");
        if (position.Statement is { } s) RequireStatement(s, "statement", position.Visibility);
        _positions.Add(position);
        _positionIds.Add(position.Id);
    }

    /// <summary>Adds a proposal (its answers, if any, are checked too).</summary>
    /// <exception cref="RuleRefusal">The id is taken; the author, an addressee, an issue or option is unknown; an answer comes from a non-addressee.</exception>
    public void AddProposal(Proposal proposal)
    {
        Unique(_proposals, proposal.Id, p => p.Id, "proposal");
        RequireParty(proposal.Author, "author", proposal.Visibility);
        for (var k = 0; k < proposal.Addressees.Count; k++) RequireParty(proposal.Addressees[k], $"addressees[{k}]", proposal.Visibility);
        foreach (var (issueId, option) in proposal.Package)
            RequireOption(RequireIssue(issueId, $"package.{issueId}", proposal.Visibility), option, $"package.{issueId}");
        for (var k = 0; k < proposal.Responses.Count; k++) CheckResponse(proposal, proposal.Responses[k], $"responses[{k}]");
        _proposals.Add(proposal);
    }

    /// <summary>Records an addressee's answer to a proposal.</summary>
    /// <exception cref="RuleRefusal">Unknown proposal, a non-addressee, or an unknown statement.</exception>
    public void Respond(string proposalId, Response response)
    {
        var index = _proposals.FindIndex(p => p.Id == proposalId);
        if (index < 0) throw new RuleRefusal("proposal", $"unknown proposal '{proposalId}'");
        CheckResponse(_proposals[index], response, "response");
        _proposals[index] = _proposals[index].WithResponse(response);
    }

    /// <summary>Records that the author withdrew a proposal.</summary>
    /// <exception cref="RuleRefusal">Unknown proposal, already withdrawn, or a time before it was made.</exception>
    public void Withdraw(string proposalId, DateTimeOffset at)
    {
        var index = _proposals.FindIndex(p => p.Id == proposalId);
        if (index < 0) throw new RuleRefusal("proposal", $"unknown proposal '{proposalId}'");
        var proposal = _proposals[index];
        if (proposal.Withdrawn is not null) throw new RuleRefusal("withdrawn", $"proposal '{proposalId}' is already withdrawn");
        if (at < proposal.Created) throw new RuleRefusal("withdrawn", $"proposal '{proposalId}' cannot be withdrawn before it is made");
        _proposals[index] = proposal.WithdrawnAt(at);
    }

    /// <summary>Records an agreement.</summary>
    /// <exception cref="RuleRefusal">The id is taken; the issue, option or a party is unknown.</exception>
    public void RecordAgreement(Agreement agreement)
    {
        Unique(_agreements, agreement.Id, a => a.Id, "agreement");
        RequireOption(RequireIssue(agreement.Issue, "issue", agreement.Visibility), agreement.Option, "option");
        for (var k = 0; k < agreement.Parties.Count; k++) RequireParty(agreement.Parties[k], $"parties[{k}]", agreement.Visibility);
        // The source is free (a meeting outside the record), but one naming a recorded round, proposal or statement is a reference.
        if (agreement.Source is { } source)
        {
            if (FindProposal(source) is { } p) RequireVisible(p.Visibility, "proposal", source, "source", agreement.Visibility);
            else if (_statementsById.Find(source) is { } st) RequireVisible(st.Visibility, "statement", source, "source", agreement.Visibility);
            else if (_rounds.Find(r => r.Id == source) is { } r) RequireVisible(r.Visibility, "round", source, "source", agreement.Visibility);
        }
        _agreements.Add(agreement);
    }

    /// <summary>Adds a round.</summary>
    /// <exception cref="RuleRefusal">The id is taken or an attendee is unknown.</exception>
    public void AddRound(Round round)
    {
        Unique(_rounds, round.Id, r => r.Id, "round");
        for (var k = 0; k < round.Attendees.Count; k++) RequireParty(round.Attendees[k], $"attendees[{k}]", round.Visibility);
        _rounds.Add(round);
    }

    /// <summary>Adds a working group.</summary>
    /// <exception cref="RuleRefusal">The id is taken, or a member or issue is unknown.</exception>
    public void AddWorkingGroup(WorkingGroup group)
    {
        Unique(_workingGroups, group.Id, g => g.Id, "working group");
        for (var k = 0; k < group.Members.Count; k++) RequireParty(group.Members[k], $"members[{k}]", group.Visibility);
        for (var k = 0; k < group.Issues.Count; k++) RequireIssue(group.Issues[k], $"issues[{k}]", group.Visibility);
        _workingGroups.Add(group);
    }

    /// <summary>Adds a contingency.</summary>
    /// <exception cref="RuleRefusal">The id is taken; the owner, the proposal, a party or the statement is unknown; the trigger names a party that is not an addressee, or names one for an event other than a rejection.</exception>
    public void AddContingency(Contingency contingency)
    {
        Unique(_contingencies, contingency.Id, c => c.Id, "contingency");
        RequireParty(contingency.Owner, "owner", contingency.Visibility);
        RequireProposal(contingency.Trigger.Proposal, "trigger.proposal", contingency.Visibility);
        if (contingency.Trigger.ByParty is { } by)
        {
            RequireParty(by, "trigger.by", contingency.Visibility);
            // A plan that could never fire as written is refused rather than kept silently dead.
            if (contingency.Trigger.Kind != TriggerKind.ProposalRejected)
                throw new RuleRefusal("trigger.by", "only a rejection names the party whose answer fires the plan");
            if (!FindProposal(contingency.Trigger.Proposal)!.Addressees.Contains(by))
                throw new RuleRefusal("trigger.by", $"'{by}' is not an addressee of proposal '{contingency.Trigger.Proposal}', so it cannot reject it");
        }
        for (var k = 0; k < contingency.Actions.Count; k++) RequireParty(contingency.Actions[k].Party, $"actions[{k}].party", contingency.Visibility);
        if (contingency.Statement is { } s) RequireStatement(s, "statement", contingency.Visibility);
        _contingencies.Add(contingency);
    }

    private void CheckResponse(Proposal proposal, Response response, string field)
    {
        if (!proposal.Addressees.Contains(response.Party))
            throw new RuleRefusal($"{field}.party", $"'{response.Party}' is not an addressee of proposal '{proposal.Id}'");
        if (response.At < proposal.Created)
            throw new RuleRefusal($"{field}.at", $"answer to proposal '{proposal.Id}' is dated before the proposal");
        if (response.Statement is { } s) RequireStatement(s, $"{field}.statement", proposal.Visibility);
    }

    private static void Unique<T>(List<T> items, string id, Func<T, string> key, string what)
    {
        if (items.Exists(i => key(i) == id)) throw new RuleRefusal("id", $"duplicate {what} id '{id}'");
    }

    private void RequireParty(string id, string field, Visibility seenAs)
    {
        var party = FindParty(id) ?? throw new RuleRefusal(field, $"unknown party '{id}'");
        RequireVisible(party.Visibility, "party", id, field, seenAs);
    }

    private Issue RequireIssue(string id, string field, Visibility seenAs)
    {
        var issue = FindIssue(id) ?? throw new RuleRefusal(field, $"unknown issue '{id}'");
        RequireVisible(issue.Visibility, "issue", id, field, seenAs);
        return issue;
    }

    // Everyone who may see an item must be able to see what it refers to: a shared contingency on a proposal private to
    // one party would show that proposal's id (in the history too) to everyone. The referring item must be narrower.
    private static void RequireVisible(Visibility referred, string what, string id, string field, Visibility seenAs)
    {
        if (!referred.Covers(seenAs))
            throw new RuleRefusal(field, $"{what} '{id}' is {referred}, so an item readable as {seenAs} cannot refer to it");
    }

    private static void RequireOption(Issue issue, string? option, string field)
    {
        if (option is not null && !issue.HasOption(option))
            throw new RuleRefusal(field, $"issue '{issue.Id}' has no option '{option}'");
    }

    private void RequireProposal(string id, string field, Visibility seenAs)
    {
        var proposal = FindProposal(id) ?? throw new RuleRefusal(field, $"unknown proposal '{id}'");
        RequireVisible(proposal.Visibility, "proposal", id, field, seenAs);
    }

    private void RequireStatement(string id, string field, Visibility seenAs)
    {
        var statement = _statementsById.Find(id) ?? throw new RuleRefusal(field, $"unknown statement '{id}'");
        RequireVisible(statement.Visibility, "statement", id, field, seenAs);
    }
}
