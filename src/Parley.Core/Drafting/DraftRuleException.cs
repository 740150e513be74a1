namespace Parley.Core.Drafting;

/// <summary>
/// A new version a draft's history refuses: its label is already used, or it is dated before the version preceding it, or
/// (when stored in a negotiation) its text links to an issue or option the negotiation does not have.
/// <see cref="Field"/> names the offending field (<c>version</c>, <c>date</c>, <c>text</c>); the server maps it to a 400.
/// </summary>
public sealed class DraftRuleException(string field, string message) : Exception(message)
{
    /// <summary>The offending field of the version being added.</summary>
    public string Field { get; } = field;
}
