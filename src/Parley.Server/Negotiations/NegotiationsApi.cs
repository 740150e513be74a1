using Parley.Core;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Access;
using Parley.Application.Negotiations;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Access;
using Parley.Server.Access;
using Parley.Server.Infrastructure;
using Parley.Server.Talks;
using Parley.Application.Infrastructure;

namespace Parley.Server.Negotiations;

/// <summary>
/// Whole negotiations: list, read, import and export as scenario YAML, delete, status, history. Every read is the
/// viewer's (<see cref="TalksReader"/>): a delegation's status, changes, export and history hold only what it may see.
/// </summary>
public static class NegotiationsApi
{
    /// <summary>Maps <c>/api/negotiations</c>.</summary>
    public static RouteGroupBuilder MapNegotiationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations").WithTags("Negotiations").WithRefusals();
        api.MapGet("", List).WithName("ListNegotiations").WithSummary("Lists the negotiations the caller is a member of.")
            .Requires(InstanceRequirement.SignedIn);
        api.MapGet("{id}", Get).WithName("GetNegotiation").WithSummary("Everything in one negotiation the caller may see.")
            .Requires(Permission.ReadTalks);
        api.MapPost("", Import).WithName("ImportScenario")
            .WithSummary("Imports a scenario file (YAML in the body): a new negotiation by an administrator, a replacement by its mediator.")
            .Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .WithBodyLimit(BodyLimits.Scenario).Requires(InstanceRequirement.SignedIn);
        api.MapGet("{id}/scenario", Export).WithName("ExportScenario")
            .WithSummary("The negotiation as a scenario file, holding what the caller may see (the whole file for the mediator).")
            .Requires(Permission.ReadTalks);
        api.MapDelete("{id}", Delete).WithName("DeleteNegotiation")
            .WithSummary("Deletes a negotiation and erases its record's contents (administrators); the record keeps every entry's hash and its checkpoints.")
            .Requires(InstanceRequirement.Administrator);
        api.MapGet("{id}/status", Status).WithName("GetStatus")
            .WithSummary("What is agreed and what blocks, as of a date (default: now), from what the caller may see. A bare date means the end of that day, UTC.")
            .Requires(Permission.ReadTalks);
        api.MapGet("{id}/changes", Changes).WithName("GetChanges")
            .WithSummary("What changed between 'since' (exclusive) and 'asOf' (inclusive, default now): status changes and the items dated between.")
            .Requires(Permission.ReadTalks);
        api.MapGet("{id}/history", History).WithName("GetHistory").WithSummary("Who changed what, and when (record time): the entries the caller may read.")
            .Requires(Permission.ReadTalks);
        return api;
    }

    private static async Task<Ok<NegotiationSummary[]>> List(HttpContext http, MembershipStore memberships, TalksReader reader, CancellationToken ct)
    {
        var summaries = new List<NegotiationSummary>();
        foreach (var m in await CurrentViewer.NegotiationsOfAsync(memberships, http.User, ct))
            if (await reader.LoadAsync(m.NegotiationId, new Viewer(Actor.Of(http), m.Role, m.Party), ct) is { } n)
                summaries.Add(NegotiationSummary.Of(n));
        return TypedResults.Ok(summaries.ToArray());
    }

    private static async Task<Results<Ok<NegotiationView>, NotFound>> Get(string id, CurrentViewer viewer, TalksReader reader, CancellationToken ct) =>
        await reader.LoadAsync(id, viewer.Viewer, ct) is { } n ? TypedResults.Ok(NegotiationView.From(n)) : TypedResults.NotFound();

    private static async Task<Results<Created<NegotiationSummary>, ValidationProblem>> Import(
        HttpRequest request, NegotiationStore store, MembershipStore memberships, TalksReader reader, bool replace = false,
        string fileName = "upload.yaml", CancellationToken ct = default)
    {
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        var yaml = await body.ReadToEndAsync(ct);
        var http = request.HttpContext;
        var importer = new Importer(Actor.Of(http), await NegotiationAccess.IsAdministratorAsync(http),
            id => CurrentViewer.ForAsync(memberships, http.User, id, ct));
        var result = await ScenarioImport.ImportAsync(store, memberships, yaml, fileName, importer, replace, ct);
        if (result.Errors.Count > 0)
            return SourceProblems.Refuse($"{fileName} has {result.Errors.Count} error(s); nothing was stored.", result.Errors, "file");
        if (result.Outcome == ImportOutcome.AlreadyExists)
            throw new RuleRefusal("negotiation.id", $"a negotiation '{result.NegotiationId}' exists; its mediator may import with ?replace=true to replace it",
                RefusalKind.Conflict);
        var viewer = await importer.ViewerOf(result.NegotiationId!) ?? throw new InvalidOperationException("The importer is not the mediator of what it stored.");
        var stored = await reader.LoadAsync(result.NegotiationId!, viewer, ct) ?? throw new InvalidOperationException("The stored negotiation cannot be read back.");
        return TypedResults.Created($"/api/negotiations/{result.NegotiationId}", NegotiationSummary.Of(stored));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Export(string id, CurrentViewer viewer, TalksReader reader, CancellationToken ct) =>
        await reader.ScenarioAsync(id, viewer.Viewer, ct) is { } yaml
            ? TypedResults.Content(yaml, "application/yaml", Encoding.UTF8)
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Delete(string id, HttpContext http, NegotiationStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, Actor.Of(http), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<StatusAnswer, NotFound>> Status(string id, CurrentViewer viewer, TalksReader reader, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, string? asOf = null, CancellationToken ct = default)
    {
        // "Now" is rounded up to the whole millisecond: an item recorded before the request is still in effect at that
        // instant, and the requests of one millisecond share one answer's bytes (StatusAnswers).
        var at = asOf is null ? UpToMillisecond(clock.GetUtcNow()) : Infrastructure.Input.AsOf(asOf, clock);
        // Computed once per change and viewer scope, re-stamped for each instant (StatusTimeline), its JSON kept per interval.
        var answers = await reader.DerivedAsync(id, viewer.Head, viewer.Viewer, "status",
            n => new StatusAnswers(new StatusTimeline(n), json.Value.SerializerOptions), ct);
        return answers is null ? TypedResults.NotFound() : answers.At(at);
    }

    /// <summary><paramref name="t"/> rounded up to a whole millisecond (itself when it is one).</summary>
    internal static DateTimeOffset UpToMillisecond(DateTimeOffset t) =>
        new(checked((t.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static async Task<Results<Ok<ChangeReport>, NotFound>> Changes(
        string id, string since, CurrentViewer viewer, TalksReader reader, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var from = Core.Talks.AsOf.TryParse(since, out var s, out var error) ? s : throw new InvalidInputException("since", error);
        var to = Infrastructure.Input.AsOf(asOf, clock);
        if (from > to) throw new InvalidInputException("since", "must not be after asOf");
        return await reader.LoadAsync(id, viewer.Viewer, ct) is { } n ? TypedResults.Ok(TalksChanges.Between(n, from, to)) : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> History(string id, CurrentViewer viewer, TalksReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.HistoryAsync(id, viewer.Viewer, ct));
}

/// <summary>Who is making a request: the signed-in user or the API token's owner — never a header.</summary>
public static class Actor
{
    /// <summary>The actor recorded in the history for this request.</summary>
    /// <exception cref="InvalidOperationException">Nobody is signed in (an endpoint without a rule).</exception>
    public static string Of(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name
            : throw new InvalidOperationException("No signed-in user: every endpoint that records requires one.");
}
