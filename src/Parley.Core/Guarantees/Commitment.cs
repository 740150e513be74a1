namespace Parley.Core.Guarantees;

/// <summary>
/// A commitment a machine can check: a <see cref="Prohibition"/> (a ceasefire term) or an <see cref="Obligation"/>
/// (a guarantee owed when a trigger occurs). Party ids are short strings ("ua", "ru", "us").
/// </summary>
public abstract class Commitment
{
    private readonly Dictionary<LifecycleAction, IReadOnlyList<string>> _powers;

    /// <summary>Validates the fields every commitment has.</summary>
    /// <exception cref="ArgumentException">The id or title is blank.</exception>
    protected Commitment(string id, string title, TimeWindow? window,
        IReadOnlyDictionary<LifecycleAction, IReadOnlyList<string>>? powers)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A commitment has an id.", nameof(id));
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A commitment has a title.", nameof(title));
        Id = id.Trim();
        Title = title.Trim();
        Window = window ?? TimeWindow.Always;
        _powers = (powers ?? new Dictionary<LifecycleAction, IReadOnlyList<string>>())
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Parties(p.Value, "power holders"));
    }

    /// <summary>The commitment's id, unique within a set of commitments.</summary>
    public string Id { get; }

    /// <summary>The same commitment citing <paramref name="source"/> (null: none) instead of its own.</summary>
    public abstract Commitment WithSource(ProvisionSource? source);

    /// <summary>A human title ("Christmas energy-strike truce").</summary>
    public string Title { get; }

    /// <summary>
    /// When the commitment binds. Conduct outside the window is not covered; once the window's end passes, the
    /// commitment reaches its end state (Expired if it never entered into force).
    /// </summary>
    public TimeWindow Window { get; }

    /// <summary>The agreed provision of a draft the commitment was made from, with its text; null when none is cited.</summary>
    public ProvisionSource? Source { get; init; }

    /// <summary>
    /// Who may take each lifecycle action. An action listed here is refused (and noted) when taken by anyone else;
    /// an action not listed may be taken by anyone recording it.
    /// </summary>
    public IReadOnlyDictionary<LifecycleAction, IReadOnlyList<string>> Powers => _powers;

    /// <summary>True when <paramref name="actor"/> may take <paramref name="action"/>.</summary>
    public bool MayTake(LifecycleAction action, string? actor) =>
        !_powers.TryGetValue(action, out var holders)
        || (actor is not null && holders.Contains(actor, StringComparer.OrdinalIgnoreCase));

    /// <summary>Validates a list of party ids: at least one, none blank, no repeats.</summary>
    protected static string[] Parties(IEnumerable<string>? parties, string what)
    {
        var list = (parties ?? []).Select(p => p?.Trim() ?? "").ToArray();
        if (list.Length == 0) throw new ArgumentException($"The {what} name at least one party.", what);
        if (list.Any(string.IsNullOrEmpty)) throw new ArgumentException($"The {what} contain a blank party id.", what);
        if (list.Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Length)
            throw new ArgumentException($"The {what} repeat a party.", what);
        return list;
    }
}

/// <summary>
/// A ceasefire term: the bound parties must not commit conduct matching any of the <see cref="Rules"/> inside the
/// <see cref="Area"/> during the window while the term is in effect. A verified incident attributed to a bound
/// party that satisfies a rule is a breach; the first breach makes the term Violated (Symboleo semantics), and
/// later breaches are still listed. A term whose window ends without a breach is Fulfilled.
/// </summary>
public sealed class Prohibition : Commitment
{
    /// <summary>Creates a term.</summary>
    /// <exception cref="ArgumentException">No bound party or no rule, or duplicate rule ids.</exception>
    public Prohibition(string id, string title, IEnumerable<string> boundParties, IEnumerable<ConductRule> rules,
        Area? area = null, TimeWindow? window = null,
        IReadOnlyDictionary<LifecycleAction, IReadOnlyList<string>>? powers = null)
        : base(id, title, window, powers)
    {
        BoundParties = Parties(boundParties, "bound parties");
        Rules = (rules ?? throw new ArgumentNullException(nameof(rules))).ToArray();
        if (Rules.Count == 0) throw new ArgumentException("A prohibition names at least one rule.", nameof(rules));
        if (Rules.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Rules.Count)
            throw new ArgumentException("Rule ids are unique within a prohibition.", nameof(rules));
        Area = area ?? Area.Anywhere;
    }

    /// <summary>The parties the term binds.</summary>
    public IReadOnlyList<string> BoundParties { get; }

    /// <inheritdoc />
    public override Commitment WithSource(ProvisionSource? source) =>
        new Prohibition(Id, Title, BoundParties, Rules, Area, Window, Powers) { Source = source };

