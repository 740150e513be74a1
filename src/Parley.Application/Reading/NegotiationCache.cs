using System.Collections.Concurrent;
using Parley.Core.Access;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data;

namespace Parley.Application.Reading;

/// <summary>
/// Negotiations kept in memory between requests, each at a version of its record (<see cref="NegotiationVersion.Head"/>).
/// A read asks the database for the record's head only — one indexed row — and loads the whole negotiation again when
/// the head moved, so a reader never sees a state older than the last change committed before its request, on whichever
/// server node made it. Concurrent readers of a stale negotiation share one load. What a viewer may see, and the
/// figures derived from it, are kept per snapshot and per <see cref="NegotiationSnapshot.ScopeKey"/>, so they are computed once per change.
/// Snapshots are shared: nothing returned from here may be changed (copy a negotiation with <see cref="Negotiation.Copy"/>).
/// </summary>
/// <param name="capacity">How many negotiations to keep; the least recently read go first.</param>
public sealed class NegotiationCache(int capacity = 64) : INegotiationVersions
{
    private readonly Dictionary<string, Task<NegotiationSnapshot>> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingCommits> _commits = new(StringComparer.Ordinal);

    /// <summary>How long a reader waits for this process's commits in flight before it reads the negotiation itself.</summary>
    private static readonly TimeSpan CommitPatience = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public Negotiation? Find(string id, long head)
    {
        lock (_slots)
            return _slots.TryGetValue(id, out var slot) && slot.IsCompletedSuccessfully && slot.Result.Head == head ? slot.Result.Version.Negotiation : null;
    }

    /// <inheritdoc />
    public void Committing(string id)
    {
        lock (_slots)
        {
            if (_commits.TryGetValue(id, out var pending)) pending.Count++;
            else _commits[id] = new PendingCommits();
        }
    }

    /// <inheritdoc />
    public void Committed(string id, long previousHead, long head, Negotiation negotiation)
    {
        lock (_slots)
        {
            // Only a version that follows the one held: profiles are carried over, which a talks change leaves alone.
            if (_slots.TryGetValue(id, out var slot) && slot.IsCompletedSuccessfully && slot.Result.Head == previousHead)
                _slots[id] = Task.FromResult(new NegotiationSnapshot(slot.Result.Version with { Head = head, Negotiation = negotiation },
                    slot.Result.ScopedViews()).Touched());
            Settle(id);
        }
    }

    /// <inheritdoc />
    public void Abandoned(string id)
    {
        lock (_slots) Settle(id);
    }

    // Under the lock: one announced commit is over; the readers waiting for them go on when none is left.
    private void Settle(string id)
    {
        if (!_commits.TryGetValue(id, out var pending) || --pending.Count > 0) return;
        _commits.Remove(id);
        pending.Over.TrySetResult();
    }

    /// <summary>Commits announced and not yet over for one negotiation, and the signal that they are.</summary>
    private sealed class PendingCommits
    {
        public int Count = 1;
        public readonly TaskCompletionSource Over = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The negotiation as stored now, from memory when nothing changed since it was loaded: at <paramref name="head"/>
    /// (a head read in the same request, when access was checked or just before) or later. <paramref name="store"/> is
    /// asked for only when something must be loaded, so that an answer from memory needs no database context.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">The stored rows no longer form a valid negotiation.</exception>
    public async Task<NegotiationSnapshot> GetAsync(Func<NegotiationStore> store, string id, long head, CancellationToken ct = default)
    {
        var waited = false;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Task<NegotiationSnapshot> load;
            Task? commits = null;
            var mine = false;
            lock (_slots)
            {
                // A load in flight is shared; a finished one is kept while it is not older than the head read above.
                // Older, while this process is committing a change to it: the new version is about to be handed over.
                var stale = _slots.TryGetValue(id, out var current) && current.IsCompletedSuccessfully && current.Result.Head < head;
                if (stale && !waited && _commits.TryGetValue(id, out var pending))
                {
                    commits = pending.Over.Task;
                    load = current!;
                }
                else if (current is not null && !current.IsFaulted && !current.IsCanceled && !stale)
                    load = current;
                else
                {
                    load = LoadAsync(store, id, ct);
                    _slots[id] = load;
                    mine = true;
                }
            }
            if (commits is not null)
            {
                waited = true;
                await Task.WhenAny(commits, Task.Delay(CommitPatience, ct));
                ct.ThrowIfCancellationRequested();
                attempt--; // waiting is not a failed attempt
                continue;
            }
            try
            {
                var snapshot = await load.WaitAsync(ct);
                if (snapshot.Head >= head) return snapshot.Touched();
            }
            catch (Exception) when (!mine && !ct.IsCancellationRequested && attempt < 2)
            {
                // Another request's load failed or was cancelled with that request: load it ourselves.
            }
        }
        return new NegotiationSnapshot(await store().LoadVersionAsync(id, ct)); // never kept: something keeps replacing the slot
    }

