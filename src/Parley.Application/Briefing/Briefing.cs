using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Application.Briefing;

/// <summary>
/// "State of play as of a date" for one member, to hand a principal before a meeting: what is agreed, what blocks and
/// whose red lines collide, the offers open with their deadlines, the draft's brackets by issue, and the guarantees with
/// their breaches. Every figure is computed from the negotiation as that member may see it (<see cref="BriefingService"/>),
/// never from the unscoped one; names are resolved (parties, issues, options), so it can be printed as it stands.
/// </summary>
public sealed record Briefing
{
    /// <summary>The negotiation's id.</summary>
    public required string NegotiationId { get; init; }

    /// <summary>The negotiation's title.</summary>
    public required string Title { get; init; }

    /// <summary>The instant the briefing describes (UTC).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Whom it is for, in words: "the mediator", "the delegation of Ukraine", "an observer".</summary>
    public required string PreparedFor { get; init; }

    /// <summary>Issues agreed as of <see cref="AsOf"/>.</summary>
    public required int AgreedIssues { get; init; }

    /// <summary>Issues on the agenda the member sees.</summary>
    public required int TotalIssues { get; init; }

    /// <summary>Share of issues agreed, 0–1 (the status endpoint's <c>agreedShare</c>).</summary>
    public required double AgreedShare { get; init; }

    /// <summary>Share of issue weight agreed, 0–1 (the status endpoint's <c>agreedShareByWeight</c>).</summary>
    public required double AgreedShareByWeight { get; init; }

    /// <summary>The agreed issues, in agenda order.</summary>
    public required IReadOnlyList<AgreedItem> Agreed { get; init; }

    /// <summary>The issues not agreed, blocked first (the status report's order).</summary>
    public required IReadOnlyList<StickingPoint> StickingPoints { get; init; }

    /// <summary>Offers open as of <see cref="AsOf"/>, soonest deadline first (none last).</summary>
    public required IReadOnlyList<OpenOffer> OpenOffers { get; init; }

    /// <summary>Each stored draft's version in force on the date, with its brackets counted by issue.</summary>
    public required IReadOnlyList<DraftBrackets> Drafts { get; init; }

    /// <summary>Each commitment's state as of the date, with its breaches and duties.</summary>
    public required IReadOnlyList<GuaranteeLine> Guarantees { get; init; }
}

/// <summary>An agreed issue.</summary>
/// <param name="Issue">The issue's title.</param>
/// <param name="Option">The agreed option's label.</param>
/// <param name="AdReferendum">True while pending the capitals' approval.</param>
public sealed record AgreedItem(string Issue, string Option, bool AdReferendum);

/// <summary>An issue not agreed, and why.</summary>
/// <param name="Issue">The issue's title.</param>
/// <param name="Status">Open, Converging or Blocked.</param>
/// <param name="Collisions">The options refused, with whose red line or rejection.</param>
/// <param name="AcceptableToAll">Labels of the options every principal accepts.</param>
/// <param name="MissingPositions">Principals with no position yet (names).</param>
public sealed record StickingPoint(string Issue, IssueStatus Status, IReadOnlyList<CollisionLine> Collisions,
    IReadOnlyList<string> AcceptableToAll, IReadOnlyList<string> MissingPositions);

/// <summary>One refused option of a sticking point.</summary>
/// <param name="Option">The option's label.</param>
/// <param name="RedLineOf">Parties (names) for which it is a red line.</param>
/// <param name="UnacceptableTo">Other parties (names) that reject it.</param>
public sealed record CollisionLine(string Option, IReadOnlyList<string> RedLineOf, IReadOnlyList<string> UnacceptableTo);

/// <summary>An open offer.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Author">Who tabled it (name).</param>
/// <param name="Addressees">To whom (names).</param>
/// <param name="Expires">Its deadline, if any.</param>
/// <param name="TimeLeft">Time left to the deadline as of the date, if any.</param>
public sealed record OpenOffer(string Title, string Author, IReadOnlyList<string> Addressees, DateTimeOffset? Expires, TimeSpan? TimeLeft);

/// <summary>One draft's version in force on the date and its brackets by issue.</summary>
/// <param name="Draft">The draft's key.</param>
/// <param name="Version">The version's label.</param>
/// <param name="Brackets">Top-level brackets in the version.</param>
/// <param name="AgreedShareByText">Share of its words outside brackets, 0–1.</param>
/// <param name="ByIssue">Top-level brackets per issue tag, in text order of first appearance ("untagged" last).</param>
public sealed record DraftBrackets(string Draft, string Version, int Brackets, double AgreedShareByText, IReadOnlyList<IssueBrackets> ByIssue);

/// <summary>The brackets of one issue in a draft.</summary>
/// <param name="Issue">The issue's title, or "untagged".</param>
/// <param name="Brackets">Top-level brackets in its provisions.</param>
/// <param name="Parties">The parties (names) the brackets are credited to.</param>
public sealed record IssueBrackets(string Issue, int Brackets, IReadOnlyList<string> Parties);

/// <summary>One commitment as of the date.</summary>
/// <param name="Title">Its title.</param>
/// <param name="State">Its state.</param>
/// <param name="Breaches">Its verified breaches, in order of occurrence.</param>
/// <param name="Duties">The duties it triggered and where each stands.</param>
public sealed record GuaranteeLine(string Title, CommitmentState State, IReadOnlyList<BreachLine> Breaches, IReadOnlyList<DutyLine> Duties);

/// <summary>A verified breach.</summary>
/// <param name="Incident">The verified report's id.</param>
/// <param name="At">When it happened (the report's start).</param>
/// <param name="Responsible">The party it was attributed to (name).</param>
public sealed record BreachLine(string Incident, DateTimeOffset At, string Responsible);

/// <summary>A duty triggered by an obligation.</summary>
/// <param name="Debtor">Who owes (name).</param>
/// <param name="Deadline">The last instant on time, if running.</param>
/// <param name="State">Its state.</param>
public sealed record DutyLine(string Debtor, DateTimeOffset? Deadline, CommitmentState State);
