using System.CommandLine;

namespace Parley.Cli.Tests;

/// <summary>Runs the <c>parley</c> command in-process with captured output, as a shell would see it.</summary>
public static class CliRunner
{
    /// <summary>The result of one invocation.</summary>
    public sealed record Result(int Exit, string Out, string Error);

    /// <summary>Runs <c>parley ARGS…</c>.</summary>
    public static Task<Result> Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs <c>parley ARGS…</c> with <paramref name="input"/> on standard input.</summary>
    public static async Task<Result> RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ParleyCommand.Create(new StringReader(input)).Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>The repository root: the folder holding Parley.slnx above the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
            throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A path inside the repository.</summary>
    public static string Repo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);
}
