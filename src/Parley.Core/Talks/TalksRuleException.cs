namespace Parley.Core.Talks;

/// <summary>
/// A change the negotiation refuses because it breaks one of its rules (an unknown party, an option the issue
/// lacks, a duplicate id). <see cref="Field"/> names the offending field relative to the item, e.g.
/// <c>stances.freeze</c>; the server maps it to a 400 and the scenario reader to a file:line error.
/// </summary>
public sealed class TalksRuleException(string field, string message) : Exception(message)
{
    /// <summary>The offending field, relative to the item being added.</summary>
    public string Field { get; } = field;
}
