using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

using Parley.Cli.Tests.Crash;

namespace Parley.Cli.Tests.Release;

/// <summary>
/// What a user gets from a Release build, run as its own process outside the repository: the published
/// <c>parley serve</c> answers and serves the web app with its stylesheet and Blazor's script (found beside the app,
/// not in the source tree), and the packed .NET tool installs and runs.
/// </summary>
[Trait("Category", "Release")]
[Collection(ReleaseCollection.Name)]
public sealed partial class ReleaseBuildTests(ReleaseBuild build)
{
    [Fact]
    public async Task PublishedServe_ServesHealthzThePagesAndTheirAssets()
    {
        var data = build.Scratch($"serve-{Guid.NewGuid():N}");
        await using var server = await ServerProcess.StartPublishedAsync(Path.Combine(build.Published, "parley"), data,
            Path.Combine(data, "parley.db"), Path.Combine(data, "record-key.pem"), TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The dashboard asks an unknown visitor to sign in; the page it lands on is rendered by the app.
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Parley", html);

        // Every stylesheet and script the page names is served, Blazor's among them.
        var assets = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await http.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}\n{server.Output}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{asset} is empty");
        }
    }

    [Fact]
    public async Task PackedTool_Installs_AndRunsAsParley()
    {
        var tools = build.Scratch($"tools-{Guid.NewGuid():N}");
        var (code, output) = await ReleaseBuild.RunAsync("dotnet", tools, TimeSpan.FromMinutes(3),
            "tool", "install", "--tool-path", tools, "parley", "--add-source", build.Packages);
        Assert.True(code == 0, $"dotnet tool install: exit {code}\n{output}");

        var (versionCode, version) = await ReleaseBuild.RunAsync(Path.Combine(tools, "parley"), tools, TimeSpan.FromMinutes(1), "--version");
        Assert.True(versionCode == 0, $"parley --version: exit {versionCode}\n{version}");
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());

        // The installed tool works on real input: a draft from the shared material.
        var draft = Parley.Testing.TestData.Path("drafts", "cop21-2015-10-23.md");
        var (statsCode, stats) = await ReleaseBuild.RunAsync(Path.Combine(tools, "parley"), tools, TimeSpan.FromMinutes(1), "draft", "stats", draft, "--json");
        Assert.True(statsCode == 0, $"parley draft stats: exit {statsCode}\n{stats}");
        Assert.Contains("\"agreedShare\"", stats);
    }

    [GeneratedRegex("""(?:href|src)="(?<path>[^"]+\.(?:css|js))""")]
    private static partial Regex AssetReference();
}
