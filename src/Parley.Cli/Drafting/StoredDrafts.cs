using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Talks;
using Parley.Core.Drafting;
using Parley.Data;
using Parley.Data.Drafting;
using Spectre.Console;
using Parley.Application.Drafting;

namespace Parley.Cli.Drafting;

/// <summary>The options that name a draft stored in a negotiation instead of a file.</summary>
internal sealed class StoredDraftOptions
{
    /// <summary><c>--negotiation ID</c>.</summary>
    public Option<string?> Negotiation { get; } = new("--negotiation", "-n")
    {
        Description = "A stored negotiation's id: work on its drafts in the database instead of on a file.",
    };

    /// <summary><c>--draft KEY</c>.</summary>
    public Option<string?> Draft { get; } = new("--draft") { Description = "The stored draft's key (berlin-framework)." };

    /// <summary><c>--database</c>, resolved like every other command's.</summary>
    public Option<string?> Database { get; } = CommonOptions.Database();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Negotiation);
        command.Options.Add(Draft);
        command.Options.Add(Database);
    }

    /// <summary>True when the user names a stored draft (or a negotiation).</summary>
    public bool Given(ParseResult result) => result.GetValue(Negotiation) is not null || result.GetValue(Draft) is not null;
}

/// <summary>
/// <c>parley draft</c> on drafts stored in a negotiation: the database is resolved as for <c>status</c> or <c>import</c>
/// (<c>--database</c>, else <c>$PARLEY_DATABASE</c>, else parley.db in the data folder). An unknown negotiation, draft or
/// version is a one-line error and exit 2, never a stack trace.
/// </summary>
internal static class StoredDrafts
{
    /// <summary>Runs <paramref name="work"/> on the negotiation's drafts once the negotiation and the draft key are known to be good.</summary>
    public static Task<int> Run(ParseResult result, StoredDraftOptions options, bool needsDraft,
        Func<Cli, DraftStore, NegotiationStore, string, string, Task<int>> work)
    {
        var cli = new Cli(result);
        if (result.GetValue(options.Negotiation) is not { } negotiation) return Task.FromResult(cli.Fail("--negotiation ID is required with --draft"));
        var draft = result.GetValue(options.Draft);
        if (needsDraft && draft is null) return Task.FromResult(cli.Fail("--draft KEY is required with --negotiation"));
        if (draft is not null && !Core.Talks.Key.IsValid(draft))
            return Task.FromResult(cli.Fail($"--draft: '{draft}' is not a valid draft key (a letter or digit, then letters, digits, '-', '_', '.')"));
        return Storage.Run(cli, result.GetValue(options.Database), async (db, store) =>
        {
            if (!await store.ExistsAsync(negotiation)) return cli.Fail($"no negotiation '{negotiation}' in the database");
            return await work(cli, new DraftStore(db, TimeProvider.System), store, negotiation, draft ?? "");
        });
    }

    /// <summary><c>draft list</c>: the drafts and their versions.</summary>
    public static Task<int> List(ParseResult result, StoredDraftOptions options, bool json, CancellationToken ct) =>
        Run(result, options, needsDraft: false, async (cli, drafts, _, negotiation, _) =>
        {
            var all = await drafts.ListAsync(negotiation, ct);
            if (json)
            {
                cli.WriteJson(all);
                return ExitCodes.Ok;
            }
            if (all.Count == 0) cli.Error.WriteLine($"'{negotiation}' has no draft.");
            var table = new Table().AddColumns("draft", "version", "date", "author", "format", "characters");
            foreach (var d in all)
                foreach (var v in d.Versions)
                    table.AddRow(Markup.Escape(d.Draft), Markup.Escape(v.Version), v.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        Markup.Escape(v.Author ?? ""), v.Format == DraftFormat.Markdown ? "md" : "text", v.Characters.ToString("N0", CultureInfo.InvariantCulture));
            if (all.Count > 0) cli.Console.Write(table);
            return ExitCodes.Ok;
        });

