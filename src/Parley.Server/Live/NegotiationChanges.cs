using System.Collections.Concurrent;

namespace Parley.Server.Live;

/// <summary>
/// Tells the open pages of this app node that a negotiation changed, so that they reload and re-render: raised
/// after every successful change, whether it came through the REST API or a Blazor form. One instance per
/// process (a singleton); changes made by other app nodes or by the CLI on the same database arrive through
/// <see cref="HistoryWatcher"/>.
/// </summary>
public sealed class NegotiationChanges(ILogger<NegotiationChanges> log)
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _byNegotiation = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>A counter raised on every published change; pages put it in image URLs so that charts refresh.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Calls <paramref name="handler"/> after each change to negotiation <paramref name="negotiationId"/> until the
    /// returned subscription is disposed. Handlers run on the publisher's thread; a page marshals to its own
    /// renderer with <c>InvokeAsync</c>.
    /// </summary>
    public IDisposable Subscribe(string negotiationId, Func<Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _byNegotiation.AddOrUpdate(negotiationId, _ => new([handler]), (_, h) => h.With(handler));
        return new Subscription(this, negotiationId, handler);
    }

    /// <summary>Tells every subscriber of <paramref name="negotiationId"/> that it changed. A failing handler does not stop the others.</summary>
    public void Publish(string negotiationId)
    {
        Interlocked.Increment(ref _version);
        if (!_byNegotiation.TryGetValue(negotiationId, out var handlers)) return;
        foreach (var handler in handlers.Items)
            _ = Run(handler);
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

    private void Unsubscribe(string negotiationId, Func<Task> handler)
    {
        while (_byNegotiation.TryGetValue(negotiationId, out var handlers))
        {
            var rest = handlers.Without(handler);
            var done = rest.Items.Length == 0
                ? _byNegotiation.TryRemove(new KeyValuePair<string, ImmutableHandlers>(negotiationId, handlers))
                : _byNegotiation.TryUpdate(negotiationId, rest, handlers);
            if (done) return;
        }
    }

    private sealed record ImmutableHandlers(Func<Task>[] Items)
    {
        public ImmutableHandlers With(Func<Task> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Func<Task> handler)
        {
            var index = Array.IndexOf(Items, handler);
            return index < 0 ? this : new([.. Items[..index], .. Items[(index + 1)..]]);
        }
    }

    private sealed class Subscription(NegotiationChanges owner, string negotiationId, Func<Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(negotiationId, handler);
        }
    }
}
