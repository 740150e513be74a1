using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Parley.Application.Infrastructure;

namespace Parley.Cli;

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The input has problems (a bad scenario, a bracket that does not balance); they were printed.</summary>
    public const int Problems = 1;

    /// <summary>The command could not run: a missing file, an unreachable database, a bad argument.</summary>
    public const int Failure = 2;
}

/// <summary>What a command writes to: the invocation's output and error writers (redirectable in tests).</summary>
public sealed class Cli(ParseResult parse)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = parse.InvocationConfiguration.Output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = parse.InvocationConfiguration.Error;

    /// <summary>A Spectre console on <see cref="Out"/>; plain text when output is redirected.</summary>
    public IAnsiConsole Console => _console ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ColorSystemSupport.Detect,
    });

    private IAnsiConsole? _console;

    /// <summary>Writes <paramref name="value"/> as indented JSON in Parley's shape.</summary>
    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json.Indented));

    /// <summary>Prints "parley: message" on standard error and returns <see cref="ExitCodes.Failure"/>.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"parley: {message}");
        return ExitCodes.Failure;
    }

    /// <summary>Reads a text file, or explains on standard error why it cannot.</summary>
    public bool TryReadFile(string path, out string text)
    {
        text = "";
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Fail($"cannot read '{path}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            return false;
        }
    }
}

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    /// <summary><c>--database</c>: a SQLite file path or a PostgreSQL connection string.</summary>
    public static Option<string?> Database() => new("--database", "-d")
    {
        Description = "A SQLite file path or a PostgreSQL connection string (default: parley.db in your data folder, or $PARLEY_DATABASE).",
    };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table." };
}
