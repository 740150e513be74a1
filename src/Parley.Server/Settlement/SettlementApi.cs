using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Server.Infrastructure;

namespace Parley.Server.Settlement;

/// <summary>
/// The settlement of a stored negotiation from its parties' preference profiles. The full result is the mediator's;
/// with <c>for=PARTY</c> the redacted form (packages and that party's utilities only) — the seam the roles work will
/// enforce for delegates. Bad parameters are a 400 naming the field, an unknown negotiation a 404.
/// </summary>
public static class SettlementApi
{
    /// <summary>Maps <c>/api/negotiations/{id}/settlement</c>.</summary>
    public static RouteGroupBuilder MapSettlementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}/settlement").WithTags("Settlement");
        api.MapGet("", Get).WithName("GetSettlement")
            .WithSummary("Acceptable packages, the Pareto frontier, Nash, Kalai-Smorodinsky, egalitarian and utilitarian packages, and trades.")
            .WithDescription("asOf: read the talks as of a date (agreed issues fixed); default: the whole agenda. for: the redacted view for one party. " +
                "from: trades from this package (issue=option and proposal ids, comma-separated; the rest from the Nash package).")
            .Produces<string>(StatusCodes.Status200OK, "application/json");
        api.MapPost("what-if", WhatIf).WithName("SettlementWhatIf")
            .WithSummary("How the frontier moves when red lines are lifted or added (party:issue=option).")
            .Produces<string>(StatusCodes.Status200OK, "application/json");
        return api;
    }

    /// <summary>The body of a what-if.</summary>
    /// <param name="AsOf">As for the GET; null for the whole agenda.</param>
    /// <param name="For">The redacted view for one party, or null for the full view.</param>
    /// <param name="Lift">Red lines lifted, each <c>party:issue=option</c> (a profile's own or a position's).</param>
    /// <param name="Add">Red lines added, each <c>party:issue=option</c>.</param>
    public sealed record WhatIfInput(string? AsOf, string? For, IReadOnlyList<string>? Lift, IReadOnlyList<string>? Add);

    private static async Task<Results<ContentHttpResult, NotFound>> Get(
        string id, NegotiationStore store, string? asOf = null, [FromQuery(Name = "for")] string? party = null, string? from = null,
        CancellationToken ct = default)
    {
        if (await store.LoadWithPreferencesAsync(id, ct) is not var (negotiation, preferences)) return TypedResults.NotFound();
        var run = NegotiationSettler.Run(negotiation, preferences, new SettlementRequest(At(asOf), party, from), ct: ct);
        return TypedResults.Content(run.Json(), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> WhatIf(string id, WhatIfInput body, NegotiationStore store, CancellationToken ct)
    {
        if (await store.LoadWithPreferencesAsync(id, ct) is not var (negotiation, preferences)) return TypedResults.NotFound();
        if ((body.Lift?.Count ?? 0) + (body.Add?.Count ?? 0) == 0)
            throw new InvalidInputException("lift", "name at least one red line to lift or add (party:issue=option)");
        var (before, after) = NegotiationSettler.WhatIf(negotiation, preferences,
            new SettlementRequest(At(body.AsOf), body.For, LiftRedLines: body.Lift, AddRedLines: body.Add));
        static bool In(FrontierPoint p, SettlementResult r) => r.Pareto.Any(q => UtilityVectors.Equal(q.Utilities.AsSpan(), p.Utilities.AsSpan()));
        var gained = after.Result.Pareto.Count(p => !In(p, before.Result));
        var lost = before.Result.Pareto.Count(p => !In(p, after.Result));
        var json = $"{{\n\"gained\": {gained},\n\"lost\": {lost},\n\"before\": {before.Json()},\n\"after\": {after.Json()}\n}}";
        return TypedResults.Content(json, "application/json", Encoding.UTF8);
    }

    private static DateTimeOffset? At(string? text) =>
        text is null ? null : AsOf.TryParse(text, out var at, out var error) ? at : throw new InvalidInputException("asOf", error);
}
