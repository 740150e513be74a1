using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Data;
using Parley.Server.Negotiations;

namespace Parley.Server.Talks;

/// <summary>
/// Changes to a negotiation, one route per kind of item. Each loads the aggregate, applies the change through its
/// rules and appends the history in one transaction (<see cref="NegotiationStore"/>); a refused change is a 400
/// naming the field, an unknown negotiation a 404.
/// </summary>
public static class TalksApi
{
    /// <summary>Maps the change routes under <c>/api/negotiations/{id}</c>.</summary>
    public static RouteGroupBuilder MapTalksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}").WithTags("Talks");
        api.MapPost("parties", (string id, PartyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddPartyAsync, x => x.Id))
            .WithName("AddParty").WithSummary("Adds a party with its roles and delegates.");
        api.MapPost("issues", (string id, IssueInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddIssueAsync, x => x.Id))
            .WithName("AddIssue").WithSummary("Adds an issue with its options to the agenda.");
        api.MapPost("statements", (string id, StatementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.AddStatementAsync, x => x.Id))
            .WithName("AddStatement").WithSummary("Records a statement (several signatories for a joint one).");
        api.MapPost("positions", (string id, PositionInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.RecordPositionAsync, x => x.Id))
            .WithName("RecordPosition").WithSummary("Records a party's stances on an issue, valid from a date; earlier positions are kept.");
        api.MapPost("proposals", (string id, ProposalInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.AddProposalAsync, x => x.Id))
            .WithName("AddProposal").WithSummary("Puts a package to its addressees, optionally with a deadline.");
        api.MapPost("proposals/{proposal}/responses", (string id, string proposal, ResponseInput body, Ctx c) =>
                Apply(id, c, body.ToModel(c.Now), (n, r, a, ct) => c.Store.RespondAsync(n, proposal, r, a, ct), _ => null))
            .WithName("RespondToProposal").WithSummary("Records an addressee's acceptance or rejection.");
        api.MapPost("proposals/{proposal}/withdrawal", (string id, string proposal, WithdrawInput body, Ctx c) =>
                Apply(id, c, body.At ?? c.Now, (n, at, a, ct) => c.Store.WithdrawAsync(n, proposal, at, a, ct), _ => null))
            .WithName("WithdrawProposal").WithSummary("Records that the author withdrew a proposal.");
        api.MapPost("agreements", (string id, AgreementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.RecordAgreementAsync, x => x.Id))
            .WithName("RecordAgreement").WithSummary("Records that parties agreed an option of an issue, possibly ad referendum.");
        api.MapPost("rounds", (string id, RoundInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddRoundAsync, x => x.Id))
            .WithName("AddRound").WithSummary("Adds a round of talks.");
        api.MapPost("working-groups", (string id, WorkingGroupInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddWorkingGroupAsync, x => x.Id))
            .WithName("AddWorkingGroup").WithSummary("Adds a working group.");
        api.MapPost("contingencies", (string id, ContingencyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddContingencyAsync, x => x.Id))
            .WithName("AddContingency").WithSummary("Adds a contingency plan fired by a proposal's rejection, expiry, acceptance or withdrawal.");
        return api;
    }

    /// <summary>The id of the item a change created (null for an answer or a withdrawal).</summary>
    public sealed record CreatedItem(string? Id);

    /// <summary>What every change handler needs, bound from services and the request.</summary>
    public sealed class Ctx(NegotiationStore store, TimeProvider clock, IHttpContextAccessor http)
    {
        /// <summary>The store.</summary>
        public NegotiationStore Store { get; } = store;

        /// <summary>Now on the injected clock: the default valid time of a change.</summary>
        public DateTimeOffset Now => clock.GetUtcNow();

        /// <summary>The request's actor for the history.</summary>
        public string Actor => Negotiations.Actor.Of(http.HttpContext!);

        /// <summary>The request's cancellation.</summary>
        public CancellationToken Aborted => http.HttpContext!.RequestAborted;
    }

    private static async Task<Results<Created<CreatedItem>, NotFound>> Apply<T>(
        string id, Ctx c, T item, Func<string, T, string, CancellationToken, Task<bool>> change, Func<T, string?> itemId) =>
        await change(id, item, c.Actor, c.Aborted)
            ? TypedResults.Created($"/api/negotiations/{id}", new CreatedItem(itemId(item)))
            : TypedResults.NotFound();
}
