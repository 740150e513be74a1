namespace Parley.Core;

/// <summary>Why a rule refuses a change: the one set of kinds every capability refuses with, each one HTTP status.</summary>
public enum RefusalKind
{
    /// <summary>The change breaks a rule (an unknown party, an option the issue lacks, a step out of order): a 400.</summary>
    Invalid,

    /// <summary>The change names something that is not there to change: a 404.</summary>
    NotFound,

    /// <summary>The change collides with what is already stored (a duplicate id): a 409.</summary>
    Conflict,
}

/// <summary>
/// A change refused by the product's rules — Talks (an unknown party, a duplicate id), Drafting (a version label used
/// twice, a date before the previous version), Guarantees (a review or lifecycle step out of order) — the one way
/// every capability refuses. <see cref="Field"/> names the offending field relative to the item (e.g.
/// <c>stances.freeze</c>); the server maps it once to a ProblemDetails (<see cref="Kind"/> gives the status) and the
/// scenario reader to a file:line error.
/// </summary>
/// <param name="field">The offending field, relative to the item being changed.</param>
/// <param name="message">What the rule says, in words.</param>
/// <param name="kind">Why it is refused; a broken rule unless said otherwise.</param>
public sealed class RuleRefusal(string field, string message, RefusalKind kind = RefusalKind.Invalid) : Exception(message)
{
    /// <summary>The offending field, relative to the item being changed.</summary>
    public string Field { get; } = field;

    /// <summary>Why it is refused.</summary>
    public RefusalKind Kind { get; } = kind;
}
