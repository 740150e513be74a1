using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Server.Access;

using Parley.Server.Infrastructure;

namespace Parley.Server.Talks;

/// <summary>
/// Changes to a negotiation, one route per kind of item, each through the role-checked <see cref="TalksCommands"/>:
/// the mediator changes the agenda; a delegation records positions, statements, proposals and answers for its own
/// party only (403 otherwise). A refused change is a 400 naming the field, an unknown negotiation a 404.
/// </summary>
public static class TalksApi
{
    /// <summary>Maps the change routes under <c>/api/negotiations/{id}</c>.</summary>
    public static RouteGroupBuilder MapTalksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}").WithTags("Talks").WithRefusals();
        api.MapPost("parties", AddParty)
            .WithName("AddParty").WithSummary("Adds a party with its roles and delegates.").Requires(Permission.EditAgenda);
        api.MapPost("issues", AddIssue)
            .WithName("AddIssue").WithSummary("Adds an issue with its options to the agenda.").Requires(Permission.EditAgenda);
        api.MapPost("statements", AddStatement)
            .WithName("AddStatement").WithSummary("Records a statement (several signatories for a joint one).").Requires(Permission.RecordForParty);
        api.MapPost("positions", RecordPosition)
            .WithName("RecordPosition").WithSummary("Records a party's stances on an issue, valid from a date; earlier positions are kept.")
            .Requires(Permission.RecordForParty);
        api.MapPost("proposals", AddProposal)
            .WithName("AddProposal").WithSummary("Puts a package to its addressees, optionally with a deadline.").Requires(Permission.RecordForParty);
        api.MapPost("proposals/{proposal}/responses", RespondToProposal)
            .WithName("RespondToProposal").WithSummary("Records an addressee's acceptance or rejection.").Requires(Permission.RecordForParty);
        api.MapPost("proposals/{proposal}/withdrawal", WithdrawProposal)
            .WithName("WithdrawProposal").WithSummary("Records that the author withdrew a proposal.").Requires(Permission.RecordForParty);
        api.MapPost("agreements", RecordAgreement)
            .WithName("RecordAgreement").WithSummary("Records that parties agreed an option of an issue, possibly ad referendum.").Requires(Permission.EditAgenda);
        api.MapPost("rounds", AddRound)
            .WithName("AddRound").WithSummary("Adds a round of talks.").Requires(Permission.EditAgenda);
        api.MapPost("working-groups", AddWorkingGroup)
            .WithName("AddWorkingGroup").WithSummary("Adds a working group.").Requires(Permission.EditAgenda);
        api.MapPost("contingencies", AddContingency)
            .WithName("AddContingency").WithSummary("Adds a contingency plan fired by a proposal's rejection, expiry, acceptance or withdrawal.")
            .Requires(Permission.EditAgenda);
        return api;
    }

    /// <summary>The id of the item a change created (null for an answer or a withdrawal).</summary>
    public sealed record CreatedItem(string? Id);

    /// <summary>What every change handler needs, bound from services and the request (<c>[AsParameters]</c>).</summary>
    /// <param name="Commands">The role-checked writes.</param>
    /// <param name="Member">The signed-in member.</param>
    /// <param name="Clock">The clock: now is the default valid time of a change.</param>
    /// <param name="Aborted">The request's cancellation.</param>
    public sealed record Ctx(TalksCommands Commands, CurrentViewer Member, TimeProvider Clock, CancellationToken Aborted)
    {
        /// <summary>The signed-in member.</summary>
        public Viewer Viewer => Member.Viewer;

        /// <summary>Now on the injected clock: the default valid time of a change.</summary>
        public DateTimeOffset Now => Clock.GetUtcNow();
    }

    private static Task<Results<Created<CreatedItem>, NotFound>> AddParty(string id, PartyInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(), c.Commands.AddPartyAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddIssue(string id, IssueInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(), c.Commands.AddIssueAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddStatement(string id, StatementInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(c.Now), c.Commands.AddStatementAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> RecordPosition(string id, PositionInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(c.Now), c.Commands.RecordPositionAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddProposal(string id, ProposalInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(c.Now), c.Commands.AddProposalAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> RespondToProposal(string id, string proposal, ResponseInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(c.Now), (n, v, r, ct) => c.Commands.RespondAsync(n, v, proposal, r, ct), _ => null);

    private static Task<Results<Created<CreatedItem>, NotFound>> WithdrawProposal(string id, string proposal, WithdrawInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.At ?? c.Now, (n, v, at, ct) => c.Commands.WithdrawAsync(n, v, proposal, at, ct), _ => null);

    private static Task<Results<Created<CreatedItem>, NotFound>> RecordAgreement(string id, AgreementInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(c.Now), c.Commands.RecordAgreementAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddRound(string id, RoundInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(), c.Commands.AddRoundAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddWorkingGroup(string id, WorkingGroupInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(), c.Commands.AddWorkingGroupAsync, x => x.Id);

    private static Task<Results<Created<CreatedItem>, NotFound>> AddContingency(string id, ContingencyInput body, [AsParameters] Ctx c) =>
        Apply(id, c, body.ToModel(), c.Commands.AddContingencyAsync, x => x.Id);

    private static async Task<Results<Created<CreatedItem>, NotFound>> Apply<T>(
        string id, Ctx c, T item, Func<string, Viewer, T, CancellationToken, Task<bool>> change, Func<T, string?> itemId) =>
        await change(id, c.Viewer, item, c.Aborted)
            ? TypedResults.Created($"/api/negotiations/{id}", new CreatedItem(itemId(item)))
            : TypedResults.NotFound();
}
