using System.Diagnostics;
using System.Text;

namespace Parley.Cli.Tests.Release;

/// <summary>
/// One Release build of the executable (src/Parley) for the release tests, made once: <c>dotnet pack</c> publishes <c>parley</c> into a
/// temp folder (what <c>dotnet publish -c Release -o out</c> gives) and packs that folder as the .NET tool, so a
/// single publish (the costly step on two cores) serves both the published-folder and the tool checks.
/// </summary>
public sealed class ReleaseBuild : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"parley-release-{Guid.NewGuid():N}");

    /// <summary>The published folder, holding <c>parley</c>.</summary>
    public string Published => Path.Combine(_root, "out");

    /// <summary>The folder holding the packed tool, <c>parley.VERSION.nupkg</c>.</summary>
    public string Packages => Path.Combine(_root, "packages");

    /// <summary>A scratch folder under the build's temp root.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        // ReadyToRun images left in obj/ by a self-contained publish (bench/cold/run.sh's single file: one composite image
        // with the framework) are taken as up to date by the next publish, whose parley then aborts at start.
        var r2r = Repository.Path("src", "Parley", "obj", "Release", "net10.0", "R2R");
        if (Directory.Exists(r2r)) Directory.Delete(r2r, recursive: true);
        // Release, so its obj/ and bin/ folders are not those of the Debug build the tests run from.
        var (code, output) = await RunAsync("dotnet", Repository.Root, TimeSpan.FromMinutes(12),
            "pack", Repository.Path("src", "Parley", "Parley.csproj"), "-c", "Release", "-nodeReuse:false", "-v", "q",
            "-o", Packages, $"-p:PublishDir={Published}{Path.DirectorySeparatorChar}");
        if (code != 0) throw new InvalidOperationException($"dotnet pack failed ({code}):\n{output}");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { } // a file still held by a process that is ending; the temp folder is cleaned later
        return Task.CompletedTask;
    }

    /// <summary>Runs a command to its end (killed after <paramref name="timeout"/>); its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, string directory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (lines) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran over {timeout}:\n{output}");
        }
        process.WaitForExit(); // the output's last lines
        lock (lines) return (process.ExitCode, output.ToString());
    }
}

/// <summary>The release tests share one <see cref="ReleaseBuild"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseBuild>
{
    public const string Name = "Release build";
}
