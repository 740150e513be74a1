using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;
using Parley.Application.Settlement;

namespace Parley.Server.Settlement;

/// <summary>
/// The settlement as one member may ask for it and see it, for the API and the page alike. The engine computes as a
/// neutral over every profile and every position; what a delegation asks for and is shown is narrowed here: its own
/// party's view only, what-ifs on its own red lines only, no starting package for trades (it is shown none), the
/// agreements it can see fixing issues, and issues it cannot see left out of every package.
/// </summary>
public static class ViewerSettlement
{
    /// <summary>The request <paramref name="viewer"/> may make, from what it asked.</summary>
    /// <exception cref="AccessDeniedException">A delegation asked for another party's view or a what-if on another party's red lines.</exception>
    /// <exception cref="InvalidInputException">The delegation's party has no profile yet.</exception>
    public static SettlementRequest Request(Viewer viewer, Negotiation negotiation, IReadOnlyList<PartyPreferences> preferences, DateTimeOffset? asOf,
        string? requestedFor = null, string? from = null, IReadOnlyList<string>? lift = null, IReadOnlyList<string>? add = null)
    {
        if (viewer.SeesEverything) return new SettlementRequest(asOf, requestedFor, from, lift, add);
        var own = viewer.Party!;
        if (requestedFor is not null && requestedFor != own)
            throw new AccessDeniedException("for", $"the delegation of '{own}' sees the settlement for '{own}' only");
        if (preferences.All(p => p.Party != own))
            throw new InvalidInputException("for", $"'{own}' has no preference profile yet; the settlement needs one");
        OwnRedLinesOnly(own, lift, "lift");
        OwnRedLinesOnly(own, add, "add");
        return new SettlementRequest(asOf, own, null, lift, add, NegotiationScope.For(negotiation, viewer));
    }

    /// <summary>The issues <paramref name="viewer"/> may not see, left out of every package it is shown; null for the mediator (or when none is hidden).</summary>
    public static IReadOnlySet<string>? Hidden(Negotiation negotiation, Viewer viewer)
    {
        if (viewer.SeesEverything) return null;
        var visible = NegotiationScope.For(negotiation, viewer).Issues.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var hidden = negotiation.Issues.Select(i => i.Id).Where(i => !visible.Contains(i)).ToHashSet(StringComparer.Ordinal);
        return hidden.Count == 0 ? null : hidden;
    }

    private static void OwnRedLinesOnly(string own, IReadOnlyList<string>? changes, string field)
    {
        for (var k = 0; k < (changes?.Count ?? 0); k++)
            if (!changes![k].StartsWith(own + ":", StringComparison.Ordinal))
                throw new AccessDeniedException($"{field}[{k}]", $"a delegation tries what-ifs on its own red lines only ('{own}:issue=option')");
    }
}
