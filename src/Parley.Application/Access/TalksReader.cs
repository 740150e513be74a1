using Parley.Core.Access;
using Parley.Core.Formats.Scenario;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Application.Reading;
using Parley.Data;
using Parley.Data.Access;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;

namespace Parley.Application.Access;

/// <summary>
/// The viewer-scoped read model: every read of a negotiation that a member makes — through the API, the pages, the
/// charts, the exports, the history or the live updates — comes through here and returns only what
/// <see cref="Viewer.CanSee"/> allows (<see cref="NegotiationScope"/>). Derived figures computed from what it returns
/// therefore use only what the viewer may see. The settlement, which computes over every profile as a neutral, is the
/// one reader of the unscoped profiles (<see cref="SettlementInputAsync"/>).
/// Reads come from the cache when there is one (the server's): what they return is shared between requests and must not
/// be changed — copy it (<see cref="Negotiation.Copy"/>) to try a change.
/// </summary>
public sealed class TalksReader
{
    private readonly Func<NegotiationStore> _newStore;
    private readonly Func<GuaranteesStore> _newGuarantees;
    private readonly Func<DraftStore> _newDrafts;
    private readonly NegotiationCache? _cache;
    private readonly LatestHeads? _heads;
    private NegotiationStore? _store;
    private GuaranteesStore? _guarantees;
    private DraftStore? _drafts;

    /// <summary>A reader over the given stores, from <paramref name="cache"/> when there is one.</summary>
    public TalksReader(NegotiationStore store, GuaranteesStore guarantees, DraftStore drafts, NegotiationCache? cache = null)
        : this(() => store, () => guarantees, () => drafts, cache, null)
    {
    }

    /// <summary>
    /// A server's reader: the stores, and with them a database context, are made on first use, so that a request the
    /// cache answers at a head <paramref name="heads"/> remembers leases no context at all.
    /// </summary>
    public TalksReader(Func<NegotiationStore> store, Func<GuaranteesStore> guarantees, Func<DraftStore> drafts,
        NegotiationCache? cache, LatestHeads? heads)
    {
        _newStore = store;
        _newGuarantees = guarantees;
        _newDrafts = drafts;
        _cache = cache;
        _heads = heads;
    }

    private NegotiationStore Store => _store ??= _newStore();

    private GuaranteesStore Guarantees => _guarantees ??= _newGuarantees();

    private DraftStore Drafts => _drafts ??= _newDrafts();

    /// <summary>The negotiation as stored now, with what each viewer sees of it (from the cache when there is one).</summary>
    public Task<NegotiationSnapshot> SnapshotAsync(string id, CancellationToken ct = default) => SnapshotAsync(id, null, ct);

    /// <summary>
    /// The negotiation at <paramref name="head"/> or later, a head read earlier in the same request (when access was
    /// checked, <see cref="ViewerOfAsync"/>); null reads it now.
    /// </summary>
    public async Task<NegotiationSnapshot> SnapshotAsync(string id, long? head, CancellationToken ct = default) =>
        _cache is null ? new NegotiationSnapshot(await Store.LoadVersionAsync(id, ct))
            : await _cache.GetAsync(() => Store, id, head ?? await CurrentHeadAsync(id, ct), ct);

    // Without a store made yet (no context leased, so no transaction of this scope to read in), the heads answer alone.
    private Task<long> CurrentHeadAsync(string id, CancellationToken ct) =>
        _store is null && _heads is { } heads ? heads.OfAsync(id, c => Store.HeadAsync(id, c), ct) : Store.CurrentHeadAsync(id, ct);

    /// <summary>
    /// How the user <paramref name="userId"/> sees negotiation <paramref name="id"/> (null when not a member), and the
    /// head of its record read for it: one indexed row per request when the negotiation is in the cache at that head,
    /// which remembers memberships (<see cref="NegotiationSnapshot.MemberAsync"/>); the membership row besides otherwise.
    /// </summary>
    public async Task<(Viewer? Viewer, long Head)> ViewerOfAsync(string id, string userId, string userName, Func<MembershipStore> memberships,
        CancellationToken ct = default)
    {
        var head = await CurrentHeadAsync(id, ct);
        var read = () => memberships().ViewerAsync(userId, userName, id, ct);
        var viewer = _cache?.Peek(id, head) is { } kept ? await kept.MemberAsync(userId, userName, read) : await read();
        return (viewer, head);
    }

