using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Briefing;
using Parley.Core.Access;
using Parley.Server.Access;
using Parley.Server.Infrastructure;

namespace Parley.Server.Briefing;

/// <summary>
/// The briefing ("state of play as of a date") as a Word document, for any member: built by
/// <see cref="BriefingService"/> from what the caller may see. A bad <c>asOf</c> is a 400 naming it.
/// </summary>
public static partial class BriefingApi
{
    /// <summary>Maps <c>GET /api/negotiations/{id}/briefing.docx</c>.</summary>
    public static RouteHandlerBuilder MapBriefingApi(this IEndpointRouteBuilder app) =>
        app.MapGet("api/negotiations/{id}/briefing.docx", Docx).WithName("GetBriefingDocx").WithTags("Briefing").WithRefusals()
            .WithSummary("The state of play as of ?asOf= (default now) for the caller's role, as .docx: agreed share, sticking points, open offers, the draft's brackets by issue, guarantees and breaches.")
            .Requires(Permission.ReadTalks);

    private static async Task<Results<FileContentHttpResult, NotFound>> Docx(
        string id, CurrentViewer viewer, BriefingService briefings, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var at = Input.AsOf(asOf, clock);
        if (await briefings.ComposeAsync(id, viewer.Viewer, at, ct) is not { } briefing) return TypedResults.NotFound();
        return TypedResults.File(BriefingDocx.Write(briefing), BriefingDocx.ContentType, FileName(briefing));
    }

    /// <summary>"berlin-2025-briefing-2025-12-15.docx".</summary>
    public static string FileName(Application.Briefing.Briefing briefing) =>
        $"{Unsafe().Replace(briefing.NegotiationId, "-")}-briefing-{briefing.AsOf.UtcDateTime:yyyy-MM-dd}.docx";

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