    /// <summary>
    /// The snapshot kept for <paramref name="id"/> when it is at <paramref name="head"/> or later, without reading or
    /// loading anything: null when there is none (a negotiation never read, or only by non-members, is never loaded here).
    /// </summary>
    public NegotiationSnapshot? Peek(string id, long head)
    {
        lock (_slots)
            return _slots.TryGetValue(id, out var slot) && slot.IsCompletedSuccessfully && slot.Result.Head >= head ? slot.Result : null;
    }

    private async Task<NegotiationSnapshot> LoadAsync(Func<NegotiationStore> store, string id, CancellationToken ct)
    {
        await Task.Yield(); // run the load (and make the store) outside the caller's lock
        var snapshot = new NegotiationSnapshot(await store().LoadVersionAsync(id, ct));
        Trim();
        return snapshot;
    }

    private void Trim()
    {
        lock (_slots)
        {
            if (_slots.Count <= capacity) return;
            var oldest = _slots.Where(s => s.Value.IsCompletedSuccessfully).OrderBy(s => s.Value.Result.LastRead)
                .Take(_slots.Count - capacity).Select(s => s.Key).ToArray();
            foreach (var key in oldest) _slots.Remove(key);
        }
    }
}

/// <summary>
/// One negotiation at one head of its record, with what each kind of viewer may see of it and the figures derived from
/// that, computed on first use. Immutable as far as its users are concerned.
/// </summary>
public sealed class NegotiationSnapshot
{
    private readonly ConcurrentDictionary<string, Once> _scoped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scope, string Figure, Type Kind), Once> _derived = new();
    private readonly ConcurrentDictionary<(string UserId, string UserName), Viewer?> _members = new();
    private long _lastRead;

    // Each scope's view of an earlier version, from which this version's view is patched (NegotiationScope.For).
    private readonly IReadOnlyDictionary<string, ScopedView> _earlier;

    /// <summary>
    /// Wraps a version read from the store; <paramref name="earlier"/> holds the scoped views of the version it follows
    /// (<see cref="ScopedViews"/>), when this process made the change.
    /// </summary>
    internal NegotiationSnapshot(NegotiationVersion version, IReadOnlyDictionary<string, ScopedView>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        Version = version;
        _earlier = earlier ?? new Dictionary<string, ScopedView>();
    }

    /// <summary>
    /// The latest scoped view known for each scope: this version's where it was computed, otherwise the one this snapshot
    /// was given. What the next version patches its views from; holds negotiations, never snapshots, so no chain of
    /// versions is kept alive.
    /// </summary>
    internal IReadOnlyDictionary<string, ScopedView> ScopedViews()
    {
        var views = new Dictionary<string, ScopedView>(_earlier, StringComparer.Ordinal);
        if (Version.Negotiation is not { } n) return views;
        foreach (var (key, once) in _scoped)
            if (once.TryGet(out var scoped) && scoped is Negotiation s) views[key] = new ScopedView(n, s);
        return views;
    }

    /// <summary>
    /// The negotiation, unscoped, every profile, and the head it was read at. Internal: outside this assembly a snapshot
    /// answers only through a viewer (<see cref="For"/>, <see cref="ProfilesFor"/>, <see cref="DerivedAsync{T}"/>); the one
    /// unscoped reader is <see cref="Access.TalksReader.SettlementInputAsync"/>.
    /// </summary>
    internal NegotiationVersion Version { get; }

    /// <summary>The record's size when this was read.</summary>
    public long Head => Version.Head;

    internal long LastRead => Interlocked.Read(ref _lastRead);

    private static long _reads;

    // Recency for trimming: a counter of reads, not a clock (only the order matters).
    internal NegotiationSnapshot Touched()
    {
        Interlocked.Exchange(ref _lastRead, Interlocked.Increment(ref _reads));
        return this;
    }

    /// <summary>
    /// How the user <paramref name="userId"/> (named <paramref name="userName"/>) sees this negotiation, read once per
    /// snapshot through <paramref name="read"/> (its membership; null when not a member). A membership is granted and
    /// revoked with an entry in the negotiation's record, so the head moves and a later request gets a new snapshot:
    /// what is remembered here was true when the record stood at this head or later.
    /// </summary>
    public async Task<Viewer?> MemberAsync(string userId, string userName, Func<Task<Viewer?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_members.TryGetValue((userId, userName), out var known)) return known;
        var viewer = await read();
        if (_members.Count < MaxMembers) _members.TryAdd((userId, userName), viewer);
        return viewer;
    }

    /// <summary>How many users' memberships one snapshot remembers; beyond, each is read every time.</summary>
    public const int MaxMembers = 1024;

    /// <summary>The negotiation as <paramref name="viewer"/> may see it (<see cref="NegotiationScope.For"/>), null when there is none.</summary>
    public Negotiation? For(Viewer viewer) => ForAsync(viewer).GetAwaiter().GetResult();

    /// <summary>
    /// As <see cref="For"/>; while another request is scoping the same view, waits for it without holding a thread (after a
    /// change, every reader of a scope arrives at once, and on two cores blocked threads starve the writers).
    /// </summary>
    public Task<Negotiation?> ForAsync(Viewer viewer) => Version.Negotiation is not { } n ? Task.FromResult<Negotiation?>(null)
        : viewer.SeesEverything ? Task.FromResult<Negotiation?>(n)
        : Scoped(n, viewer);

    private async Task<Negotiation?> Scoped(Negotiation n, Viewer viewer) =>
        (Negotiation?)await _scoped.GetOrAdd(ScopeKey(viewer), key => new Once(() => NegotiationScope.For(n, viewer, _earlier.GetValueOrDefault(key)))).Value;

    /// <summary>The preference profiles <paramref name="viewer"/> may see (<see cref="NegotiationScope.Profiles"/>).</summary>
    public IReadOnlyList<PartyPreferences> ProfilesFor(Viewer viewer) => NegotiationScope.Profiles(Version.Preferences, viewer);

    /// <summary>
    /// A figure derived from what <paramref name="viewer"/> sees, computed once per snapshot, scope, <paramref name="figure"/>
    /// (which must name everything besides the scoped negotiation that the figure depends on, e.g. an as-of instant) and
    /// type <typeparamref name="T"/> (two callers may keep different forms of one figure: the status as a timeline and as
    /// the API's answers). The first reader computes it; the others wait for it without holding a thread. Null when there
    /// is no negotiation.
    /// </summary>
    public async Task<T?> DerivedAsync<T>(Viewer viewer, string figure, Func<Negotiation, T> compute) where T : class
    {
        if (await ForAsync(viewer) is not { } n) return null;
        var key = (ScopeKey(viewer), figure, typeof(T));
        if (_derived.TryGetValue(key, out var known)) return (T?)await known.Value;
        if (_derived.Count >= MaxFigures) return compute(n); // many distinct figures (e.g. as-of instants): compute, keep nothing
        return (T?)await _derived.GetOrAdd(key, _ => new Once(() => compute(n))).Value;
    }

    /// <summary>How many derived figures one snapshot keeps; beyond, figures are computed and not kept.</summary>
    public const int MaxFigures = 256;

    /// <summary>
    /// What a viewer's scope depends on: viewers with the same key see exactly the same items and profiles
    /// (<see cref="Viewer.CanSee"/> reads the role and the party; <see cref="NegotiationScope.Profiles"/> the role).
    /// </summary>
    public static string ScopeKey(Viewer viewer) => $"{viewer.Role}/{viewer.Party}";

    /// <summary>
    /// A value computed once, by its first reader, on that reader's thread; the readers who come while it is computed wait
    /// for it asynchronously. A failure is kept like a value (as <see cref="Lazy{T}"/> keeps it).
    /// </summary>
    private sealed class Once(Func<object?> compute)
    {
        private readonly TaskCompletionSource<object?> _value = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _claimed;

        public Task<object?> Value
        {
            get
            {
                if (Interlocked.Exchange(ref _claimed, 1) == 0)
                {
                    try { _value.SetResult(compute()); }
                    catch (Exception e) { _value.SetException(e); }
                }
                return _value.Task;
            }
        }

        /// <summary>The value when it has been computed without failing; never starts the computation.</summary>
        public bool TryGet(out object? value)
        {
            var done = _value.Task.IsCompletedSuccessfully;
            value = done ? _value.Task.Result : null;
            return done;
        }
    }
}
