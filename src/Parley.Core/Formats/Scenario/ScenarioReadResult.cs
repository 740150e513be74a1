using Parley.Core.Talks;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// The outcome of reading a scenario file: either a negotiation and no error, or no negotiation and every error
/// found (a bad file is refused whole), in file order.
/// </summary>
/// <param name="Negotiation">The negotiation read, or null when there is any error.</param>
/// <param name="Errors">Every error found, ordered by line and column; the field is a path from the document root with
/// 0-based list indices (<c>issues[3].options[1].id</c>), empty for the file as a whole (e.g. a YAML syntax error).</param>
public sealed record ScenarioReadResult(Negotiation? Negotiation, IReadOnlyList<SourceProblem> Errors)
{
    /// <summary>The parties' preference profiles (section <c>preferences</c>), in file order; empty when there is an error.</summary>
    public IReadOnlyList<Settlement.PartyPreferences> Preferences { get; init; } = [];

    /// <summary>The commitments and incidents of the file (empty when it has none, or on error).</summary>
    public ScenarioGuarantees Guarantees { get; init; } = ScenarioGuarantees.Empty;

    /// <summary>The drafts of the file (section <c>drafts</c>) with their versions, in file order; empty when it has none, or on error.</summary>
    public IReadOnlyList<ScenarioDraft> Drafts { get; init; } = [];

    /// <summary>What was read but should be written differently (deprecated spellings), each with its place; empty on error.</summary>
    public IReadOnlyList<SourceProblem> Warnings { get; init; } = [];

    /// <summary>True when the file was read without error.</summary>
    public bool Ok => Errors.Count == 0;
}
