using Parley.Application.Operations;
using Parley.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Server.Access;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;
using System.Text.Json;

namespace Parley.Server.Guarantees;

/// <summary>
/// Incidents (intake, CSV import, verification), commitment events and evaluation under
/// <c>/api/negotiations/{id}</c>. Review steps take their time from the injected clock; bad input is a 400 naming
/// the field or line, an unknown negotiation, incident or commitment a 404.
/// </summary>
public static class GuaranteesApi
{
    /// <summary>Maps the Guarantees routes.</summary>
    public static RouteGroupBuilder MapGuaranteesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}").WithTags("Guarantees").WithRefusals();
        api.MapGet("incidents", ListIncidents).WithName("ListIncidents")
            .WithSummary("Incident reports with their reviews and duplicate groups, oldest first; filtered, sorted and paged by the query string (state, type, region, party, from, to, q, sort, offset, limit, asOf); the total in X-Total-Count.")
            .Requires(Permission.ReadTalks);
        api.MapPost("incidents", AddIncident).WithName("AddIncident").WithSummary("Takes in one incident report (state Reported).")
            .Requires(Permission.MonitorIncidents);
        api.MapPost("incidents/import", ImportIncidents).WithName("ImportIncidents")
            .WithSummary("Imports an ACLED or UCDP CSV body (?format=acled|ucdp): rejected rows are listed, the rest stored in one transaction.")
            .WithBodyLimit(BodyLimits.IncidentFile).Requires(Permission.MonitorIncidents);
        api.MapPost("incidents/{incident}/review", StartReview)
            .WithName("StartReview").WithSummary("Moves a report to UnderReview.").Requires(Permission.MonitorIncidents);
        api.MapPost("incidents/{incident}/verify", VerifyIncident)
            .WithName("VerifyIncident").WithSummary("Verifies a report under review, with evidence and the responsible party.").Requires(Permission.MonitorIncidents);
        api.MapPost("incidents/{incident}/reject", RejectIncident)
            .WithName("RejectIncident").WithSummary("Rejects a report under review.").Requires(Permission.MonitorIncidents);
        api.MapPost("commitments", AddCommitment).WithName("AddCommitment")
            .WithSummary("Makes a commitment (the guarantees file's schema, JSON) from an agreed provision of a stored draft version: provision {draft, version, number}; stored after the others, citing the provision's text.")
            .Accepts<JsonElement>("application/json").Requires(Permission.EditAgenda);
        api.MapPost("commitments/{commitment}/events", AddEvent).WithName("AddCommitmentEvent")
            .WithSummary("Records entry into force, suspension, resumption, termination, discharge, or a debtor's action.")
            .Requires(Permission.RecordCommitmentEvents);
        api.MapGet("guarantees", Evaluate).WithName("EvaluateGuarantees")
            .WithSummary("Per commitment as of an instant (?asOf=, default now): state, breaches with incident ids, duties with deadlines and time left.")
            .Requires(Permission.ReadTalks);
        return api;
    }

    /// <summary>What the handlers need, bound from services and the request (<c>[AsParameters]</c>).</summary>
    /// <param name="Store">The store.</param>
    /// <param name="Talks">The viewer's reads of the negotiation.</param>
    /// <param name="Clock">The clock.</param>
    /// <param name="Member">The signed-in member.</param>
    /// <param name="Aborted">The request's cancellation.</param>
    /// <param name="Commands">The role-checked commitment commands.</param>
    public sealed record Ctx(GuaranteesStore Store, TalksReader Talks, TimeProvider Clock, CurrentViewer Member, GuaranteeCommands Commands,
        CancellationToken Aborted)
    {
        /// <summary>The signed-in member.</summary>
        public Viewer Viewer => Member.Viewer;

        /// <summary>The evaluation as of <paramref name="at"/> from the negotiation as the member sees it, or null when there is none.</summary>
        public async Task<(GuaranteesEvaluation Evaluation, Core.Guarantees.IncidentIndex Index)?> EvaluateAsync(string id, DateTimeOffset at) =>
            await Talks.LoadAsync(id, Viewer, Aborted) is { } negotiation
                ? await EngineTimings.MeasureAsync(EngineTimings.Guarantees, () => Store.EvaluateAsync(negotiation, at, ct: Aborted))
                : null;

        /// <summary>The negotiation as the member sees it, or null when there is none.</summary>
        public Task<Core.Talks.Negotiation?> NegotiationAsync(string id) => Talks.LoadAsync(id, Viewer, Aborted);

        /// <summary>The request's actor: the signed-in member.</summary>
        public string Actor => Member.Viewer.User;
    }

    // Incident reports and commitments are shared items: every member reads them (see docs/access.md).
    private static async Task<Results<Ok<IncidentView[]>, NotFound>> ListIncidents(string id, [AsParameters] Ctx c, HttpResponse response,
        [AsParameters] IncidentListInput filters, string? offset = null, string? limit = null, string? asOf = null)
    {
        if (await c.NegotiationAsync(id) is not { } negotiation) return TypedResults.NotFound();
        // Without asOf: every stored report, whatever its date, in its current state (as the list always answered).
        var query = new IncidentQuery(filters.Filter(negotiation.Parties.Select(p => p.Id)),
            asOf is null ? DateTimeOffset.MaxValue : Input.AsOf(asOf, c.Clock),
            filters.Order(IncidentSort.Oldest),
            IncidentListInput.Number(offset, "offset", 0, 0, IncidentQuery.MaxOffset),
            limit is null ? null : IncidentListInput.Number(limit, "limit", 0, 1, IncidentQuery.MaxLimit));
        var page = await c.Store.ListAsync(id, query, c.Aborted);
        response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Rows.Select(IncidentView.From).ToArray());
    }

    private static async Task<Results<Created<IncidentView>, NotFound>> AddIncident(string id, IncidentInput body, [AsParameters] Ctx c)
    {
        var incident = body.ToModel();
        var stored = await c.Store.ImportIncidentsAsync(id, [incident], c.Actor, "api", GuaranteesStore.Sha256([incident.Id]), ct: c.Aborted);
        if (stored is null) return TypedResults.NotFound();
        if (stored.AlreadyStored.Count > 0) throw new RuleRefusal("id", $"an incident '{incident.Id}' is already stored", RefusalKind.Conflict);
        var view = await c.Store.IncidentAsync(id, incident.Id, c.Aborted)
            ?? throw new InvalidOperationException($"Incident '{incident.Id}' was stored and cannot be read back.");
        return TypedResults.Created($"/api/negotiations/{id}/incidents", IncidentView.From(view));
    }

    private static async Task<Results<Ok<ImportView>, NotFound, ValidationProblem>> ImportIncidents(string id, HttpRequest request, [AsParameters] Ctx c,
        string format = "acled")
    {
        if (!IncidentFileImport.Formats.Contains(format)) throw new InvalidInputException("format", $"'{format}' is not acled or ucdp");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, c.Aborted);
        var outcome = await IncidentFileImport.ImportAsync(c.Store, id, buffer.ToArray(), format, c.Actor, $"{format} upload", c.Aborted);
        if (outcome is null) return TypedResults.NotFound();
        if (outcome.Result is not { } result)
            return SourceProblems.Refuse("The file cannot be imported; nothing was stored.", outcome.FileErrors, "file");
        return TypedResults.Ok(result);
    }

    private static Task<Results<Ok<IncidentView>, NotFound>> StartReview(string id, string incident, ReviewInput? body, [AsParameters] Ctx c) =>
        Review(id, incident, c, body, VerificationState.UnderReview);

    private static Task<Results<Ok<IncidentView>, NotFound>> VerifyIncident(string id, string incident, ReviewInput? body, [AsParameters] Ctx c) =>
        Review(id, incident, c, body, VerificationState.Verified);

    private static Task<Results<Ok<IncidentView>, NotFound>> RejectIncident(string id, string incident, ReviewInput? body, [AsParameters] Ctx c) =>
        Review(id, incident, c, body, VerificationState.Rejected);

    private static async Task<Results<Ok<IncidentView>, NotFound>> Review(string id, string incident, Ctx c, ReviewInput? body, VerificationState to)
    {
        var step = Input.Build("review", () => new VerificationStep(to, c.Clock.GetUtcNow(), body?.Reviewer ?? c.Actor, body?.Evidence,
            to == VerificationState.Verified ? body?.ResponsibleParty : null));
        if (to != VerificationState.Verified && body?.ResponsibleParty is not null)
            throw new InvalidInputException("responsibleParty", "only a verification attributes responsibility");
        await c.Store.ReviewAsync(id, incident, step, c.Actor, c.Aborted);
        return await c.Store.IncidentAsync(id, incident, c.Aborted) is { } view ? TypedResults.Ok(IncidentView.From(view)) : TypedResults.NotFound();
    }

    // The drafts page's "make a commitment", through the API: the same command (GuaranteeCommands: role and agreed text).
    private static async Task<Results<Created<EvaluationView>, NotFound, ValidationProblem>> AddCommitment(string id, HttpRequest request, [AsParameters] Ctx c)
    {
        using var reader = new StreamReader(request.Body);
        var (draft, version, provision, commitment, problems) = CommitmentInput.Read(await reader.ReadToEndAsync(c.Aborted));
        if (commitment is null) return SourceProblems.Refuse("The commitment cannot be read; nothing was stored.", problems, "body");
        await Input.BuildAsync("commitment", () =>
            c.Commands.AddFromProvisionAsync(id, c.Viewer, draft, version, provision, commitment.WithSource, c.Aborted));
        if (await c.EvaluateAsync(id, c.Clock.GetUtcNow()) is not var (evaluation, index)) return TypedResults.NotFound();
        return TypedResults.Created($"/api/negotiations/{id}/guarantees", EvaluationView.From(evaluation, index));
    }

    private static async Task<Results<Created<EvaluationView>, NotFound>> AddEvent(string id, string commitment, CommitmentEventInput body, [AsParameters] Ctx c)
    {
        var e = body.ToModel(commitment, c.Clock.GetUtcNow());
        GuaranteeRules.RequireMayRecord(c.Viewer, e);
        await c.Store.AddEventAsync(id, e, c.Actor, c.Aborted);
        if (await c.EvaluateAsync(id, c.Clock.GetUtcNow()) is not var (evaluation, index)) return TypedResults.NotFound();
        return TypedResults.Created($"/api/negotiations/{id}/guarantees", EvaluationView.From(evaluation, index));
    }

    private static async Task<Results<Ok<EvaluationView>, NotFound>> Evaluate(string id, [AsParameters] Ctx c, string? asOf = null)
    {
        var when = Input.AsOf(asOf, c.Clock);
        return await c.EvaluateAsync(id, when) is { } r
            ? TypedResults.Ok(EvaluationView.From(r.Evaluation, r.Index))
            : TypedResults.NotFound();
    }
}
