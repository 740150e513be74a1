namespace Parley.Core.Guarantees;

/// <summary>
/// One rule of conduct a term names: incidents of these event types and sub-types that hit these target classes.
/// Each empty list means "any". Types compare case-insensitively with the incident's ACLED type strings; target
/// classes match when the incident has at least one of them (an incident with no known target class never
/// matches a rule that names target classes).
/// </summary>
public sealed record ConductRule
{
    private readonly string[] _eventTypes;
    private readonly string[] _subEventTypes;
    private readonly string[] _targetClasses;

    /// <summary>Creates a rule.</summary>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    public ConductRule(string id, IEnumerable<string>? eventTypes = null, IEnumerable<string>? subEventTypes = null,
        IEnumerable<string>? targetClasses = null)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A rule has an id.", nameof(id));
        Id = id.Trim();
        _eventTypes = Clean(eventTypes);
        _subEventTypes = Clean(subEventTypes);
        _targetClasses = Clean(targetClasses).Select(TargetClass.Normalize).ToArray();
    }

    /// <summary>The rule's id, named in every breach it finds.</summary>
    public string Id { get; }

    /// <summary>Event types covered; empty for any.</summary>
    public IReadOnlyList<string> EventTypes => _eventTypes;

    /// <summary>Sub-event types covered; empty for any.</summary>
    public IReadOnlyList<string> SubEventTypes => _subEventTypes;

    /// <summary>Target classes protected; empty for any.</summary>
    public IReadOnlyList<string> TargetClasses => _targetClasses;

    /// <summary>True when the incident's type, sub-type and target classes satisfy the rule.</summary>
    public bool Matches(Incident incident)
    {
        if (_eventTypes.Length > 0 && !Contains(_eventTypes, incident.EventType)) return false;
        if (_subEventTypes.Length > 0 && (incident.SubEventType is null || !Contains(_subEventTypes, incident.SubEventType))) return false;
        if (_targetClasses.Length == 0) return true;
        foreach (var t in incident.TargetClasses)
            if (Contains(_targetClasses, t)) return true;
        return false;
    }

    /// <summary>A one-line statement of what the rule covers.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_eventTypes.Length > 0) parts.Add("type " + string.Join(" | ", _eventTypes));
        if (_subEventTypes.Length > 0) parts.Add("sub-type " + string.Join(" | ", _subEventTypes));
        if (_targetClasses.Length > 0) parts.Add("target " + string.Join(" | ", _targetClasses));
        return parts.Count == 0 ? $"{Id}: any incident" : $"{Id}: {string.Join("; ", parts)}";
    }

    private static bool Contains(string[] set, string value)
    {
        foreach (var s in set)
            if (string.Equals(s, value, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string[] Clean(IEnumerable<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
}
