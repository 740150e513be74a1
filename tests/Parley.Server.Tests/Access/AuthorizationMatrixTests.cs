using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The authorization matrix, enumerated from the app's own endpoint data source: every endpoint carries an access
/// rule; every negotiation endpoint answers each caller as the table below says (401 anonymous, 404 to a signed-in
/// non-member, 403 to a member whose role may not, otherwise served); and no read serves a caller an item it may not see.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string All = "mediator ua ru us monitor observer";

    /// <summary>Who may call each negotiation endpoint ("METHOD pattern" → members). A new endpoint must be added here.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["GET api/negotiations/{id}"] = All,
        ["GET api/negotiations/{id}/scenario"] = All,
        ["GET api/negotiations/{id}/status"] = All,
        ["GET api/negotiations/{id}/changes"] = All,
        ["GET api/negotiations/{id}/history"] = All,
        ["POST api/negotiations/{id}/parties"] = "mediator",
        ["POST api/negotiations/{id}/issues"] = "mediator",
        ["POST api/negotiations/{id}/statements"] = "mediator ua ru",
        ["POST api/negotiations/{id}/positions"] = "mediator ua ru",
        ["POST api/negotiations/{id}/proposals"] = "mediator ua ru",
        ["POST api/negotiations/{id}/proposals/{proposal}/responses"] = "mediator ua ru",
        ["POST api/negotiations/{id}/proposals/{proposal}/withdrawal"] = "mediator ua ru",
        ["POST api/negotiations/{id}/agreements"] = "mediator",
        ["POST api/negotiations/{id}/rounds"] = "mediator",
        ["POST api/negotiations/{id}/working-groups"] = "mediator",
        ["POST api/negotiations/{id}/contingencies"] = "mediator",
        ["GET api/negotiations/{id}/settlement/"] = "mediator ua ru",
        ["POST api/negotiations/{id}/settlement/what-if"] = "mediator ua ru",
        ["GET api/negotiations/{id}/drafts/"] = All,
        ["POST api/negotiations/{id}/drafts/{draft}/versions"] = "mediator",
        ["GET api/negotiations/{id}/drafts/{draft}/versions"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/versions/{version}"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/versions/{version}/stats"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/diff"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/convergence"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/versions/{version}/render"] = All,
        ["GET api/negotiations/{id}/drafts/{draft}/agreed-share"] = All,
        ["GET api/negotiations/{id}/incidents"] = All,
        ["POST api/negotiations/{id}/incidents"] = "mediator monitor",
        ["POST api/negotiations/{id}/incidents/import"] = "mediator monitor",
        ["POST api/negotiations/{id}/incidents/{incident}/review"] = "mediator monitor",
        ["POST api/negotiations/{id}/incidents/{incident}/verify"] = "mediator monitor",
        ["POST api/negotiations/{id}/incidents/{incident}/reject"] = "mediator monitor",
        ["POST api/negotiations/{id}/commitments"] = "mediator",
        ["POST api/negotiations/{id}/commitments/{commitment}/events"] = "mediator us",
        ["GET api/negotiations/{id}/guarantees"] = All,
        ["GET api/negotiations/{id}/briefing.docx"] = All,
        ["GET charts/{id}/agreed-share.png"] = All,
        ["GET charts/{id}/drafts/{draft}/convergence.png"] = All,
        ["GET charts/{id}/incidents.png"] = All,
        ["GET api/negotiations/{id}/record/"] = All,
        ["GET api/negotiations/{id}/record/checkpoint"] = All,
        ["GET api/negotiations/{id}/record/leaves"] = All,
        ["GET api/negotiations/{id}/record/entries/{index:long}"] = All,
        ["GET api/negotiations/{id}/record/entries/{index:long}/proof"] = All,
        ["GET api/negotiations/{id}/record/consistency"] = All,
    };

    private static readonly Dictionary<string, string> RouteValues = new()
    {
        ["id"] = ParleyFactory.Demo, ["draft"] = "berlin-framework", ["version"] = "15 Dec", ["incident"] = "ill-2025-12-28-odesa-substation",
        ["commitment"] = "christmas-truce", ["proposal"] = "us-28-point-plan",
    };

    private IEnumerable<RouteEndpoint> Endpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Method(RouteEndpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    private static string Key(RouteEndpoint e) => $"{Method(e)} {e.RoutePattern.RawText?.TrimStart('/')}";

    // Queries a read needs to be valid (so that a permitted caller is served, not refused for a missing parameter).
    private static readonly Dictionary<string, string> Queries = new()
    {
        ["GET api/negotiations/{id}/changes"] = "?since=2025-11-01",
        ["GET api/negotiations/{id}/drafts/{draft}/diff"] = "?from=15%20Dec&to=15%20Dec", // the demo's draft has one version
        ["GET api/negotiations/{id}/record/consistency"] = "?from=1",
    };

    private static string Url(RouteEndpoint e) => Path(e, RouteValues) + Queries.GetValueOrDefault(Key(e), "");

    // The endpoint's route with its parameters filled from values (an unknown parameter gets "x").
    private static string Path(RouteEndpoint e, IReadOnlyDictionary<string, string> values) =>
        "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart q => Uri.EscapeDataString(values.GetValueOrDefault(q.Name, "x")),
            _ => "",
        }))));

    [Fact]
    public void EveryEndpoint_CarriesExactlyOneAccessRule()
    {
        var missing = Endpoints()
            // In Development, static assets add a file fallback of their own that takes no conventions; the fallback
            // policy (a signed-in user) covers it, and Production has no such endpoint.
            .Where(e => e.DisplayName != "Fallback {**path:file}")
            .Where(e => new object?[] { e.Metadata.GetMetadata<NegotiationRule>(), e.Metadata.GetMetadata<InstanceRule>(), e.Metadata.GetMetadata<AnonymousRule>() }
                .Count(r => r is not null) != 1)
            .Select(e => e.DisplayName ?? Key(e)).ToArray();
        Assert.True(missing.Length == 0, "endpoints without exactly one access rule: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryNegotiationEndpoint_IsInTheMatrix_AndTheMatrixNamesNoGhost()
    {
        var negotiationEndpoints = Endpoints().Where(e => e.Metadata.GetMetadata<NegotiationRule>() is not null).Select(Key).ToHashSet();
        Assert.Empty(negotiationEndpoints.Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(negotiationEndpoints));
    }

    [Fact]
    public void AnonymousEndpoints_AreOnlySignInAssetsTheApiDescriptionAndHealth()
    {
        foreach (var e in Endpoints().Where(e => e.Metadata.GetMetadata<AnonymousRule>() is not null))
        {
            var path = e.RoutePattern.RawText ?? "";
            Assert.True(path.StartsWith("/account") || path.StartsWith("account") || path.StartsWith("demo/") || path.StartsWith("/demo")
                || path.Contains("openapi") || path == "api/record/key" || path is "/healthz" or "/readyz" || e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
                || path.StartsWith("_framework") || path.StartsWith("/_framework") || path.Contains('.'),
                $"unexpected anonymous endpoint {Key(e)}: {e.Metadata.GetMetadata<AnonymousRule>()!.Reason}");
        }
    }

    [Fact]
    public async Task NegotiationEndpoints_AnswerEachCallerAsTheMatrixSays_AndReadsLeakNothing()
    {
        // The record's entry endpoints need an entry every member may read: the first shared one.
        var history = System.Text.Json.Nodes.JsonNode.Parse(await fixture.Clients["mediator"].GetStringAsync($"/api/negotiations/{ParleyFactory.Demo}/history"))!.AsArray();
        RouteValues["index"] = history.First(e => e!["visibility"]!.GetValue<string>() == "shared")!["index"]!.ToString();
        var endpoints = Endpoints().Where(e => e.Metadata.GetMetadata<NegotiationRule>() is not null)
            .OrderBy(e => Method(e) == "DELETE") // the mediator's delete runs last
            .ToArray();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var method = Method(endpoint);
            var allowed = Allowed[Key(endpoint)].Split(' ');
            // The mediator's delete runs after everyone else's refusal.
            foreach (var (caller, client) in fixture.Clients.OrderBy(c => method == "DELETE" && c.Key == "mediator"))
            {
                var response = await client.SendAsync(Request(method, Url(endpoint), endpoint));
                var status = (int)response.StatusCode;
                var expected = caller switch
                {
                    "anonymous" => "401",
                    "stranger" => "404",
                    _ when !allowed.Contains(caller) => "403",
                    _ when method == "GET" => "2xx",
                    _ => "accepted (not 401/403/404/5xx)",
                };
                var ok = expected switch
                {
                    "401" => status == 401,
                    "404" => status == 404,
                    "403" => status == 403,
                    "2xx" => status is >= 200 and < 300,
                    // A permitted role may still be refused for the item (a delegation withdrawing another party's
                    // proposal): such a 403 names the field, unlike the role's 403.
                    _ => status is not (401 or 404) and < 500 && (status != 403 || (await response.Content.ReadAsStringAsync()).Contains("\"errors\"")),
                };
                if (!ok) failures.Add($"{caller} {method} {Url(endpoint)}: {status}, expected {expected}");
                if (status is >= 200 and < 300 && method == "GET")
                {
                    var body = await ResponseText.ReadAsync(response);
                    foreach (var canary in AccessFixture.ForbiddenFor(caller).Where(body.Contains))
                        failures.Add($"{caller} {method} {Url(endpoint)} leaks '{canary}'");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_AnswerEachCaller_AndShowNothingOutsideTheirScope()
    {
        var pageValues = new Dictionary<string, string> { ["Id"] = ParleyFactory.Demo, ["IssueId"] = "nuclear-plant" };
        var pages = Endpoints().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToArray();
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/negotiations/{Id}/settlement");
        var failures = new List<string>();
        foreach (var page in pages)
        {
            var url = Path(page, pageValues);
            var open = page.Metadata.GetMetadata<AnonymousRule>() is not null;
            foreach (var (caller, client) in fixture.Clients)
            {
                var response = await client.GetAsync(url);
                var status = (int)response.StatusCode;
                if (caller == "anonymous" && !open)
                {
                    if (status != 302 || response.Headers.Location?.ToString().Contains("/account/sign-in") != true)
                        failures.Add($"anonymous GET {url}: {status} {response.Headers.Location}, expected a redirect to the sign-in page");
                    continue;
                }
                if (status != 200) failures.Add($"{caller} GET {url}: {status}, expected 200");
                var html = await response.Content.ReadAsStringAsync();
                foreach (var canary in AccessFixture.ForbiddenFor(caller).Where(html.Contains))
                    failures.Add($"{caller} GET {url} shows '{canary}'");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_PrivateItems_ShownToThoseWhoMaySeeThemOnly()
    {
        // The pages as the server first renders them (the settlement itself is computed once the page is interactive;
        // the browser tests check it). The dashboard lists recent statements, the issue page the positions.
        var dashboard = $"/negotiations/{ParleyFactory.Demo}";
        var issue = $"/negotiations/{ParleyFactory.Demo}/issues/nuclear-plant";
        async Task<string> Html(string caller, string url) => await fixture.Clients[caller].GetStringAsync(url);
        Assert.Contains("CANARY-MEDIATOR-STATEMENT", await Html("mediator", dashboard));
        Assert.Contains("CANARY-UA-STATEMENT", await Html("ua", dashboard));
        Assert.DoesNotContain("CANARY-UA-STATEMENT", await Html("ru", dashboard));
        Assert.Contains("CANARY-RU-POSITION-NOTE", await Html("ru", issue));
        Assert.DoesNotContain("CANARY-RU-POSITION-NOTE", await Html("ua", issue));
    }

    [Fact]
    public async Task ListNegotiations_IsForSignedInUsers_AndShowsOnlyTheirOwn()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Clients["anonymous"].GetAsync("/api/negotiations")).StatusCode);
        Assert.Equal("[]", await fixture.Clients["stranger"].GetStringAsync("/api/negotiations"));
        Assert.Contains(ParleyFactory.Demo, await fixture.Clients["observer"].GetStringAsync("/api/negotiations"));
    }

    [Fact]
    public async Task Import_NewNegotiation_IsForAdministratorsOnly()
    {
        const string yaml = "negotiation: {id: quiet-talks, title: Quiet talks}\nparties:\n  - {id: a, name: A, roles: [principal]}\n";
        foreach (var caller in new[] { "stranger", "mediator", "ua" })
        {
            var refused = await fixture.Clients[caller].PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await fixture.Clients["anonymous"].PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"))).StatusCode);
    }

    // A body of the content type the endpoint accepts (else routing answers 415 before any rule runs), empty in substance.
    private static HttpRequestMessage Request(string method, string url, RouteEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is not ("POST" or "PUT" or "PATCH")) return request;
        var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
        request.Content = new StringContent(accepts.Contains("json") ? "{}" : "x", Encoding.UTF8, accepts);
        return request;
    }
}
