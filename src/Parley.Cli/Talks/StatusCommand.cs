using System.CommandLine;
using Parley.Core.Talks;
using Spectre.Console;
using Parley.Application.Talks;

namespace Parley.Cli.Talks;

/// <summary><c>parley status</c>: what is agreed and what blocks, from a scenario file or the database, as of a date.</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "A stored negotiation's id (or use --scenario).", Arity = ArgumentArity.ZeroOrOne };
        var scenario = new Option<string?>("--scenario", "-s") { Description = "Compute from a scenario file, without a server or database." };
        var asOf = new Option<string?>("--as-of") { Description = "A date (the end of that day, UTC) or a date-time; default: now." };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("status", "Show what is agreed and what blocks, as of a date.") { id, scenario, asOf, json, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var at = TimeProvider.System.GetUtcNow();
            if (parse.GetValue(asOf) is { } text && !AsOf.TryParse(text, out at, out var error)) return cli.Fail($"--as-of: {error}");
            if (parse.GetValue(scenario) is { } path)
            {
                if (!ScenarioCommands.TryReadScenario(cli, path, out var negotiation, out var exit)) return exit;
                return Print(cli, negotiation, at, parse.GetValue(json));
            }
            if (parse.GetValue(id) is not { } key) return cli.Fail("name a stored negotiation's id, or a file with --scenario");
            return await Storage.Run(cli, parse.GetValue(database), async store =>
                await store.LoadAsync(key, ct) is { } negotiation
                    ? Print(cli, negotiation, at, parse.GetValue(json))
                    : cli.Fail($"no negotiation '{key}' in the database"));
        });
        return command;
    }

    private static int Print(Cli cli, Negotiation negotiation, DateTimeOffset asOf, bool json)
    {
        var view = StatusView.From(TalksStatus.Compute(negotiation, asOf));
        if (json)
        {
            cli.WriteJson(view);
            return ExitCodes.Ok;
        }
        var console = cli.Console;
        console.MarkupLineInterpolated($"[bold]{negotiation.Title}[/] as of {view.AsOf:yyyy-MM-dd HH:mm} UTC");
        console.MarkupLineInterpolated($"{view.AgreedIssues} of {view.TotalIssues} issues agreed ({view.AgreedShare:P0}); by weight {view.AgreedShareByWeight:P0}");
        var table = new Table().AddColumns("Issue", "Status", "Agreed option / blockers");
        foreach (var issue in view.Issues)
        {
            var colour = issue.Status switch
            {
                IssueStatus.Agreed => "green",
                IssueStatus.Blocked => "red",
                IssueStatus.Converging => "yellow",
                _ => "default",
            };
            table.AddRow(new Text(issue.Title), new Markup($"[{colour}]{issue.Status}[/]"), new Text(issue.Summary));
        }
        console.Write(table);
        foreach (var offer in view.Proposals.Where(p => p.State == ProposalState.Open && p.TimeLeft is not null))
            console.MarkupLineInterpolated($"Open offer [bold]{offer.Title}[/]: {offer.TimeLeft:%d}d {offer.TimeLeft:hh}h left");
        foreach (var fired in view.FiredContingencies)
            console.MarkupLineInterpolated($"Contingency [bold]{fired.Contingency}[/] of {fired.Owner} fired {fired.FiredAt:yyyy-MM-dd}");
        return ExitCodes.Ok;
    }
}
