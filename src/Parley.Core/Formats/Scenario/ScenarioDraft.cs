using Parley.Core.Drafting;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// One draft of a negotiation as a scenario file's <c>drafts:</c> section holds it: its key (<c>berlin-framework</c>)
/// and its versions, oldest first. The links to the talks (issue tags, option ids of alternatives) are part of each
/// version's text.
/// </summary>
public sealed record ScenarioDraft
{
    /// <summary>Creates a draft.</summary>
    /// <param name="key">The draft's key: a letter or digit, then letters, digits, '-', '_' or '.'; at most 64.</param>
    /// <param name="history">Its versions, oldest first; at least one.</param>
    /// <exception cref="ArgumentException">The key is malformed or the history has no version.</exception>
    public ScenarioDraft(string key, DraftHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Key = Talks.Key.Require(key, nameof(key));
        if (history.Versions.Count == 0) throw new ArgumentException("A draft has at least one version.", nameof(history));
        History = history;
    }

    /// <summary>The draft's key within the negotiation.</summary>
    public string Key { get; }

    /// <summary>Its versions, oldest first; never empty.</summary>
    public DraftHistory History { get; }
}
