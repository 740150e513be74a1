using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Core.Drafting;
using Parley.Server.Drafting;
using Parley.Core.Formats.Drafting;
using Spectre.Console;

namespace Parley.Cli.Drafting;

/// <summary>
/// <c>parley draft</c>: check, measure, compare and export bracketed negotiating texts. Exit codes: 0 success, 1 the draft
/// has problems (<c>check</c>), 2 the input could not be used (missing file, unreadable .docx, bad option).
/// </summary>
public static class DraftCommand
{
    private const int Ok = 0, HasProblems = 1, BadInput = 2;

    private static readonly Option<string?> FormatOption = new("--format")
    {
        Description = "How to read text files: md or text (default: by extension; .md and .markdown are Markdown).",
    };

    /// <summary>Builds the <c>draft</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var draft = new Command("draft", "Bracketed negotiating text: check it, measure it, compare versions, export it.");
        draft.Subcommands.Add(Check());
        draft.Subcommands.Add(Stats());
        draft.Subcommands.Add(Diff());
        draft.Subcommands.Add(Export());
        return draft;
    }

    private static Command Check()
    {
        var file = new Argument<string>("FILE") { Description = "Draft file (.md, .txt or .docx)." };
        var command = new Command("check", "Print every unbalanced bracket as FILE:LINE:COL message; exit 1 if there is any.")
        {
            file, FormatOption,
        };
        command.SetAction(result =>
        {
            var (output, error) = Writers(result);
            string path = result.GetValue(file)!;
            var (document, failure) = DraftInput.Load(path, result.GetValue(FormatOption));
            if (document is null) return Fail(error, failure!);
            foreach (var p in document.Problems) output.WriteLine($"{path}:{p.Line}:{p.Column}: {p.Message}");
            foreach (var w in document.Warnings) output.WriteLine($"{path}:{w.Line}:{w.Column}: warning: {w.Message}");
            error.WriteLine($"{path}: {Plural(document.Problems.Count, "problem")}, {Plural(document.Warnings.Count, "warning")}, {Plural(document.Metrics.Opens, "opening bracket")}");
            return document.Problems.Count > 0 ? HasProblems : Ok;
        });
        return command;
    }

    private static Command Stats()
    {
        var file = new Argument<string>("FILE") { Description = "Draft file (.md, .txt or .docx)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("stats", "Brackets, depth, options, words and agreed share, per section, party and issue.")
        {
            file, json, FormatOption,
        };
        command.SetAction(result =>
        {
            var (output, error) = Writers(result);
            string path = result.GetValue(file)!;
            var (document, failure) = DraftInput.Load(path, result.GetValue(FormatOption));
            if (document is null) return Fail(error, failure!);
            var stats = DraftJson.Stats(path, document);
            if (result.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(stats, DraftJson.Options));
            else DraftTables.Stats(Console(output), stats);
            return Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var older = new Argument<string>("OLD") { Description = "Older version." };
        var newer = new Argument<string>("NEW") { Description = "Newer version." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("diff", "What changed between two versions: brackets added, accepted, deleted, changed; words.")
        {
            older, newer, json, FormatOption,
        };
        command.SetAction(result =>
        {
            var (output, error) = Writers(result);
            string a = result.GetValue(older)!, b = result.GetValue(newer)!;
            var (first, failA) = DraftInput.Load(a, result.GetValue(FormatOption));
            if (first is null) return Fail(error, failA!);
            var (second, failB) = DraftInput.Load(b, result.GetValue(FormatOption));
            if (second is null) return Fail(error, failB!);
            var diff = DraftJson.Diff(a, b, DraftDiffer.Compare(first, second));
            if (result.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(diff, DraftJson.Options));
            else DraftTables.Diff(output, diff);
            return Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "Draft file (.md, .txt or .docx)." };
        var to = new Option<string>("--to") { Description = "md, html, docx, or clean (agreed text only, Markdown).", Required = true };
        var outPath = new Option<string?>("--out", "-o") { Description = "Output file (required for docx; otherwise standard output)." };
        var resolve = new Option<string[]>("--resolve")
        {
            Description = "An agreed issue as ISSUE=OPTION; resolves the brackets tagged with that issue. Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("export", "Export a draft, optionally with agreed issues resolved.") { file, to, outPath, resolve, FormatOption };
        command.SetAction(result =>
        {
            var (output, error) = Writers(result);
            string path = result.GetValue(file)!;
            var agreed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in result.GetValue(resolve) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1) return Fail(error, $"--resolve {pair}: expected ISSUE=OPTION");
                agreed[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
            string target = result.GetValue(to)!.ToLowerInvariant();
            if (target is not ("md" or "html" or "docx" or "clean")) return Fail(error, $"--to {target}: expected md, html, docx or clean");
            string? destination = result.GetValue(outPath);
            if (target == "docx" && destination is null) return Fail(error, "--to docx needs --out FILE");
            var (document, failure) = DraftInput.Load(path, result.GetValue(FormatOption));
            if (document is null) return Fail(error, failure!);
            var rendering = DraftRenderer.Render(document, agreed, target == "clean" ? RenderMode.AgreedOnly : RenderMode.ResolveAgreed);
            foreach (var issue in rendering.UnknownIssues) error.WriteLine($"warning: no provision is tagged with issue '{issue}'");
            foreach (var option in rendering.UnmatchedOptions) error.WriteLine($"warning: no bracket offers option {option}");
            var rendered = DraftParser.Parse(rendering.Text, document.Format);
            try
            {
                if (target == "docx")
                {
                    using var stream = File.Create(destination!);
                    DocxDraftExporter.Export(rendered, stream);
                    return Ok;
                }
                string text = target == "html" ? HtmlDraftExporter.Export(rendered, Path.GetFileNameWithoutExtension(path)) : MarkdownDraftExporter.Export(rendered);
                if (destination is null) output.Write(text);
                else File.WriteAllText(destination, text);
                return Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, $"{destination}: cannot be written: {e.Message}");
            }
        });
        return command;
    }

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult result) =>
        (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("parley: " + message);
        return BadInput;
    }

    private static string Plural(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static IAnsiConsole Console(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
