using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Cli.Tests.Crash;

/// <summary>
/// The built <c>parley serve</c> running as its own process on a free loopback port, as an operator starts it; stopped
/// only by <see cref="KillAsync"/> (SIGKILL on Linux: no shutdown code runs, nothing is flushed by the app).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server listens (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Address { get; }

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts <c>parley serve --urls … -d DATABASE</c> with <c>PARLEY_RECORD_KEY</c> = <paramref name="keyFile"/> and
    /// waits until <c>/readyz</c> answers 200 (migrated; the Berlin demo and its accounts seeded into an empty database).
    /// </summary>
    public static Task<ServerProcess> StartAsync(string database, string keyFile, TimeSpan timeout) =>
        StartAsync(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "parley.dll")], AppContext.BaseDirectory, database, keyFile, timeout);

    /// <summary>
    /// The same with a published <paramref name="parley"/> executable, started from <paramref name="workingDirectory"/>
    /// (far from the repository: what it serves must be found beside the app).
    /// </summary>
    public static Task<ServerProcess> StartPublishedAsync(string parley, string workingDirectory, string database, string keyFile, TimeSpan timeout) =>
        StartAsync(parley, [], workingDirectory, database, keyFile, timeout);

    private static async Task<ServerProcess> StartAsync(string program, string[] leading, string workingDirectory, string database,
        string keyFile, TimeSpan timeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in leading.Concat(["serve", "--urls", $"http://127.0.0.1:{port}", "-d", database]))
            start.ArgumentList.Add(arg);
        start.Environment["PARLEY_RECORD_KEY"] = keyFile;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("parley serve did not start");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd sends it; returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>True when the process ended on its own (a crash the test did not cause).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process if it still runs; safe to call again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await KillAsync();
        _process.Dispose();
        _disposed = true;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // Wall-clock on purpose: the server is a real process starting on this machine, not something a fake clock drives.
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"parley serve exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                if ((await http.GetAsync("readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"parley serve was not ready within {timeout}:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>The <c>dotnet</c> that runs these tests (the SDK sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
