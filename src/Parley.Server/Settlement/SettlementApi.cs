using Parley.Application.Operations;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Server.Access;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;
using Parley.Application.Settlement;

namespace Parley.Server.Settlement;

/// <summary>
/// The settlement of a stored negotiation from its parties' preference profiles: the one read that uses every private
/// profile, as a neutral would. The mediator gets the full result (or, with <c>for=PARTY</c>, one party's view); a
/// delegation always gets its own party's redacted view — packages and its own utilities, nothing from which another
/// party's utilities, reservation, red lines or constraints could be read — and runs what-ifs only on its own red
/// lines. Other roles have no settlement (403). Bad parameters are a 400 naming the field.
/// </summary>
public static class SettlementApi
{
    /// <summary>Maps <c>/api/negotiations/{id}/settlement</c>.</summary>
    public static RouteGroupBuilder MapSettlementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}/settlement").WithTags("Settlement").WithRefusals();
        api.MapGet("", Get).WithName("GetSettlement")
            .WithSummary("Acceptable packages, the Pareto frontier, Nash, Kalai-Smorodinsky, egalitarian and utilitarian packages, and trades.")
            .WithDescription("asOf: read the talks as of a date (agreed issues fixed); default: the whole agenda. for: the redacted view for one party " +
                "(a delegation always gets its own). from: trades from this package (issue=option and proposal ids, comma-separated; the rest from the Nash package).")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .Computes().Requires(Permission.ReadSettlement);
        api.MapPost("what-if", WhatIf).WithName("SettlementWhatIf")
            .WithSummary("How the frontier moves when red lines are lifted or added (party:issue=option); a delegation names its own party only.")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .Computes().Requires(Permission.ReadSettlement);
        return api;
    }

    /// <summary>The body of a what-if.</summary>
    /// <param name="AsOf">As for the GET; null for the whole agenda.</param>
    /// <param name="For">The redacted view for one party, or null for the full view (a delegation always gets its own).</param>
    /// <param name="Lift">Red lines lifted, each <c>party:issue=option</c> (a profile's own or a position's).</param>
    /// <param name="Add">Red lines added, each <c>party:issue=option</c>.</param>
    public sealed record WhatIfInput(string? AsOf, string? For, IReadOnlyList<string>? Lift, IReadOnlyList<string>? Add);

    private static async Task<Results<ContentHttpResult, NotFound>> Get(
        string id, HttpContext http, CurrentViewer current, TalksReader reader, string? asOf = null, [FromQuery(Name = "for")] string? party = null,
        string? from = null, CancellationToken ct = default)
    {
        var viewer = current.Viewer;
        if (await reader.SettlementInputAsync(id, ct) is not var (negotiation, preferences)) return TypedResults.NotFound();
        var request = ViewerSettlement.Request(viewer, negotiation, preferences, At(asOf), party, from);
        var run = await ComputeBudget.RunAsync(http, "The settlement", Narrow,
            token => EngineTimings.Measure(EngineTimings.Settlement, () => NegotiationSettler.Run(negotiation, preferences, request, ct: token)));
        return TypedResults.Content(run.Json(ViewerSettlement.Hidden(negotiation, viewer)), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, NotFound>> WhatIf(string id, WhatIfInput body, HttpContext http, CurrentViewer current, TalksReader reader,
        CancellationToken ct)
    {
        var viewer = current.Viewer;
        if (await reader.SettlementInputAsync(id, ct) is not var (negotiation, preferences)) return TypedResults.NotFound();
        if ((body.Lift?.Count ?? 0) + (body.Add?.Count ?? 0) == 0)
            throw new InvalidInputException("lift", "name at least one red line to lift or add (party:issue=option)");
        var request = ViewerSettlement.Request(viewer, negotiation, preferences, At(body.AsOf), body.For, lift: body.Lift, add: body.Add);
        var (before, after) = await ComputeBudget.RunAsync(http, "The what-if", Narrow,
            token => EngineTimings.Measure(EngineTimings.Settlement, () => NegotiationSettler.WhatIf(negotiation, preferences, request, token)));
        static bool In(FrontierPoint p, SettlementResult r) => r.Pareto.Any(q => UtilityVectors.Equal(q.Utilities.AsSpan(), p.Utilities.AsSpan()));
        var gained = after.Result.Pareto.Count(p => !In(p, before.Result));
        var lost = before.Result.Pareto.Count(p => !In(p, after.Result));
        var hidden = ViewerSettlement.Hidden(negotiation, viewer);
        var json = $"{{\n\"gained\": {gained},\n\"lost\": {lost},\n\"before\": {before.Json(hidden)},\n\"after\": {after.Json(hidden)}\n}}";
        return TypedResults.Content(json, "application/json", Encoding.UTF8);
    }

    private const string Narrow = "read the talks as of a date (asOf) so that agreed issues are fixed, or ask for fewer changes at once";

    private static DateTimeOffset? At(string? text) =>
        text is null ? null : AsOf.TryParse(text, out var at, out var error) ? at : throw new InvalidInputException("asOf", error);
}
