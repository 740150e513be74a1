namespace Parley.Core.Talks;

/// <summary>
/// What a statement says about one issue (optionally one option) or one proposal. Exactly one of
/// <see cref="Issue"/> and <see cref="Proposal"/> is set; <see cref="Option"/> only with an issue.
/// </summary>
public sealed record StatementStance
{
    /// <summary>Creates a statement stance.</summary>
    /// <exception cref="ArgumentException">Neither or both of issue and proposal, or an option without an issue.</exception>
    public StatementStance(string? issue, string? option, string? proposal, Stance stance)
    {
        if ((issue is null) == (proposal is null))
            throw new ArgumentException("A statement stance is about exactly one issue or one proposal.");
        if (option is not null && issue is null)
            throw new ArgumentException("A statement stance names an option only together with its issue.");
        Issue = issue is null ? null : Key.Require(issue, nameof(issue));
        Option = option is null ? null : Key.Require(option, nameof(option));
        Proposal = proposal is null ? null : Key.Require(proposal, nameof(proposal));
        Stance = stance;
    }

    /// <summary>The issue, if about an issue.</summary>
    public string? Issue { get; }

    /// <summary>The option of that issue, if about one option.</summary>
    public string? Option { get; }

    /// <summary>The proposal, if about a proposal.</summary>
    public string? Proposal { get; }

    /// <summary>The stance taken.</summary>
    public Stance Stance { get; }
}

/// <summary>
/// Something said in public or at the table: by a speaker for a party, or jointly by several signatories.
/// Positions cite the statement they come from.
/// </summary>
public sealed record Statement
{
    /// <summary>Creates a statement.</summary>
    /// <exception cref="ArgumentException">Malformed keys, empty text, or no signatory.</exception>
    public Statement(string id, DateTimeOffset at, string text, IEnumerable<string> signatories, string? speaker = null,
        IEnumerable<StatementStance>? stances = null, string source = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        At = at;
        Text = Talks.Text.Require(text, nameof(text));
        Signatories = signatories.Select(s => Key.Require(s, nameof(signatories))).Distinct().ToArray();
        if (Signatories.Count == 0) throw new ArgumentException($"Statement '{id}' has no party.", nameof(signatories));
        Speaker = speaker is null ? null : Key.Require(speaker, nameof(speaker));
        Stances = (stances ?? []).ToArray();
        Source = source ?? "";
        Visibility = visibility;
    }

    /// <summary>The statement's key.</summary>
    public string Id { get; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; }

    /// <summary>What was said (paraphrase or quotation).</summary>
    public string Text { get; }

    /// <summary>The party or parties it speaks for; several for a joint statement.</summary>
    public IReadOnlyList<string> Signatories { get; }

    /// <summary>The delegate who spoke, if one did.</summary>
    public string? Speaker { get; }

    /// <summary>Stances it takes.</summary>
    public IReadOnlyList<StatementStance> Stances { get; }

    /// <summary>Where it was reported.</summary>
    public string Source { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }

    /// <summary>True for a joint statement.</summary>
    public bool IsJoint => Signatories.Count > 1;
}
