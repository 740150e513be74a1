using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

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
        await using var server = await Server.StartAsync(Path.Combine(build.Published, "parley"), data);
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

    /// <summary>A published <c>parley serve</c> on a free loopback port, with its own database and record key.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        private Server(Process process, Uri address) => (_process, Address) = (process, address);

        public Uri Address { get; }

        public string Output => string.Join('\n', _lines);

        public static async Task<Server> StartAsync(string parley, string data)
        {
            var port = FreePort();
            // Started from the data folder, far from the repository: the assets must be found beside the app.
            var start = new ProcessStartInfo(parley) { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "serve", "--database", Path.Combine(data, "parley.db"), "--urls", $"http://127.0.0.1:{port}" })
                start.ArgumentList.Add(arg);
            start.Environment["PARLEY_RECORD_KEY"] = Path.Combine(data, "record-key.pem");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var server = new Server(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
            server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                if (server._process.HasExited) break;
                try
                {
                    if ((await http.GetAsync(new Uri(server.Address, "/readyz"))).IsSuccessStatusCode) return server;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(200);
            }
            var exit = server._process.HasExited ? $"it ended with exit code {server._process.ExitCode}" : "it still runs";
            await server.DisposeAsync(); // also waits for the last lines of its output
            throw new InvalidOperationException($"parley serve did not become ready ({exit}):\n{server.Output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            _lines.Enqueue(line);
            while (_lines.Count > 200) _lines.TryDequeue(out _);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
