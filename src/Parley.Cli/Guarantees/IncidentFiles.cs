using Parley.Core.Formats;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Ucdp;
using Parley.Core.Formats.Incidents;
using Spectre.Console;

namespace Parley.Cli.Guarantees;

/// <summary>Opens an incident file and reads it in the named format, with a progress bar on an interactive stderr.</summary>
internal static class IncidentFiles
{
    public static readonly string[] Formats = ["acled", "ucdp"];

    /// <summary>
    /// The file for one sequential read, in 1 MiB reads: with <see cref="File.OpenRead"/>'s 4 KiB buffer a 100 MB export
    /// took 25,000 system calls to read (and as many again for its digest).
    /// </summary>
    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);

    /// <summary>
    /// Reads the file (UTF-8, or Windows-1252 when it is not valid UTF-8, which is said on <paramref name="error"/>);
    /// null with a message on <paramref name="error"/> when it cannot be opened.
    /// </summary>
    public static IncidentImport? Read(string path, string format, TextWriter error)
    {
        Func<TextReader, IProgress<int>?, IncidentImport> parse = format == "ucdp"
            ? (r, p) => UcdpGedCsv.Read(r, p, Path.GetFileName(path))
            : (r, p) => AcledCsv.Read(r, p, Path.GetFileName(path));
        FileStream? current = null;
        Stream Open() => current = OpenRead(path);
        try
        {
            var length = new FileInfo(path).Length;
            (IncidentImport Result, System.Text.Encoding Encoding) read;
            // The bar only when a person watches stderr; piped or captured output stays clean.
            if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected || length < 1_000_000)
                read = ExportText.Read(Open, r => parse(r, null));
            else
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                read = default;
                console.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask($"reading {Path.GetFileName(path)}", maxValue: length);
                    read = ExportText.Read(Open, r => parse(r, new Progress<int>(_ => task.Value = current?.Position ?? 0)));
                    task.Value = length;
                });
            }
            if (read.Encoding == ExportText.Windows1252)
                error.WriteLine($"{Path.GetFileName(path)}: not valid UTF-8; read as Windows-1252");
            return read.Result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"cannot read {path}: {ex.Message}");
            return null;
        }
    }
}
