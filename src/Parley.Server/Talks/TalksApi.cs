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
        api.MapPost("parties", (string id, PartyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddPartyAsync))
            .WithName("AddParty").WithSummary("Adds a party with its roles and delegates.");
        api.MapPost("issues", (string id, IssueInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddIssueAsync))
            .WithName("AddIssue").WithSummary("Adds an issue with its options to the agenda.");
        api.MapPost("statements", (string id, StatementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.AddStatementAsync))
            .WithName("AddStatement").WithSummary("Records a statement (several signatories for a joint one).");
        api.MapPost("positions", (string id, PositionInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.RecordPositionAsync))
            .WithName("RecordPosition").WithSummary("Records a party's stances on an issue, valid from a date; earlier positions are kept.");
        api.MapPost("proposals", (string id, ProposalInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.AddProposalAsync))
            .WithName("AddProposal").WithSummary("Puts a package to its addressees, optionally with a deadline.");
        api.MapPost("proposals/{proposal}/responses", (string id, string proposal, ResponseInput body, Ctx c) =>
                Apply(id, c, body.ToModel(c.Now), (n, r, a, ct) => c.Store.RespondAsync(n, proposal, r, a, ct)))
            .WithName("RespondToProposal").WithSummary("Records an addressee's acceptance or rejection.");
        api.MapPost("proposals/{proposal}/withdrawal", (string id, string proposal, WithdrawInput body, Ctx c) =>
                Apply(id, c, body.At ?? c.Now, (n, at, a, ct) => c.Store.WithdrawAsync(n, proposal, at, a, ct)))
            .WithName("WithdrawProposal").WithSummary("Records that the author withdrew a proposal.");
        api.MapPost("agreements", (string id, AgreementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Store.RecordAgreementAsync))
            .WithName("RecordAgreement").WithSummary("Records that parties agreed an option of an issue, possibly ad referendum.");
        api.MapPost("rounds", (string id, RoundInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddRoundAsync))
            .WithName("AddRound").WithSummary("Adds a round of talks.");
        api.MapPost("working-groups", (string id, WorkingGroupInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddWorkingGroupAsync))
            .WithName("AddWorkingGroup").WithSummary("Adds a working group.");
        api.MapPost("contingencies", (string id, ContingencyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Store.AddContingencyAsync))
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
        string id, Ctx c, T item, Func<string, T, string, CancellationToken, Task<bool>> change) =>
        await change(id, item, c.Actor, c.Aborted)
            ? TypedResults.Created($"/api/negotiations/{id}", new CreatedItem(ItemId(item)))
            : TypedResults.NotFound();

    private static string? ItemId(object? item) => item switch
    {
        Core.Talks.Party x => x.Id,
        Core.Talks.Issue x => x.Id,
        Core.Talks.Statement x => x.Id,
        Core.Talks.Position x => x.Id,
        Core.Talks.Proposal x => x.Id,
        Core.Talks.Agreement x => x.Id,
        Core.Talks.Round x => x.Id,
        Core.Talks.WorkingGroup x => x.Id,
        Core.Talks.Contingency x => x.Id,
        _ => null,
    };
}
