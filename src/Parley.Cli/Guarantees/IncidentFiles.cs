using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Ucdp;
using Parley.Core.Guarantees.Import;
using Spectre.Console;

namespace Parley.Cli.Guarantees;

/// <summary>Opens an incident file and reads it in the named format, with a progress bar on an interactive stderr.</summary>
internal static class IncidentFiles
{
    public static readonly string[] Formats = ["acled", "ucdp"];

    /// <summary>Reads the file; null with a message on <paramref name="error"/> when it cannot be opened.</summary>
    public static IncidentImport? Read(string path, string format, TextWriter error)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"cannot read {path}: {ex.Message}");
            return null;
        }
        using (stream)
        using (var reader = new StreamReader(stream))
        {
            Func<TextReader, IProgress<int>?, IncidentImport> parse = format == "ucdp"
                ? (r, p) => UcdpGedCsv.Read(r, p)
                : (r, p) => AcledCsv.Read(r, p);
            // The bar only when a person watches stderr; piped or captured output stays clean.
            if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected || stream.Length < 1_000_000)
                return parse(reader, null);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            IncidentImport? result = null;
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"reading {Path.GetFileName(path)}", maxValue: stream.Length);
                result = parse(reader, new Progress<int>(_ => task.Value = stream.Position));
                task.Value = stream.Length;
            });
            return result;
        }
    }
}
