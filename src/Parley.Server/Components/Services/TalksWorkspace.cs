using Parley.Core;
using Parley.Core.Talks;
using Parley.Data;
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
/// What the pages use to read and change negotiations: the store and the status engine, each call on its own
/// service scope (a circuit lives for minutes and renders concurrently with its timers, while a store and its
/// context serve one operation at a time). Every stored change is published on <see cref="NegotiationChanges"/>.
/// </summary>
public sealed partial class TalksWorkspace(IServiceScopeFactory scopes, NegotiationChanges changes, TimeProvider clock)
{
    /// <summary>Who the history names for edits made in the web app, until sign-in exists.</summary>
    public const string Actor = "web-app";

    /// <summary>Now on the injected clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The app's clock (for countdown timers).</summary>
    public TimeProvider Clock => clock;

    /// <summary>The stored negotiations, ordered by id.</summary>
    public async Task<IReadOnlyList<NegotiationSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NegotiationStore>().ListAsync(ct);
    }

    /// <summary>One negotiation, or null when there is none with this id.</summary>
    public async Task<Negotiation?> LoadAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NegotiationStore>().LoadAsync(id, ct);
    }

    /// <summary>
    /// Builds and stores one change. <paramref name="change"/> constructs the model values (whose constructors
    /// check their own invariants) and calls the store; a refusal by the model (<see cref="ArgumentException"/>)
    /// or by the negotiation's rules (<see cref="TalksRuleException"/>) comes back as an <see cref="EditOutcome"/>
    /// to show next to the form, with nothing written.
    /// </summary>
    public async Task<EditOutcome> ChangeAsync(string id, Func<NegotiationStore, Task<bool>> change)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await change(scope.ServiceProvider.GetRequiredService<NegotiationStore>()))
                return new EditOutcome("negotiation", $"There is no negotiation '{id}' any more.");
        }
        catch (TalksRuleException e)
        {
            return new EditOutcome(e.Field, e.Message);
        }
        catch (ArgumentException e)
        {
            var message = e.Reason();
            return new EditOutcome(e.ParamName ?? "", message);
        }
        changes.Publish(id);
        return EditOutcome.Done;
    }
}
