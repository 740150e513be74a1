using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb into a temporary folder, started on a free loopback port with
/// fsync off (these tests do not test durability), trust authentication for user postgres. As root the server
/// runs as the postgres account (runuser), since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class PostgresCluster
{
    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asPostgres;
    private int _stopped;

    private PostgresCluster(string root, string bin, bool asPostgres, int port)
    {
        _root = root;
        _bin = bin;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=15";

    private string Data => Path.Combine(_root, "data");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBin();
        var asPostgres = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "parley-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asPostgres) await RunAsync("chown", ["postgres:postgres", root]);
        var cluster = new PostgresCluster(root, bin, asPostgres, FreePort());
        try
        {
            await cluster.PgAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            await cluster.PgAsync("pg_ctl", ["-D", cluster.Data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "30",
                "-o", $"-c listen_addresses=127.0.0.1 -p {cluster.Port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start"]);
        }
        catch (Exception e)
        {
            var log = Path.Combine(root, "server.log");
            var tail = File.Exists(log) ? " Server log: " + string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "";
            TryDelete(root);
            throw new InvalidOperationException(e.Message + tail, e);
        }
        // If the test host dies without disposing fixtures, do not leave a postmaster behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        return cluster;
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            await PgAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    private Task PgAsync(string tool, string[] args) =>
        _asPostgres
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static string FindBin()
    {
        var configured = Environment.GetEnvironmentVariable("PARLEY_TEST_PGBIN");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        const string versions = "/usr/lib/postgresql";
        var found = Directory.Exists(versions)
            ? Directory.GetDirectories(versions)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"No PostgreSQL server binaries (initdb) under {versions}/*/bin.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