    /// <summary>Loads one version (<c>latest</c> by default), or prints why it cannot and returns null.</summary>
    public static async Task<DraftVersion?> Version(Cli cli, DraftStore drafts, string negotiation, string draft, string? label, CancellationToken ct)
    {
        var versions = await drafts.VersionsAsync(negotiation, draft, ct);
        if (versions.Count == 0)
        {
            var keys = (await drafts.ListAsync(negotiation, ct)).Select(d => d.Draft).ToArray();
            cli.Fail($"no draft '{draft}' in '{negotiation}' ({(keys.Length == 0 ? "it has no draft" : "drafts: " + string.Join(", ", keys))})");
            return null;
        }
        if (await drafts.LoadVersionAsync(negotiation, draft, label ?? "latest", ct) is { } version) return version;
        cli.Fail($"no version '{label}' of draft '{draft}' (versions: {string.Join(", ", versions.Select(v => v.Version))})");
        return null;
    }

    /// <summary><c>draft stats --negotiation --draft [--version]</c>.</summary>
    public static Task<int> Stats(ParseResult result, StoredDraftOptions options, string? label, bool json, CancellationToken ct) =>
        Run(result, options, needsDraft: true, async (cli, drafts, _, negotiation, draft) =>
        {
            if (await Version(cli, drafts, negotiation, draft, label, ct) is not { } version) return ExitCodes.Failure;
            var stats = DraftJson.Stats($"{draft}/{version.Label}", version.Document);
            if (json) cli.Out.WriteLine(JsonSerializer.Serialize(stats, DraftJson.Options));
            else DraftTables.Stats(cli.Out, stats);
            return ExitCodes.Ok;
        });

    /// <summary><c>draft check --negotiation --draft [--version]</c>: problems as <c>DRAFT/VERSION:LINE:COL message</c>.</summary>
    public static Task<int> Check(ParseResult result, StoredDraftOptions options, string? label, CancellationToken ct) =>
        Run(result, options, needsDraft: true, async (cli, drafts, _, negotiation, draft) =>
        {
            if (await Version(cli, drafts, negotiation, draft, label, ct) is not { } version) return ExitCodes.Failure;
            var name = $"{draft}/{version.Label}";
            var document = version.Document;
            ProblemPrinter.Print(cli.Out, name, document);
            cli.Error.WriteLine($"{name}: {document.Problems.Count} problem(s), {document.Warnings.Count} warning(s), {document.Metrics.Opens} opening bracket(s)");
            return document.Problems.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
        });

    /// <summary>
    /// <c>draft diff --negotiation --draft [--from V1] [--to V2]</c>: as the API, <c>--to</c> defaults to the newest version
    /// and <c>--from</c> to the one before <c>--to</c>.
    /// </summary>
    public static Task<int> Diff(ParseResult result, StoredDraftOptions options, string? from, string? to, bool json, CancellationToken ct) =>
        Run(result, options, needsDraft: true, async (cli, drafts, _, negotiation, draft) =>
        {
            if (await Version(cli, drafts, negotiation, draft, to, ct) is not { } newer) return ExitCodes.Failure;
            DraftVersion? older;
            if (from is not null) older = await Version(cli, drafts, negotiation, draft, from, ct);
            else
            {
                var labels = (await drafts.VersionsAsync(negotiation, draft, ct)).Select(v => v.Version).ToList();
                var at = labels.FindIndex(l => string.Equals(l, newer.Label, StringComparison.Ordinal));
                if (at <= 0) return cli.Fail($"version '{newer.Label}' is the first of draft '{draft}'; name one to compare with --from");
                older = await Version(cli, drafts, negotiation, draft, labels[at - 1], ct);
            }
            if (older is null) return ExitCodes.Failure;
            var diff = DraftJson.Diff($"{draft}/{older.Label}", $"{draft}/{newer.Label}", DraftDiffer.Compare(older.Document, newer.Document));
            if (json) cli.Out.WriteLine(JsonSerializer.Serialize(diff, DraftJson.Options));
            else DraftTables.Diff(cli.Out, diff);
            return ExitCodes.Ok;
        });
}
