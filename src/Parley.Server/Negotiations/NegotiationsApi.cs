using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Server.Talks;

namespace Parley.Server.Negotiations;

/// <summary>Whole negotiations: list, read, import and export as scenario YAML, delete, status, history.</summary>
public static class NegotiationsApi
{
    /// <summary>Maps <c>/api/negotiations</c>.</summary>
    public static RouteGroupBuilder MapNegotiationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations").WithTags("Negotiations");
        api.MapGet("", List).WithName("ListNegotiations").WithSummary("Lists the stored negotiations.");
        api.MapGet("{id}", Get).WithName("GetNegotiation").WithSummary("Everything recorded in one negotiation.");
        api.MapPost("", Import).WithName("ImportScenario").WithSummary("Imports a scenario file (YAML in the body).")
            .Accepts<string>("application/yaml", "text/yaml", "text/plain");
        api.MapGet("{id}/scenario", Export).WithName("ExportScenario").WithSummary("The negotiation as a scenario file.");
        api.MapDelete("{id}", Delete).WithName("DeleteNegotiation").WithSummary("Deletes a negotiation (the history keeps the record).");
        api.MapGet("{id}/status", Status).WithName("GetStatus")
            .WithSummary("What is agreed and what blocks, as of a date (default: now). A bare date means the end of that day, UTC.");
        api.MapGet("{id}/changes", Changes).WithName("GetChanges")
            .WithSummary("What changed between 'since' (exclusive) and 'asOf' (inclusive, default now): status changes and the items dated between.");
        api.MapGet("{id}/history", History).WithName("GetHistory").WithSummary("Who changed what, and when (record time).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<NegotiationSummary>>> List(NegotiationStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(ct));

    private static async Task<Results<Ok<NegotiationView>, NotFound>> Get(string id, NegotiationStore store, CancellationToken ct) =>
        await store.LoadAsync(id, ct) is { } n ? TypedResults.Ok(NegotiationView.From(n)) : TypedResults.NotFound();

    private static async Task<Results<Created<NegotiationSummary>, ValidationProblem, Conflict<string>>> Import(
        HttpRequest request, NegotiationStore store, bool replace = false, string fileName = "upload.yaml", CancellationToken ct = default)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var yaml = await reader.ReadToEndAsync(ct);
        var result = await ScenarioImport.ImportAsync(store, yaml, fileName, Actor.Of(request.HttpContext), replace, ct);
        if (result.Errors.Count > 0)
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                detail: string.Join("\n", result.Errors), title: $"{fileName} has {result.Errors.Count} error(s); nothing was stored.");
        if (result.Outcome == ImportOutcome.AlreadyExists)
            return TypedResults.Conflict($"A negotiation '{result.NegotiationId}' exists; import with ?replace=true to replace it.");
        var summary = (await store.ListAsync(ct)).First(s => s.Id == result.NegotiationId);
        return TypedResults.Created($"/api/negotiations/{result.NegotiationId}", summary);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Export(string id, NegotiationStore store,
        Data.Guarantees.GuaranteesStore guarantees, Data.Drafting.DraftStore drafts, CancellationToken ct) =>
        await store.LoadWithPreferencesAsync(id, ct) is var (n, preferences)
            ? TypedResults.Content(ScenarioWriter.Write(n, preferences, await guarantees.ScenarioAsync(id, ct), await drafts.ScenarioAsync(id, ct)),
                "application/yaml", Encoding.UTF8)
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Delete(string id, HttpContext http, NegotiationStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, Actor.Of(http), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<StatusView>, NotFound>> Status(
        string id, NegotiationStore store, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var at = Infrastructure.Input.AsOf(asOf, clock);
        return await store.LoadAsync(id, ct) is { } n
            ? TypedResults.Ok(StatusView.From(TalksStatus.Compute(n, at)))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ChangeReport>, NotFound>> Changes(
        string id, string since, NegotiationStore store, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var from = Core.Talks.AsOf.TryParse(since, out var s, out var error) ? s : throw new Infrastructure.InvalidInputException("since", error);
        var to = Infrastructure.Input.AsOf(asOf, clock);
        if (from > to) throw new Infrastructure.InvalidInputException("since", "must not be after asOf");
        return await store.LoadAsync(id, ct) is { } n ? TypedResults.Ok(TalksChanges.Between(n, from, to)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> History(string id, NegotiationStore store, CancellationToken ct) =>
        await store.ExistsAsync(id, ct) ? TypedResults.Ok(await store.HistoryAsync(id, ct)) : TypedResults.NotFound();
}

/// <summary>Who is making a request. Until sign-in exists (the roles issue), the <c>X-Parley-Actor</c> header or "anonymous".</summary>
public static class Actor
{
    /// <summary>The actor recorded in the history for this request.</summary>
    public static string Of(HttpContext http) =>
        http.User.Identity?.Name is { Length: > 0 } name ? name
            : http.Request.Headers["X-Parley-Actor"].FirstOrDefault() is { Length: > 0 } header ? header
            : "anonymous";
}
