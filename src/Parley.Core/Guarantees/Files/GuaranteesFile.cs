using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Guarantees.Files;

/// <summary>A review recorded in the file for one incident id.</summary>
/// <param name="IncidentId">The incident reviewed.</param>
/// <param name="Step">The step taken.</param>
public sealed record ReviewEntry(string IncidentId, VerificationStep Step);

/// <summary>Maps a source's actor name to a party, by prefix (case-insensitive): a rule the user declares, not a guess.</summary>
/// <param name="ActorPrefix">Start of the actor name, e.g. "Military Forces of Russia".</param>
/// <param name="Party">The party id, e.g. "ru".</param>
public sealed record ActorAttribution(string ActorPrefix, string Party);

/// <summary>
/// A declaration that the imported data set is itself verified by its source (ACLED and UCDP are curated): every
/// incident without an explicit review is Verified by <see cref="Reviewer"/> at the end of its time interval,
/// attributed by the first <see cref="Attribution"/> rule matching its first actor (the initiator), or left
/// unattributed when none matches.
/// </summary>
/// <param name="Reviewer">Who vouches (e.g. "ACLED").</param>
/// <param name="Attribution">Actor-prefix rules, tried in order.</param>
public sealed record SourceTrust(string Reviewer, IReadOnlyList<ActorAttribution> Attribution);

