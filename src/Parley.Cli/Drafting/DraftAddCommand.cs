using Parley.Core;
using System.CommandLine;
using System.Globalization;
using Parley.Core.Drafting;

namespace Parley.Cli.Drafting;

/// <summary>
/// <c>parley draft add --negotiation ID --draft KEY --version V FILE [--date D] [--author A]</c>: stores a file as the newest
/// version of a draft (creating the draft with its first version), as the API's upload does. Exit 1 when the text has
/// unbalanced brackets (unless <c>--accept-problems</c>) or links that name an issue or option the negotiation does not have,
/// each printed as <c>FILE:LINE:COL message</c>; exit 2 when the input cannot be used (unknown negotiation, label used, date
/// before the last version's, bad option). Nothing is stored on any error.
/// </summary>
internal static class DraftAddCommand
{
    /// <summary>Builds the command; <paramref name="format"/> is the shared <c>--format</c> option.</summary>
    public static Command Create(Option<string?> format)
    {
        var file = new Argument<string>("FILE") { Description = "The version's text (.md, .txt or .docx)." };
        var label = new Option<string>("--version") { Description = "The version's label (\"16 Dec\", \"rev.2\").", Required = true };
        var date = new Option<string?>("--date") { Description = "The day it was tabled (yyyy-MM-dd)." };
        var author = new Option<string?>("--author") { Description = "Who tabled it (a party id, \"co-chairs\")." };
        var acceptProblems = new Option<bool>("--accept-problems") { Description = "Store the text even if brackets do not balance." };
        var actor = new Option<string>("--actor") { Description = "Who is adding it, for the history log.", DefaultValueFactory = _ => Environment.UserName };
        var stored = new StoredDraftOptions();
        var command = new Command("add", "Store a file as the newest version of a draft of a stored negotiation.")
        {
            file, label, date, author, format, acceptProblems, actor,
        };
        stored.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var cli = new Cli(result);
            if (result.GetValue(stored.Negotiation) is null || result.GetValue(stored.Draft) is null)
                return cli.Fail("name the draft with --negotiation ID --draft KEY");
            DateOnly? day = null;
            if (result.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return cli.Fail($"--date: '{text}' is not a date (yyyy-MM-dd)");
                day = d;
            }
            string path = result.GetValue(file)!;
            var (document, failure) = DraftInput.Load(path, result.GetValue(format));
            if (document is null) return cli.Fail(failure!);
            if (document.Text.Trim().Length == 0) return cli.Fail($"{path}: the draft is empty");
            DraftVersion version;
            try
            {
                version = new DraftVersion(result.GetValue(label)!, day, document, result.GetValue(author));
            }
            catch (ArgumentException e)
            {
                var option = e.ParamName == "author" ? "--author" : "--version";
                return cli.Fail($"{option}: {e.Reason()}");
            }
            if (document.Problems.Count > 0 && !result.GetValue(acceptProblems))
            {
                ProblemPrinter.Print(cli.Out, document.Problems.Select(p => p.Source(path)));
                cli.Error.WriteLine($"{path}: {document.Problems.Count} problem(s); nothing was stored (--accept-problems stores it as it is).");
                return ExitCodes.Problems;
            }
            return await StoredDrafts.Run(result, stored, needsDraft: true, async (c, drafts, talks, negotiation, draft) =>
            {
                // A link the negotiation cannot resolve would make its scenario export unreadable: refuse it here.
                var links = DraftLinks.Check(document, (await talks.LoadAsync(negotiation, ct))!);
                if (links.Count > 0)
                {
                    ProblemPrinter.Print(c.Out, links.Select(p => p with { File = path }));
                    c.Error.WriteLine($"{path}: {links.Count} link(s) to issues or options '{negotiation}' does not have; nothing was stored.");
                    return ExitCodes.Problems;
                }
                try
                {
                    if (!await drafts.AddVersionAsync(negotiation, draft, version, result.GetValue(actor)!, ct))
                        return c.Fail($"no negotiation '{negotiation}' in the database");
                }
                catch (RuleRefusal e)
                {
                    return c.Fail($"{(e.Field == "text" ? path : "--" + e.Field)}: {e.Message}");
                }
                var m = document.Metrics;
                c.Out.WriteLine($"stored {draft}/{version.Label} in '{negotiation}' — {m.Opens} opening bracket(s), agreed share {m.AgreedShare.ToString("P1", CultureInfo.InvariantCulture)}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
