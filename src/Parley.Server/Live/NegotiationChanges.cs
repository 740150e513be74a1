using System.Collections.Concurrent;
using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Server.Live;

/// <summary>
/// Tells the open pages of this app node that a negotiation changed, so that they reload and re-render: raised
/// after every successful change, whether it came through the REST API or a Blazor form. Each change carries the
/// visibility of what was written, and reaches only the subscribers whose viewer may see it (<see cref="Viewer.CanSee"/>):
/// a private item's change is not even a signal to those who may not read it. One instance per process (a singleton);
/// changes made by other app nodes or by the CLI on the same database arrive through <see cref="HistoryWatcher"/>.
/// </summary>
public sealed class NegotiationChanges(ILogger<NegotiationChanges> log) : Data.History.IHistoryListener
{
    private static readonly Viewer Everything = Viewer.Operator("parley-server");
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _byNegotiation = new(StringComparer.Ordinal);
    private ImmutableHandlers _anyNegotiation = new([]);
    private long _version;

    /// <summary>A counter raised on every published change; pages put it in image URLs so that charts refresh.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Calls <paramref name="handler"/> after each change to negotiation <paramref name="negotiationId"/> that the viewer
    /// <paramref name="viewer"/> returns at that moment may see, until the returned subscription is disposed (no viewer: no
    /// change is delivered). Handlers run on the publisher's thread; a page marshals to its own renderer with <c>InvokeAsync</c>.
    /// </summary>
    public IDisposable Subscribe(string negotiationId, Func<Viewer?> viewer, Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(viewer, handler);
        _byNegotiation.AddOrUpdate(negotiationId, _ => new([subscriber]), (_, h) => h.With(subscriber));
        return new Subscription(this, negotiationId, subscriber);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> after every change to <paramref name="negotiationId"/>, whatever its visibility:
    /// for listeners inside the server that see what the local operator sees, never for a page (a page subscribes with its viewer).
    /// </summary>
    public IDisposable SubscribeAll(string negotiationId, Func<Task> handler) => Subscribe(negotiationId, () => Everything, handler);

    /// <summary>
    /// Calls <paramref name="handler"/> after every change to any negotiation — one not yet listed too (a new import, a
    /// membership granted) — without saying which or what, until the returned subscription is disposed. For a list of
    /// negotiations that reads again what its own user may see (the header's), and shows only a difference: the signal
    /// itself carries nothing, so it goes to every subscriber whatever the change's visibility.
    /// </summary>
    public IDisposable SubscribeToEveryNegotiation(Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(() => Everything, handler);
        Update(h => h.With(subscriber));
        return new Subscription(this, null, subscriber);
    }

    /// <summary>The same as <see cref="SubscribeAll"/> (kept for the server's tests); pages use the overload with a viewer.</summary>
    public IDisposable Subscribe(string negotiationId, Func<Task> handler) => SubscribeAll(negotiationId, handler);

    /// <summary>
    /// Tells the subscribers of <paramref name="negotiationId"/> who may see <paramref name="visibility"/> that the
    /// negotiation changed. A failing handler does not stop the others.
    /// </summary>
    /// <param name="negotiationId">The negotiation changed.</param>
    /// <param name="visibility">The visibility of the item written (<see cref="Visibility.MediatorOnly"/> when it is not known to be shared).</param>
    public void Publish(string negotiationId, Visibility visibility)
    {
        Interlocked.Increment(ref _version);
        foreach (var subscriber in Volatile.Read(ref _anyNegotiation).Items) _ = Run(subscriber.Handler);
        if (!_byNegotiation.TryGetValue(negotiationId, out var handlers)) return;
        foreach (var subscriber in handlers.Items)
            if (subscriber.Viewer() is { } viewer && viewer.CanSee(visibility))
                _ = Run(subscriber.Handler);
    }

    /// <summary>
    /// <see cref="Publish(string, Visibility)"/> for a history entry's visibility label (<c>shared</c>, <c>mediator</c>,
    /// <c>party:ua</c>); a label that cannot be read is treated as the mediator's, as the history reader does.
    /// </summary>
    public void Publish(string negotiationId, string visibility) =>
        Publish(negotiationId, Visibility.TryParse(visibility, out var v) ? v : Visibility.MediatorOnly);

    /// <summary>
    /// What a transaction of this process committed to the history: each (negotiation, visibility) pair is published as
    /// above. Every write through this node's database contexts arrives here at its commit, whatever made it (the API,
    /// a page's form, an import, a batch of queued changes), so no endpoint or page needs to publish its own.
    /// </summary>
    public void Committed(IReadOnlyList<Data.History.ChangedVisibility> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes) Publish(change.NegotiationId, change.Visibility);
    }

    private async Task Run(Func<Task> handler)
    {
        // A page whose circuit went away may throw while re-rendering; that must not reach the publisher, but it
        // is logged so that a real fault in a page's refresh stays visible.
        try { await handler(); }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            log.LogDebug(e, "A page could not refresh after a change (its circuit has probably closed).");
        }
    }

    private void Update(Func<ImmutableHandlers, ImmutableHandlers> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _anyNegotiation);
            if (Interlocked.CompareExchange(ref _anyNegotiation, change(current), current) == current) return;
        }
    }

    private void Unsubscribe(string? negotiationId, Subscriber subscriber)
    {
        if (negotiationId is null)
        {
            Update(h => h.Without(subscriber));
            return;
        }
        while (_byNegotiation.TryGetValue(negotiationId, out var handlers))
        {
            var rest = handlers.Without(subscriber);
            var done = rest.Items.Length == 0
                ? _byNegotiation.TryRemove(new KeyValuePair<string, ImmutableHandlers>(negotiationId, handlers))
                : _byNegotiation.TryUpdate(negotiationId, rest, handlers);
            if (done) return;
        }
    }

    // A class, not a record: two subscriptions with the same delegates are still two subscribers.
    private sealed class Subscriber(Func<Viewer?> viewer, Func<Task> handler)
    {
        public Func<Viewer?> Viewer { get; } = viewer;

        public Func<Task> Handler { get; } = handler;
    }

    private sealed record ImmutableHandlers(Subscriber[] Items)
    {
        public ImmutableHandlers With(Subscriber subscriber) => new([.. Items, subscriber]);

        public ImmutableHandlers Without(Subscriber subscriber)
        {
            var index = Array.IndexOf(Items, subscriber);
            return index < 0 ? this : new([.. Items[..index], .. Items[(index + 1)..]]);
        }
    }

    private sealed class Subscription(NegotiationChanges owner, string? negotiationId, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(negotiationId, subscriber);
        }
    }
}