/// <summary>
/// The contents of a guarantees file (YAML or JSON): commitments, lifecycle events and actions, incident reviews,
/// an optional source-trust declaration and the duplicate policy. The format is documented in docs/guarantees.md.
/// </summary>
public sealed record GuaranteesFile(IReadOnlyList<Commitment> Commitments, IReadOnlyList<CommitmentEvent> Events,
    IReadOnlyList<ReviewEntry> Reviews, SourceTrust? Trust, DuplicatePolicy Duplicates)
{
    /// <summary>Reads a file; on any error returns no file and every error found, with line and column.</summary>
    public static (GuaranteesFile? File, IReadOnlyList<FileError> Errors) Read(TextReader reader)
    {
        var y = new YamlNodes();
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        if (Formats.Yaml.YamlLimits.Check(text) is { } refused) return (null, [new FileError(refused.Line, refused.Column, refused.Message)]);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try { stream.Load(new Parser(scanner)); }
        catch (YamlException ex)
        {
            return (null, [new FileError((int)ex.Start.Line, (int)ex.Start.Column, ex.Message)]);
        }
        catch (ArgumentException)
        {
            // YamlDotNet 18 throws this instead of a YamlException on an event it cannot place (e.g. "- : " in a block list).
            var at = scanner.CurrentPosition;
            return (null, [new FileError((int)at.Line, (int)at.Column, "YAML syntax: a value where YAML expects none (an empty key, or ':' out of place?)")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this instead of a YamlException on some unterminated flow collections.
            var at = scanner.CurrentPosition;
            return (null, [new FileError((int)at.Line, (int)at.Column, "YAML syntax: unexpected end of a flow list or mapping ('[' or '{' not closed?)")]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return (null, [new FileError(1, 1, "a guarantees file is a mapping with a 'commitments' list")]);

        var commitments = new List<Commitment>();
        foreach (var node in y.Seq(root, "commitments"))
            if (y.Map(node, "a commitment") is { } map && Guard(y, map, () => ReadCommitment(y, map)) is { } c)
                commitments.Add(c);
        if (commitments.Count == 0 && y.Errors.Count == 0) y.Fail(root, "'commitments' lists no commitment");
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in commitments)
            if (!ids.Add(c.Id)) y.Fail(root, $"commitment id '{c.Id}' appears twice");

        var events = new List<CommitmentEvent>();
        foreach (var node in y.Seq(root, "events"))
            if (y.Map(node, "an event") is { } map && Guard(y, map, () => ReadEvent(y, map, ids)) is { } e)
                events.Add(e);
        var reviews = new List<ReviewEntry>();
        foreach (var node in y.Seq(root, "reviews"))
            if (y.Map(node, "a review") is { } map && Guard(y, map, () => ReadReview(y, map)) is { } r)
                reviews.Add(r);
        SourceTrust? trust = null;
        if (y.Map(y.Get(root, "sourceTrust"), "sourceTrust") is { } t)
            trust = Guard(y, t, () => new SourceTrust(y.Text(t, "reviewer", required: true) ?? "source",
                y.Seq(t, "attribution").Select(n => y.Map(n, "an attribution rule")).OfType<YamlMappingNode>()
                    .Select(m => (Prefix: y.Text(m, "actorPrefix", true), Party: y.Text(m, "party", true)))
                    .Where(p => p.Prefix is not null && p.Party is not null)
                    .Select(p => new ActorAttribution(p.Prefix!, p.Party!)).ToArray()));
        var duplicates = DuplicatePolicy.Default;
        if (y.Map(y.Get(root, "duplicates"), "duplicates") is { } d)
        {
            var radius = y.Text(d, "radiusKm") is { } r ? double.TryParse(r, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var km) ? km : double.NaN : 1.0;
            duplicates = Guard(y, d, () => new DuplicatePolicy(radius, y.Duration(d, "maxGap") ?? TimeSpan.FromHours(2))) ?? duplicates;
        }
        return y.Errors.Count > 0
            ? (null, y.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray())
            : (new GuaranteesFile(commitments, events, reviews, trust, duplicates), []);
    }

    /// <summary>
    /// The incidents with this file's reviews applied, and the source-trust declaration for the rest. Reviews naming
    /// unknown incidents, or breaking the workflow, are returned as messages and not applied.
    /// </summary>
    public (IReadOnlyList<Incident> Incidents, IReadOnlyList<string> Problems) Apply(IEnumerable<Incident> incidents)
    {
        var byId = Reviews.GroupBy(r => r.IncidentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<string>();
        var result = new List<Incident>();
        foreach (var incident in incidents)
        {
            var current = incident;
            if (byId.Remove(incident.Id, out var steps))
            {
                try { current = steps.Aggregate(current, (i, r) => i.Review(r.Step)); }
                catch (ArgumentException ex) { problems.Add($"reviews of incident {incident.Id} not applied: {ex.Message}"); }
            }
            else if (Trust is not null)
            {
                var at = incident.Time.End;
                var party = Trust.Attribution.FirstOrDefault(a => incident.Actors.Count > 0
                    && incident.Actors[0].StartsWith(a.ActorPrefix, StringComparison.OrdinalIgnoreCase))?.Party;
                current = incident.Review(new VerificationStep(VerificationState.UnderReview, at, Trust.Reviewer))
                    .Review(new VerificationStep(VerificationState.Verified, at, Trust.Reviewer,
                        incident.Sources.Count > 0 ? string.Join("; ", incident.Sources) : "source data set", party));
            }
            result.Add(current);
        }
        problems.AddRange(byId.Keys.Select(id => $"reviews name incident {id}, which is not in the incident file"));
        return (result, problems);
    }

    private static T? Guard<T>(YamlNodes y, YamlNode at, Func<T?> read) where T : class
    {
        try { return read(); }
        catch (ArgumentException ex)
        {
            y.Fail(at, ex.Message);
            return null;
        }
    }

    private static Commitment? ReadCommitment(YamlNodes y, YamlMappingNode map)
    {
        var id = y.Text(map, "id", required: true);
        var kind = y.Text(map, "kind", required: true);
        var title = y.Text(map, "title") ?? id;
        TimeWindow? window = null;
        if (y.Map(y.Get(map, "window"), "window") is { } w && y.Instant(w, "start", required: true) is { } start)
            window = new TimeWindow(start, y.Instant(w, "end"));
        var powers = new Dictionary<LifecycleAction, IReadOnlyList<string>>();
        if (y.Map(y.Get(map, "powers"), "powers") is { } p)
            foreach (var (key, _) in p.Children)
                if (Enum.TryParse<LifecycleAction>(key.ToString(), ignoreCase: true, out var action))
                    powers[action] = y.Texts(p, key.ToString());
                else y.Fail(key, $"'{key}' is not a lifecycle action (enterIntoForce, suspend, resume, terminate, discharge)");
        if (id is null || kind is null) return null;
        switch (kind.ToLowerInvariant())
        {
            case "prohibition":
                var rules = y.Seq(map, "rules").Select((n, i) => y.Map(n, "a rule") is { } r ? y.Rule(r, $"rule-{i + 1}") : null)
                    .OfType<ConductRule>().ToArray();
                return new Prohibition(id, title!, y.Texts(map, "bound"), rules, y.Area(y.Get(map, "area")), window, powers);
            case "obligation":
                var trigger = ReadTrigger(y, y.Map(y.Get(map, "trigger"), "trigger"), map);
                var deadline = y.Duration(map, "deadline", required: true);
                var creditor = y.Text(map, "creditor", required: true);
                var action = y.Text(map, "action", required: true);
                if (trigger is null || deadline is null || creditor is null || action is null) return null;
                return new Obligation(id, title!, y.Texts(map, "debtors"), creditor, trigger, action, deadline.Value, window, powers);
            default:
                y.Fail(y.Get(map, "kind")!, $"kind '{kind}' is neither prohibition nor obligation");
                return null;
        }
    }

    private static Trigger? ReadTrigger(YamlNodes y, YamlMappingNode? map, YamlMappingNode owner)
    {
        if (map is null) { y.Fail(owner, "'trigger' is required for an obligation"); return null; }
        if (y.Text(map, "signal") is { } signal) return new SignalTrigger(signal);
        if (y.Map(y.Get(map, "incident"), "trigger.incident") is { } i)
            return new IncidentTrigger(y.Rule(i, "trigger")!, y.Texts(i, "attributedTo"), y.Area(y.Get(i, "area")));
        y.Fail(map, "a trigger is either 'signal: NAME' or 'incident: {...}'");
        return null;
    }

    private static CommitmentEvent? ReadEvent(YamlNodes y, YamlMappingNode map, HashSet<string> ids)
    {
        var at = y.Instant(map, "at", required: true);
        var cause = y.Text(map, "cause") ?? "recorded in the guarantees file";
        if (at is null) return null;
        if (y.Text(map, "signal") is { } signal) return new SignalRaised(signal, at.Value, cause);
        var commitment = y.Text(map, "commitment", required: true);
        if (commitment is null) return null;
        if (!ids.Contains(commitment)) { y.Fail(y.Get(map, "commitment")!, $"commitment '{commitment}' is not defined"); return null; }
        if (y.Text(map, "performed") is { } performed)
            return new ActionPerformed(commitment, y.Text(map, "party", required: true) ?? "?", performed, at.Value, cause, y.Text(map, "incident"));
        var actionText = y.Text(map, "action", required: true);
        if (actionText is null) return null;
        if (!Enum.TryParse<LifecycleAction>(actionText, ignoreCase: true, out var action))
        {
            y.Fail(y.Get(map, "action")!, $"action '{actionText}' is not one of enterIntoForce, suspend, resume, terminate, discharge");
            return null;
        }
        return new LifecycleEvent(commitment, action, at.Value, cause, y.Text(map, "actor"));
    }

    private static ReviewEntry? ReadReview(YamlNodes y, YamlMappingNode map)
    {
        var incident = y.Text(map, "incident", required: true);
        var stateText = y.Text(map, "state", required: true);
        var at = y.Instant(map, "at", required: true);
        var reviewer = y.Text(map, "reviewer", required: true);
        if (incident is null || stateText is null || at is null || reviewer is null) return null;
        if (!Enum.TryParse<VerificationState>(stateText, ignoreCase: true, out var state))
        {
            y.Fail(y.Get(map, "state")!, $"state '{stateText}' is not underReview, verified or rejected");
            return null;
        }
        return new ReviewEntry(incident, new VerificationStep(state, at.Value, reviewer, y.Text(map, "evidence"), y.Text(map, "responsible")));
    }
}