    /// <summary>The negotiation as <paramref name="viewer"/> may see it, or null when there is none with this id.</summary>
    public async Task<Negotiation?> LoadAsync(string id, Viewer viewer, CancellationToken ct = default) =>
        await (await SnapshotAsync(id, ct)).ForAsync(viewer);

    /// <summary>
    /// A figure derived from what <paramref name="viewer"/> sees, computed once per change of the negotiation and viewer
    /// scope (<see cref="NegotiationSnapshot.DerivedAsync{T}"/>); null when there is no negotiation with this id.
    /// </summary>
    public Task<T?> DerivedAsync<T>(string id, Viewer viewer, string figure, Func<Negotiation, T> compute, CancellationToken ct = default)
        where T : class => DerivedAsync(id, null, viewer, figure, compute, ct);

    /// <summary>As <see cref="DerivedAsync{T}(string, Viewer, string, Func{Negotiation, T}, CancellationToken)"/>, at a head read earlier in the request.</summary>
    public async Task<T?> DerivedAsync<T>(string id, long? head, Viewer viewer, string figure, Func<Negotiation, T> compute, CancellationToken ct = default)
        where T : class =>
        await (await SnapshotAsync(id, head, ct)).DerivedAsync(viewer, figure, n => Operations.EngineTimings.Measure(figure, () => compute(n)));

    /// <summary>The negotiation and the preference profiles <paramref name="viewer"/> may see, or null when there is none with this id.</summary>
    public async Task<(Negotiation Negotiation, IReadOnlyList<PartyPreferences> Preferences)?> LoadWithPreferencesAsync(
        string id, Viewer viewer, CancellationToken ct = default)
    {
        var snapshot = await SnapshotAsync(id, ct);
        return await snapshot.ForAsync(viewer) is { } n ? (n, snapshot.ProfilesFor(viewer)) : null;
    }

    /// <summary>
    /// The history entries of a negotiation that <paramref name="viewer"/> may read (each entry carries the visibility of
    /// the item it records), in the order recorded.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, Viewer viewer, CancellationToken ct = default)
    {
        var entries = await Store.HistoryAsync(id, ct);
        return viewer.SeesEverything ? entries : entries.Where(e => CanRead(viewer, e)).ToArray();
    }

    /// <summary>True when <paramref name="viewer"/> may read <paramref name="entry"/> (an unreadable label is the mediator's).</summary>
    public static bool CanRead(Viewer viewer, HistoryEntry entry) =>
        Visibility.TryParse(entry.Visibility, out var v) ? viewer.CanSee(v) : viewer.SeesEverything;

    /// <summary>
    /// The negotiation as a scenario file holding what <paramref name="viewer"/> may see: the full file for the mediator;
    /// for others the scoped negotiation, their own profile, the commitments and incidents, the drafts. Null when there is none.
    /// </summary>
    public async Task<string?> ScenarioAsync(string id, Viewer viewer, CancellationToken ct = default)
    {
        if (await LoadWithPreferencesAsync(id, viewer, ct) is not var (n, profiles)) return null;
        return ScenarioWriter.Write(n, profiles, await Guarantees.ScenarioAsync(id, ct), await Drafts.ScenarioAsync(id, ct));
    }

    /// <summary>
    /// Every profile, unscoped, for the settlement engine only: it computes as a neutral and its callers show a
    /// delegation nothing but packages and its own utilities. Null when there is no such negotiation.
    /// </summary>
    public async Task<(Negotiation Negotiation, IReadOnlyList<PartyPreferences> Preferences)?> SettlementInputAsync(string id, CancellationToken ct = default) =>
        (await SnapshotAsync(id, ct)).Version is { Negotiation: { } n } version ? (n, version.Preferences) : null;
}
