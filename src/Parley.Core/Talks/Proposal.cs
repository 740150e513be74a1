namespace Parley.Core.Talks;

/// <summary>The lifecycle of a proposal, always derived as of an instant, never stored.</summary>
public enum ProposalState
{
    /// <summary>Made, not yet decided, not expired.</summary>
    Open,

    /// <summary>Every addressee accepted before the deadline.</summary>
    Accepted,

    /// <summary>An addressee rejected it while it was open.</summary>
    Rejected,

    /// <summary>The deadline passed first.</summary>
    Expired,

    /// <summary>The author withdrew it while it was open.</summary>
    Withdrawn,
}

/// <summary>An addressee's answer to a proposal.</summary>
public enum ResponseKind
{
    /// <summary>Accepts the whole package.</summary>
    Accept,

    /// <summary>Rejects the package.</summary>
    Reject,
}

/// <summary>One party's answer to a proposal at an instant.</summary>
/// <param name="Party">The answering party.</param>
/// <param name="Kind">Accept or reject.</param>
/// <param name="At">When it was given (valid time).</param>
/// <param name="Statement">The statement it was given in, if any.</param>
public sealed record Response(string Party, ResponseKind Kind, DateTimeOffset At, string? Statement = null)
{
    /// <summary>The answering party.</summary>
    public string Party { get; } = Key.Require(Party, nameof(Party));

    /// <summary>The statement it was given in.</summary>
    public string? Statement { get; } = Statement is null ? null : Key.Require(Statement, nameof(Statement));
}

/// <summary>
/// An offer: a package (one option for each of some issues) put by an author to its addressees, open from
/// <see cref="Created"/> until <see cref="Expires"/> (exclusive: at the deadline instant it is no longer open,
/// and an answer given then is too late).
/// </summary>
public sealed record Proposal
{
    /// <summary>Creates a proposal.</summary>
    /// <exception cref="ArgumentException">Malformed keys, an empty package, no addressee, the author among the addressees, an expiry not after creation, or a withdrawal before creation.</exception>
    public Proposal(string id, string author, string title, IReadOnlyDictionary<string, string> package,
        IEnumerable<string> addressees, DateTimeOffset created, DateTimeOffset? expires = null,
        IEnumerable<Response>? responses = null, DateTimeOffset? withdrawn = null, string description = "",
        Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Author = Key.Require(author, nameof(author));
        Title = Text.Require(title, nameof(title));
        if (package.Count == 0) throw new ArgumentException($"Proposal '{id}' has an empty package.", nameof(package));
        foreach (var (issue, option) in package) { Key.Require(issue, nameof(package)); Key.Require(option, nameof(package)); }
        Package = new SortedDictionary<string, string>(package.ToDictionary(), StringComparer.Ordinal);
        Addressees = addressees.Select(a => Key.Require(a, nameof(addressees))).Distinct().ToArray();
        if (Addressees.Count == 0) throw new ArgumentException($"Proposal '{id}' is addressed to no one.", nameof(addressees));
        if (Addressees.Contains(Author)) throw new ArgumentException($"Proposal '{id}' is addressed to its own author.", nameof(addressees));
        Created = created;
        if (expires <= created) throw new ArgumentException($"Proposal '{id}' expires before it is made.", nameof(expires));
        Expires = expires;
        Responses = (responses ?? []).OrderBy(r => r.At).ToArray();
        if (withdrawn < created) throw new ArgumentException($"Proposal '{id}' is withdrawn before it is made.", nameof(withdrawn));
        Withdrawn = withdrawn;
        Description = description ?? "";
        Visibility = visibility;
    }

    /// <summary>The proposal's key.</summary>
    public string Id { get; }

    /// <summary>The party making it.</summary>
    public string Author { get; }

    /// <summary>Display title.</summary>
    public string Title { get; }

    /// <summary>Option id per issue id.</summary>
    public IReadOnlyDictionary<string, string> Package { get; }

    /// <summary>The parties whose acceptance it needs.</summary>
    public IReadOnlyList<string> Addressees { get; }

    /// <summary>When it was made (valid time).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The deadline (exclusive), or null when open-ended.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>Answers in time order.</summary>
    public IReadOnlyList<Response> Responses { get; }

    /// <summary>When the author withdrew it, if it did.</summary>
    public DateTimeOffset? Withdrawn { get; }

    /// <summary>Longer description.</summary>
    public string Description { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }

    /// <summary>This proposal with one more answer.</summary>
    public Proposal WithResponse(Response response) =>
        new(Id, Author, Title, Package, Addressees, Created, Expires, Responses.Append(response), Withdrawn, Description, Visibility);

    /// <summary>This proposal as first made: no answers, not withdrawn.</summary>
    public Proposal WithoutResponses() =>
        new(Id, Author, Title, Package, Addressees, Created, Expires, [], null, Description, Visibility);

    /// <summary>This proposal withdrawn at <paramref name="at"/>.</summary>
    public Proposal WithdrawnAt(DateTimeOffset at) =>
        new(Id, Author, Title, Package, Addressees, Created, Expires, Responses, at, Description, Visibility);

    /// <summary>
    /// The state as of <paramref name="asOf"/>, or null when the proposal was not yet made. The first of these
    /// events at or before <paramref name="asOf"/> decides: a rejection by an addressee, the last acceptance
    /// that completes every addressee's acceptance, the deadline, the withdrawal. Answers at or after the
    /// deadline or after a decision are ignored. Ties at one instant resolve in that order, except that the
    /// deadline beats an answer given at the deadline instant.
    /// </summary>
    public (ProposalState State, DateTimeOffset? Since)? StateAsOf(DateTimeOffset asOf)
    {
        if (asOf < Created) return null;
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        // Within one instant a rejection is weighed before an acceptance, whatever order they were recorded in.
        foreach (var response in Responses.OrderBy(r => r.At).ThenBy(r => r.Kind == ResponseKind.Reject ? 0 : 1))
        {
            if (response.At > asOf) break;
            if (Expires is { } deadline && response.At >= deadline) break;
            if (Withdrawn is { } w && w < response.At) break;
            if (!Addressees.Contains(response.Party)) continue;
            if (response.Kind == ResponseKind.Reject) return (ProposalState.Rejected, response.At);
            accepted.Add(response.Party);
            if (accepted.Count == Addressees.Count) return (ProposalState.Accepted, response.At);
        }
        var expiry = Expires is { } e && e <= asOf ? e : (DateTimeOffset?)null;
        var withdrawal = Withdrawn is { } wd && wd <= asOf ? wd : (DateTimeOffset?)null;
        if (expiry is { } x && (withdrawal is null || x <= withdrawal)) return (ProposalState.Expired, x);
        if (withdrawal is { } y) return (ProposalState.Withdrawn, y);
        return (ProposalState.Open, Created);
    }
}