    /// <summary>The prohibited conduct; an incident breaches by the first rule (in this order) it satisfies.</summary>
    public IReadOnlyList<ConductRule> Rules { get; }

    /// <summary>Where the term applies.</summary>
    public Area Area { get; }
}

/// <summary>
/// A guarantee: each time the <see cref="Trigger"/> occurs while the obligation is in effect, every debtor owes the
/// creditor the <see cref="RequiredAction"/> within <see cref="Deadline"/> of the trigger. Debtors owe severally:
/// one duty per debtor per trigger.
/// </summary>
public sealed class Obligation : Commitment
{
    /// <summary>Creates an obligation.</summary>
    /// <exception cref="ArgumentException">No debtor, a blank creditor or action, or a non-positive deadline.</exception>
    public Obligation(string id, string title, IEnumerable<string> debtors, string creditor, Trigger trigger,
        string requiredAction, TimeSpan deadline, TimeWindow? window = null,
        IReadOnlyDictionary<LifecycleAction, IReadOnlyList<string>>? powers = null)
        : base(id, title, window, powers)
    {
        Debtors = Parties(debtors, "debtors");
        if (string.IsNullOrWhiteSpace(creditor)) throw new ArgumentException("An obligation names its creditor.", nameof(creditor));
        if (string.IsNullOrWhiteSpace(requiredAction)) throw new ArgumentException("An obligation names the action owed.", nameof(requiredAction));
        if (deadline <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "A deadline is positive.");
        Creditor = creditor.Trim();
        Trigger = trigger ?? throw new ArgumentNullException(nameof(trigger));
        RequiredAction = requiredAction.Trim();
        Deadline = deadline;
    }

    /// <inheritdoc />
    public override Commitment WithSource(ProvisionSource? source) =>
        new Obligation(Id, Title, Debtors, Creditor, Trigger, RequiredAction, Deadline, Window, Powers) { Source = source };

    /// <summary>The parties that owe the action.</summary>
    public IReadOnlyList<string> Debtors { get; }

    /// <summary>The party the action is owed to.</summary>
    public string Creditor { get; }

    /// <summary>What makes the action due.</summary>
    public Trigger Trigger { get; }

    /// <summary>The action owed ("consult", "respond"), matched case-insensitively against recorded actions.</summary>
    public string RequiredAction { get; }

    /// <summary>
    /// Time allowed after the trigger, not counting time the obligation spends suspended. The deadline instant is
    /// inclusive: an action at exactly trigger + deadline is on time; the duty is violated at every later instant.
    /// </summary>
    public TimeSpan Deadline { get; }
}

/// <summary>What makes an obligation's action due.</summary>
public abstract record Trigger;

/// <summary>
/// Triggered by a verified incident attributed to one of <see cref="AttributedTo"/>, satisfying <see cref="Conduct"/>,
/// inside <see cref="Area"/>, that happened while the obligation was in effect. The trigger instant — from which
/// the deadline runs — is when the incident was verified: an attack is "a verified armed attack" only from then.
/// </summary>
public sealed record IncidentTrigger : Trigger
{
    /// <summary>Creates the trigger.</summary>
    /// <exception cref="ArgumentException">No attributed party.</exception>
    public IncidentTrigger(ConductRule conduct, IEnumerable<string> attributedTo, Area? area = null)
    {
        Conduct = conduct ?? throw new ArgumentNullException(nameof(conduct));
        var parties = (attributedTo ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
        if (parties.Length == 0) throw new ArgumentException("An incident trigger names the responsible parties it reacts to.", nameof(attributedTo));
        AttributedTo = parties;
        Area = area ?? Area.Anywhere;
    }

    /// <summary>The conduct that triggers.</summary>
    public ConductRule Conduct { get; }

    /// <summary>The parties whose verified conduct triggers (e.g. the aggressor).</summary>
    public IReadOnlyList<string> AttributedTo { get; }

    /// <summary>Where the conduct must happen.</summary>
    public Area Area { get; }
}

/// <summary>
/// Triggered by a named signal raised elsewhere (a proposal rejected, an offer expired): the trigger instant is
/// when the signal was raised.
/// </summary>
public sealed record SignalTrigger : Trigger
{
    /// <summary>Creates the trigger.</summary>
    /// <exception cref="ArgumentException">The signal name is blank.</exception>
    public SignalTrigger(string signal)
    {
        if (string.IsNullOrWhiteSpace(signal)) throw new ArgumentException("A signal trigger names its signal.", nameof(signal));
        Signal = signal.Trim();
    }

    /// <summary>The signal's name, matched case-insensitively.</summary>
    public string Signal { get; }
}
