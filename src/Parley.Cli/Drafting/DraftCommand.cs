using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Application.Drafting;

namespace Parley.Cli.Drafting;

/// <summary>
/// <c>parley draft</c>: check, measure, compare and export bracketed negotiating texts, in files or stored in a negotiation
/// (<c>--negotiation ID --draft KEY</c>; <c>list</c> and <c>add</c> work on stored drafts only). Exit codes: 0 success, 1
/// the draft has problems (<c>check</c>, <c>add</c>), 2 the input could not be used (missing file, unreadable .docx, bad
/// option, unknown negotiation, draft or version).
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
        draft.Subcommands.Add(List());
        draft.Subcommands.Add(DraftAddCommand.Create(FormatOption));
        return draft;
    }

    private static Command Check()
    {
        var file = FileArgument();
        var version = VersionOption();
        var stored = new StoredDraftOptions();
        var command = new Command("check", "Print every unbalanced bracket as FILE:LINE:COL message; exit 1 if there is any.")
        {
            file, FormatOption, version,
        };
        stored.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = Writers(result);
            if (Source(result, file, stored, error, result.GetValue(version) is not null) is not { } path)
                return stored.Given(result) && result.GetValue(file) is null ? await StoredDrafts.Check(result, stored, result.GetValue(version), ct) : BadInput;
            var (document, failure) = DraftInput.Load(path, result.GetValue(FormatOption));
            if (document is null) return Fail(error, failure!);
            ProblemPrinter.Print(output, path, document);
            error.WriteLine($"{path}: {Plural(document.Problems.Count, "problem")}, {Plural(document.Warnings.Count, "warning")}, {Plural(document.Metrics.Opens, "opening bracket")}");
            return document.Problems.Count > 0 ? HasProblems : Ok;
        });
        return command;
    }

    private static Command Stats()
    {
        var file = FileArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var version = VersionOption();
        var stored = new StoredDraftOptions();
        var command = new Command("stats", "Brackets, depth, options, words and agreed share, per section, party and issue.")
        {
            file, json, FormatOption, version,
        };
        stored.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = Writers(result);
            if (Source(result, file, stored, error, result.GetValue(version) is not null) is not { } path)
                return stored.Given(result) && result.GetValue(file) is null
                    ? await StoredDrafts.Stats(result, stored, result.GetValue(version), result.GetValue(json), ct) : BadInput;
            var (document, failure) = DraftInput.Load(path, result.GetValue(FormatOption));
            if (document is null) return Fail(error, failure!);
            var stats = DraftJson.Stats(path, document);
            if (result.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(stats, DraftJson.Options));
            else DraftTables.Stats(output, stats);
            return Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var older = new Argument<string?>("OLD") { Description = "Older version (a file; or use --negotiation and --draft).", Arity = ArgumentArity.ZeroOrOne };
        var newer = new Argument<string?>("NEW") { Description = "Newer version (a file).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var from = new Option<string?>("--from") { Description = "Stored older version's label (default: the one before --to)." };
        var to = new Option<string?>("--to") { Description = "Stored newer version's label (default: the newest)." };
        var stored = new StoredDraftOptions();
        var command = new Command("diff", "What changed between two versions: brackets added, accepted, deleted, changed; words.")
        {
            older, newer, json, FormatOption, from, to,
        };
        stored.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = Writers(result);
            string? a = result.GetValue(older), b = result.GetValue(newer);
            if (stored.Given(result))
                return a is null && b is null
                    ? await StoredDrafts.Diff(result, stored, result.GetValue(from), result.GetValue(to), result.GetValue(json), ct)
                    : Fail(error, "compare two files (OLD NEW) or two stored versions (--negotiation, --draft, --from, --to), not both");
            if (a is null || b is null) return Fail(error, "name two files OLD NEW, or a stored draft with --negotiation ID --draft KEY");
            if (result.GetValue(from) is not null || result.GetValue(to) is not null)
                return Fail(error, "--from and --to name stored versions; add --negotiation ID --draft KEY instead of files");
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

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var stored = new StoredDraftOptions();
        var command = new Command("list", "The drafts stored in a negotiation and their versions.") { json };
        stored.AddTo(command);
        command.SetAction((result, ct) => StoredDrafts.List(result, stored, result.GetValue(json), ct));
        return command;
    }

    private static Argument<string?> FileArgument() =>
        new("FILE") { Description = "Draft file (.md, .txt or .docx); or use --negotiation and --draft.", Arity = ArgumentArity.ZeroOrOne };

    private static Option<string?> VersionOption() =>
        new("--version") { Description = "Stored version's label (with --negotiation and --draft; default: the newest)." };

    /// <summary>The file to work on, or null (a stored draft is named, or the input is wrong: then the error is printed).</summary>
    private static string? Source(ParseResult result, Argument<string?> file, StoredDraftOptions stored, TextWriter error, bool versionGiven)
    {
        var path = result.GetValue(file);
        if (stored.Given(result))
        {
            if (path is not null) Fail(error, "name a draft FILE or a stored draft (--negotiation, --draft), not both");
            return null;
        }
        if (path is null) Fail(error, "name a draft FILE, or a stored draft with --negotiation ID --draft KEY");
        else if (versionGiven)
        {
            Fail(error, "--version names a stored version; add --negotiation ID --draft KEY instead of a file");
            return null;
        }
        return path;
    }

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult result) =>
        (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("parley: " + message);
        return BadInput;
    }

    private static string Plural(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
