using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Server.Access;

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
        var api = app.MapGroup("api/negotiations/{id}").WithTags("Talks");
        api.MapPost("parties", (string id, PartyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Commands.AddPartyAsync, x => x.Id))
            .WithName("AddParty").WithSummary("Adds a party with its roles and delegates.").Requires(Permission.EditAgenda);
        api.MapPost("issues", (string id, IssueInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Commands.AddIssueAsync, x => x.Id))
            .WithName("AddIssue").WithSummary("Adds an issue with its options to the agenda.").Requires(Permission.EditAgenda);
        api.MapPost("statements", (string id, StatementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Commands.AddStatementAsync, x => x.Id))
            .WithName("AddStatement").WithSummary("Records a statement (several signatories for a joint one).").Requires(Permission.RecordForParty);
        api.MapPost("positions", (string id, PositionInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Commands.RecordPositionAsync, x => x.Id))
            .WithName("RecordPosition").WithSummary("Records a party's stances on an issue, valid from a date; earlier positions are kept.")
            .Requires(Permission.RecordForParty);
        api.MapPost("proposals", (string id, ProposalInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Commands.AddProposalAsync, x => x.Id))
            .WithName("AddProposal").WithSummary("Puts a package to its addressees, optionally with a deadline.").Requires(Permission.RecordForParty);
        api.MapPost("proposals/{proposal}/responses", (string id, string proposal, ResponseInput body, Ctx c) =>
                Apply(id, c, body.ToModel(c.Now), (n, v, r, ct) => c.Commands.RespondAsync(n, v, proposal, r, ct), _ => null))
            .WithName("RespondToProposal").WithSummary("Records an addressee's acceptance or rejection.").Requires(Permission.RecordForParty);
        api.MapPost("proposals/{proposal}/withdrawal", (string id, string proposal, WithdrawInput body, Ctx c) =>
                Apply(id, c, body.At ?? c.Now, (n, v, at, ct) => c.Commands.WithdrawAsync(n, v, proposal, at, ct), _ => null))
            .WithName("WithdrawProposal").WithSummary("Records that the author withdrew a proposal.").Requires(Permission.RecordForParty);
        api.MapPost("agreements", (string id, AgreementInput body, Ctx c) => Apply(id, c, body.ToModel(c.Now), c.Commands.RecordAgreementAsync, x => x.Id))
            .WithName("RecordAgreement").WithSummary("Records that parties agreed an option of an issue, possibly ad referendum.").Requires(Permission.EditAgenda);
        api.MapPost("rounds", (string id, RoundInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Commands.AddRoundAsync, x => x.Id))
            .WithName("AddRound").WithSummary("Adds a round of talks.").Requires(Permission.EditAgenda);
        api.MapPost("working-groups", (string id, WorkingGroupInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Commands.AddWorkingGroupAsync, x => x.Id))
            .WithName("AddWorkingGroup").WithSummary("Adds a working group.").Requires(Permission.EditAgenda);
        api.MapPost("contingencies", (string id, ContingencyInput body, Ctx c) => Apply(id, c, body.ToModel(), c.Commands.AddContingencyAsync, x => x.Id))
            .WithName("AddContingency").WithSummary("Adds a contingency plan fired by a proposal's rejection, expiry, acceptance or withdrawal.")
            .Requires(Permission.EditAgenda);
        return api;
    }

    /// <summary>The id of the item a change created (null for an answer or a withdrawal).</summary>
    public sealed record CreatedItem(string? Id);

    /// <summary>What every change handler needs, bound from services and the request.</summary>
    public sealed class Ctx(TalksCommands commands, CurrentViewer viewer, TimeProvider clock, IHttpContextAccessor http)
    {
        /// <summary>The role-checked writes.</summary>
        public TalksCommands Commands { get; } = commands;

        /// <summary>The signed-in member.</summary>
        public Viewer Viewer => viewer.Viewer;

        /// <summary>Now on the injected clock: the default valid time of a change.</summary>
        public DateTimeOffset Now => clock.GetUtcNow();

        /// <summary>The request's cancellation.</summary>
        public CancellationToken Aborted => http.HttpContext!.RequestAborted;
    }

    private static async Task<Results<Created<CreatedItem>, NotFound>> Apply<T>(
        string id, Ctx c, T item, Func<string, Viewer, T, CancellationToken, Task<bool>> change, Func<T, string?> itemId) =>
        await change(id, c.Viewer, item, c.Aborted)
            ? TypedResults.Created($"/api/negotiations/{id}", new CreatedItem(itemId(item)))
            : TypedResults.NotFound();
}
