using Parley.Application.Operations;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Drafting;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Server.Access;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;
using Parley.Application.Drafting;

namespace Parley.Server.Drafting;

/// <summary>
/// Drafts stored in a negotiation: upload versions (Markdown, plain text or .docx), list them, their figures and
/// problems, the diff of two versions, the convergence series, the text rendered with the agreed issues resolved, and the
/// agreed share by text. A version is named by its label (any case) or <c>latest</c>.
/// </summary>
public static class DraftingApi
{
    /// <summary>Maps <c>/api/negotiations/{id}/drafts</c>.</summary>
    public static RouteGroupBuilder MapDraftingApi(this IEndpointRouteBuilder app)
    {
        // Drafts are the shared negotiating text: every member reads them; the mediator (the pen-holder) adds versions.
        var api = app.MapGroup("api/negotiations/{id}/drafts").WithTags("Drafting").WithRefusals();
        api.MapGet("", ListDrafts).WithName("ListDrafts").WithSummary("The negotiation's drafts and their versions (without text).").Requires(Permission.ReadTalks);
        api.MapPost("{draft}/versions", Upload).WithName("UploadDraftVersion")
            .WithSummary("Stores a new version: Markdown or plain text in the body, or a .docx (raw or as the 'file' part of a form). " +
                "Query or form fields: version (label, required), date (yyyy-MM-dd), author, format (md|text), acceptProblems. " +
                "A text with unbalanced brackets is refused with each problem's line and column unless acceptProblems=true.")
            .Accepts<string>("text/markdown", "text/plain", DraftUpload.DocxType, "multipart/form-data")
            .WithBodyLimit(BodyLimits.Draft).Requires(Permission.EditDrafts);
        api.MapGet("{draft}/versions", ListVersions).WithName("ListDraftVersions").WithSummary("The versions of a draft, oldest first.").Requires(Permission.ReadTalks);
        api.MapGet("{draft}/versions/{version}", Source).WithName("GetDraftVersionText").WithSummary("The version's text as stored.").Requires(Permission.ReadTalks);
        api.MapGet("{draft}/versions/{version}/stats", Stats).WithName("GetDraftVersionStats")
            .WithSummary("Brackets, depth, options, words, agreed share and problems (the JSON of `parley draft stats --json`).").Requires(Permission.ReadTalks);
        api.MapGet("{draft}/diff", Diff).WithName("DiffDraftVersions")
            .WithSummary("What changed between two versions (?from=&to=; default: the last two), as `parley draft diff --json`.").Computes().Requires(Permission.ReadTalks);
        api.MapGet("{draft}/convergence", Convergence).WithName("GetDraftConvergence")
            .WithSummary("Brackets and agreed share per version, oldest first, ready for a chart.").Requires(Permission.ReadTalks);
        api.MapGet("{draft}/versions/{version}/render", Render).WithName("RenderDraftVersion")
            .WithSummary("The version with the issues agreed as of ?asOf= resolved, ?to=md|html|docx, or clean (the agreed text only).").Requires(Permission.ReadTalks);
        api.MapGet("{draft}/agreed-share", AgreedShare).WithName("GetDraftAgreedShare")
            .WithSummary("Agreed share by text of the version current as of ?asOf=, as written and with the agreed issues resolved.").Requires(Permission.ReadTalks);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredDraft>>, NotFound>> ListDrafts(
        string id, DraftStore drafts, CancellationToken ct) =>
        TypedResults.Ok(await drafts.ListAsync(id, ct));

    private static async Task<Results<Created<DraftVersionCreated>, ValidationProblem, NotFound>> Upload(
        string id, string draft, HttpRequest request, DraftStore drafts, CurrentViewer viewer, bool acceptProblems = false, CancellationToken ct = default)
    {
        if (!Key.IsValid(draft)) throw new InvalidInputException("draft", $"'{draft}' is not a valid draft id (a letter or digit, then letters, digits, '-', '_', '.')");
        var version = await DraftUpload.ReadAsync(request, ct);
        var document = version.Document;
        if (document.Problems.Count > 0 && !acceptProblems)
            return SourceProblems.Refuse(
                $"The draft has {document.Problems.Count} problem(s); nothing was stored (send acceptProblems=true to store it as it is).",
                document.Problems.Select(p => p.Source("")).ToArray(), "text");
        if (!await drafts.AddVersionAsync(id, draft, version, viewer.Viewer.User, ct)) return TypedResults.NotFound();
        return TypedResults.Created($"/api/negotiations/{id}/drafts/{draft}/versions/{Uri.EscapeDataString(version.Label)}",
            new DraftVersionCreated(draft, version.Label, version.Date, version.Author, document.Format,
                DraftJson.Stats($"{draft}/{version.Label}", document)));
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredDraftVersion>>, NotFound>> ListVersions(
        string id, string draft, DraftStore drafts, CancellationToken ct) =>
        await drafts.VersionsAsync(id, draft, ct) is { Count: > 0 } versions ? TypedResults.Ok(versions) : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> Source(
        string id, string draft, string version, DraftStore drafts, CancellationToken ct) =>
        await drafts.LoadVersionAsync(id, draft, version, ct) is { } v
            ? TypedResults.Content(v.Document.Text, MediaType(v.Document.Format), Encoding.UTF8)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftJson.StatsJson>, NotFound>> Stats(
        string id, string draft, string version, DraftStore drafts, CancellationToken ct) =>
        await drafts.LoadVersionAsync(id, draft, version, ct) is { } v
            ? TypedResults.Ok(DraftJson.Stats($"{draft}/{v.Label}", v.Document))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftJson.DiffJson>, NotFound>> Diff(
        string id, string draft, HttpContext http, DraftStore drafts, string? from = null, string? to = null, CancellationToken ct = default)
    {
        if (await drafts.LoadAsync(id, draft, ct) is not { } history) return TypedResults.NotFound();
        var newer = to is null ? history.Versions[^1] : Find(history, to);
        int newerAt = newer is null ? -1 : IndexOf(history, newer);
        var older = from is null ? (newerAt > 0 ? history.Versions[newerAt - 1] : null) : Find(history, from);
        if (older is null || newer is null) return TypedResults.NotFound();
        var diff = await ComputeBudget.RunAsync(http, "The comparison", "compare two closer versions (from, to)",
            token => EngineTimings.Measure(EngineTimings.Draft, () => DraftDiffer.Compare(older.Document, newer.Document, token)));
        return TypedResults.Ok(DraftJson.Diff(older.Label, newer.Label, diff));
    }

    private static async Task<Results<Ok<IReadOnlyList<ConvergencePoint>>, NotFound>> Convergence(
        string id, string draft, DraftStore drafts, CancellationToken ct) =>
        await drafts.LoadAsync(id, draft, ct) is { } history ? TypedResults.Ok(history.Convergence()) : TypedResults.NotFound();

    private static async Task<IResult> Render(
        string id, string draft, string version, HttpResponse response, DraftStore drafts, TalksReader talks, CurrentViewer viewer, TimeProvider clock,
        string to = "md", string? asOf = null, CancellationToken ct = default)
    {
        to = to.Trim().ToLowerInvariant();
        if (to is not ("md" or "html" or "docx" or "clean")) throw new InvalidInputException("to", $"'{to}' is not a target (md, html, docx or clean)");
        var at = Input.AsOf(asOf, clock);
        if (await talks.LoadAsync(id, viewer.Viewer, ct) is not { } negotiation) return TypedResults.NotFound();
        if (await drafts.LoadVersionAsync(id, draft, version, ct) is not { } v) return TypedResults.NotFound();
        var rendering = DraftRenderer.Render(v.Document, Agreed(negotiation, at), to == "clean" ? RenderMode.AgreedOnly : RenderMode.ResolveAgreed);
        response.Headers["X-Parley-Resolved"] = rendering.Resolved.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["X-Parley-Dropped"] = rendering.Dropped.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (rendering.UnmatchedOptions.Count > 0) response.Headers["X-Parley-Unmatched"] = string.Join(", ", rendering.UnmatchedOptions);
        var rendered = DraftParser.Parse(rendering.Text, v.Document.Format);
        string name = $"{draft}-{v.Label}";
        switch (to)
        {
            case "docx":
                using (var stream = new MemoryStream())
                {
                    DocxDraftExporter.Export(rendered, stream);
                    return TypedResults.File(stream.ToArray(), DraftUpload.DocxType, FileName(name) + ".docx");
                }
            case "html":
                return TypedResults.Content(HtmlDraftExporter.Export(rendered, name), "text/html", Encoding.UTF8);
            default:
                return TypedResults.Content(MarkdownDraftExporter.Export(rendered), "text/markdown", Encoding.UTF8);
        }
    }

    private static async Task<Results<Ok<DraftAgreedShareView>, NotFound>> AgreedShare(
        string id, string draft, DraftStore drafts, TalksReader talks, CurrentViewer viewer, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var at = Input.AsOf(asOf, clock);
        if (await talks.LoadAsync(id, viewer.Viewer, ct) is not { } negotiation) return TypedResults.NotFound();
        if (await drafts.LoadAsync(id, draft, ct) is not { } history) return TypedResults.NotFound();
        if (history.AsOf(DateOnly.FromDateTime(at.UtcDateTime)) is not { } v) return TypedResults.NotFound();
        return TypedResults.Ok(DraftShares.Compute(draft, v, Agreed(negotiation, at), at));
    }

    /// <summary>Issue → agreed option as of <paramref name="at"/> (valid time).</summary>
    internal static Dictionary<string, string> Agreed(Negotiation negotiation, DateTimeOffset at) =>
        TalksStatus.Compute(negotiation, at).Issues
            .Where(i => i.Status == IssueStatus.Agreed && i.AgreedOption is not null)
            .ToDictionary(i => i.Issue, i => i.AgreedOption!, StringComparer.Ordinal);

    private static DraftVersion? Find(DraftHistory history, string label) =>
        string.Equals(label, "latest", StringComparison.OrdinalIgnoreCase) ? history.Versions[^1]
            : history.Versions.FirstOrDefault(v => string.Equals(v.Label, label.Trim(), StringComparison.OrdinalIgnoreCase));

    private static int IndexOf(DraftHistory history, DraftVersion version) =>
        history.Versions.Select((v, i) => (v, i)).First(x => ReferenceEquals(x.v, version)).i;

    private static string MediaType(DraftFormat format) => format == DraftFormat.Markdown ? "text/markdown" : "text/plain";

    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
