using Microsoft.Extensions.Logging.Abstractions;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Server.Live;

namespace Parley.Browser.Tests;

/// <summary>Live updates reach only the pages whose viewer may see what changed.</summary>
public sealed class NegotiationChangesTests
{
    private static readonly Viewer Mediator = new("mediator", MemberRole.Mediator);
    private static readonly Viewer Ukraine = new("ua", MemberRole.Delegation, "ua");
    private static readonly Viewer Russia = new("ru", MemberRole.Delegation, "ru");
    private static readonly Viewer Observer = new("observer", MemberRole.Observer);

    [Theory]
    [InlineData("shared", "mediator ua ru observer")]
    [InlineData("party:ru", "mediator ru")]
    [InlineData("mediator", "mediator")]
    [InlineData("not a label", "mediator")]
    public void Publish_ReachesOnlySubscribersWhoMaySeeIt(string visibility, string expected)
    {
        var changes = new NegotiationChanges(NullLogger<NegotiationChanges>.Instance);
        var reached = new List<string>();
        var subscriptions = new[] { Mediator, Ukraine, Russia, Observer }
            .Select(v => changes.Subscribe("berlin-2025", () => v, () => { lock (reached) reached.Add(v.User); return Task.CompletedTask; }))
            .ToArray();

        changes.Publish("berlin-2025", visibility);

        Assert.Equal(expected.Split(' ').Order(), reached.Order());
        foreach (var s in subscriptions) s.Dispose();
    }

    [Fact]
    public void Publish_ViewerGoneOrUnsubscribed_ReachesNobody()
    {
        var changes = new NegotiationChanges(NullLogger<NegotiationChanges>.Instance);
        var calls = 0;
        using var noViewer = changes.Subscribe("berlin-2025", () => null, () => { calls++; return Task.CompletedTask; });
        var gone = changes.Subscribe("berlin-2025", () => Mediator, () => { calls++; return Task.CompletedTask; });
        gone.Dispose();

        changes.Publish("berlin-2025", Visibility.Shared);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Publish_AnyNegotiation_ReachesTheListSubscribersUntilDisposed()
    {
        // The header's list: a negotiation no page watches yet (just imported) counts too, whatever its visibility.
        var changes = new NegotiationChanges(NullLogger<NegotiationChanges>.Instance);
        var calls = 0;
        var list = changes.SubscribeToEveryNegotiation(() => { calls++; return Task.CompletedTask; });

        changes.Publish("harbour-talks", Visibility.MediatorOnly);
        changes.Publish("berlin-2025", Visibility.Shared);
        list.Dispose();
        changes.Publish("berlin-2025", Visibility.Shared);

        Assert.Equal(2, calls);
    }
}
