using System.Net;
using System.Text;
using Parley.Core.Talks;
using Parley.Data;

namespace Parley.Server.Home;

/// <summary>
/// The plain page at <c>/</c>: every negotiation's status table, as of now or <c>?asOf=</c>. Server-rendered
/// HTML with no script; the full web app is its own piece of work.
/// </summary>
public static class HomePage
{
    /// <summary>Maps <c>/</c>.</summary>
    public static void MapHomePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", Render).ExcludeFromDescription();

    private static async Task<IResult> Render(NegotiationStore store, TimeProvider clock, string? asOf = null, CancellationToken ct = default)
    {
        var at = Infrastructure.Input.AsOf(asOf, clock);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Parley</title><style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:70rem}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left}")
            .Append(".Agreed{color:#0a6b2d}.Blocked{color:#a3141a;font-weight:600}.Converging{color:#7a5200}.Open{color:#333}</style></head><body>")
            .Append("<h1>Parley</h1>");
        html.Append("<form method=\"get\"><label>As of <input type=\"date\" name=\"asOf\" value=\"")
            .Append(E(asOf ?? "")).Append("\"></label> <button>Show</button></form>");
        foreach (var summary in await store.ListAsync(ct))
        {
            if (await store.LoadAsync(summary.Id, ct) is not { } negotiation) continue;
            var report = TalksStatus.Compute(negotiation, at);
            var agreed = report.Issues.Count(i => i.Status == IssueStatus.Agreed);
            html.Append("<section><h2>").Append(E(negotiation.Title)).Append("</h2><p>As of ").Append(E(at.ToString("u")))
                .Append(": <strong>").Append($"{agreed} of {report.Issues.Count} issues agreed ({report.AgreedShare:P0})")
                .Append("</strong>; by weight ").Append($"{report.AgreedShareByWeight:P0}").Append(".</p>")
                .Append("<table><thead><tr><th>Issue</th><th>Status</th><th>Agreed option / blockers</th></tr></thead><tbody>");
            foreach (var issue in report.Issues)
            {
                var detail = issue.Status == IssueStatus.Agreed
                    ? issue.AgreedOption + (issue.AdReferendum ? " (ad ref.)" : "")
                    : string.Join("; ", issue.Blockers.Select(b => $"{b.Party} rejects {string.Join(", ", b.Options)}"
                        + (b.RedLines.Count > 0 ? $" (red lines: {string.Join(", ", b.RedLines)})" : "")));
                html.Append("<tr><td>").Append(E(issue.Title)).Append("</td><td class=\"").Append(issue.Status)
                    .Append("\">").Append(issue.Status).Append("</td><td>").Append(E(detail ?? "")).Append("</td></tr>");
            }
            html.Append("</tbody></table></section>");
        }
        html.Append("<p><a href=\"/openapi/v1.json\">OpenAPI document</a></p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
