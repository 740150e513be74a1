using System.Security.Claims;
using Parley.Application.Access;
using Parley.Core;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Access;
using Parley.Server.Access;
using Parley.Server.Live;

namespace Parley.Server.Components.Services;

/// <summary>The outcome of an edit made in a page: done, or refused with the field and the rule's message.</summary>
/// <param name="Field">The offending field as the model names it (<c>stances</c>, <c>response.at</c>); empty when done.</param>
/// <param name="Message">What the user should fix; empty when done.</param>
public sealed record EditOutcome(string Field, string Message)
{
    /// <summary>The edit was stored.</summary>
    public static EditOutcome Done { get; } = new("", "");

    /// <summary>True when the edit was stored.</summary>
    public bool Succeeded => Message.Length == 0;
}

/// <summary>
/// What the pages use to read and change negotiations, always as one signed-in member (<see cref="Viewer"/>): reads go
/// through <see cref="TalksReader"/> (only what the viewer may see), writes through <see cref="TalksCommands"/> (only
/// what the viewer's role and party allow, with the viewer as the history's actor). Each call runs on its own service
/// scope (a circuit lives for minutes and renders concurrently with its timers, while a store and its context serve one
/// operation at a time). Every stored change is published on <see cref="NegotiationChanges"/> with the visibility of
/// what was written.
/// </summary>
public sealed partial class TalksWorkspace(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Now on the injected clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The app's clock (for countdown timers).</summary>
    public TimeProvider Clock => clock;

    /// <summary>How <paramref name="user"/> sees negotiation <paramref name="id"/>; null when not a member (the negotiation does not exist for them).</summary>
    public async Task<Viewer?> ViewerAsync(ClaimsPrincipal user, string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CurrentViewer.ForAsync(scope.ServiceProvider.GetRequiredService<MembershipStore>(), user, id, ct);
    }

    /// <summary>The negotiations <paramref name="user"/> is a member of, ordered by id, each counted as the user sees it.</summary>
    public async Task<IReadOnlyList<NegotiationSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<TalksReader>();
        var summaries = new List<NegotiationSummary>();
        foreach (var (id, viewer) in await MembershipsAsync(scope.ServiceProvider, user, ct))
            if (await reader.LoadAsync(id, viewer, ct) is { } n) summaries.Add(NegotiationSummary.Of(n));
        return summaries;
    }

    /// <summary>The first negotiation (by id) that <paramref name="user"/> is a member of and that exists, with the user's viewer there; null when none.</summary>
    public async Task<(string Id, Viewer Viewer)?> FirstAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<NegotiationStore>();
        var stored = (await store.ListAsync(ct)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, viewer) in await MembershipsAsync(scope.ServiceProvider, user, ct))
            if (stored.Contains(id)) return (id, viewer);
        return null;
    }

    /// <summary>Negotiation <paramref name="id"/> as <paramref name="viewer"/> may see it, or null when there is none with this id.</summary>
    public async Task<Negotiation?> LoadAsync(string id, Viewer viewer, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TalksReader>().LoadAsync(id, viewer, ct);
    }

    /// <summary>
    /// Builds and stores one change as <paramref name="viewer"/>. <paramref name="change"/> constructs the model values
    /// (whose constructors check their own invariants), calls <see cref="TalksCommands"/> and returns the visibility of
    /// the item written (null: the negotiation does not exist; see <see cref="Stored"/>). A refusal by the model
    /// (<see cref="ArgumentException"/>), by the viewer's role or party (<see cref="AccessDeniedException"/>) or by the
    /// negotiation's rules (<see cref="RuleRefusal"/>) comes back as an <see cref="EditOutcome"/> to show next
    /// to the form, with nothing written. The open pages learn of a stored change from its commit (<see cref="Live.NegotiationChanges.Committed"/>).
    /// </summary>
    public async Task<EditOutcome> ChangeAsync(string id, Viewer viewer, Func<TalksCommands, Viewer, Task<Visibility?>> change)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await change(scope.ServiceProvider.GetRequiredService<TalksCommands>(), viewer) is null)
                return new EditOutcome("negotiation", $"There is no negotiation '{id}' any more.");
        }
        catch (AccessDeniedException e)
        {
            return new EditOutcome(e.Field, "Not allowed: " + e.Message + ".");
        }
        catch (RuleRefusal e)
        {
            return new EditOutcome(e.Field, e.Message);
        }
        catch (ArgumentException e)
        {
            var message = e.Reason();
            return new EditOutcome(e.ParamName ?? "", message);
        }
        return EditOutcome.Done;
    }

    /// <summary>What a change given to <see cref="ChangeAsync"/> returns: <paramref name="visibility"/> when <paramref name="stored"/>, else null.</summary>
    public static Visibility? Stored(bool stored, Visibility visibility) => stored ? visibility : null;


    private static async Task<IReadOnlyList<(string Id, Viewer Viewer)>> MembershipsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.Name is not { } name) return [];
        var memberships = await CurrentViewer.NegotiationsOfAsync(services.GetRequiredService<MembershipStore>(), user, ct);
        return memberships.OrderBy(m => m.NegotiationId, StringComparer.Ordinal)
            .Select(m => (m.NegotiationId, new Viewer(name, m.Role, m.Party))).ToArray();
    }
}
