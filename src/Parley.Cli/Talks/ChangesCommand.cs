using System.CommandLine;
using Parley.Core.Talks;

namespace Parley.Cli.Talks;

/// <summary><c>parley changes</c>: what changed in the talks since a date.</summary>
public static class ChangesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "A stored negotiation's id (or use --scenario).", Arity = ArgumentArity.ZeroOrOne };
        var scenario = new Option<string?>("--scenario", "-s") { Description = "Compute from a scenario file, without a database." };
        var since = new Option<string>("--since") { Description = "The earlier date (exclusive; a bare date is the end of that day, UTC).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The later date (inclusive); default: now." };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("changes", "Show what changed in the talks since a date.") { id, scenario, since, asOf, json, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            if (!AsOf.TryParse(parse.GetValue(since), out var from, out var error)) return cli.Fail($"--since: {error}");
            var to = TimeProvider.System.GetUtcNow();
            if (parse.GetValue(asOf) is { } text && !AsOf.TryParse(text, out to, out error)) return cli.Fail($"--as-of: {error}");
            if (from > to) return cli.Fail("--since must not be after --as-of");
            if (parse.GetValue(scenario) is { } path)
                return ScenarioCommands.TryReadScenario(cli, path, out var negotiation, out var exit)
                    ? Print(cli, TalksChanges.Between(negotiation, from, to), parse.GetValue(json))
                    : exit;
            if (parse.GetValue(id) is not { } key) return cli.Fail("name a stored negotiation's id, or a file with --scenario");
            return await Storage.Run(cli, parse.GetValue(database), async store =>
                await store.LoadAsync(key, ct) is { } negotiation
                    ? Print(cli, TalksChanges.Between(negotiation, from, to), parse.GetValue(json))
                    : cli.Fail($"no negotiation '{key}' in the database"));
        });
        return command;
    }

    private static int Print(Cli cli, ChangeReport report, bool json)
    {
        if (json)
        {
            cli.WriteJson(report);
            return ExitCodes.Ok;
        }
        cli.Out.WriteLine($"From {report.Since:yyyy-MM-dd HH:mm} to {report.AsOf:yyyy-MM-dd HH:mm} UTC: agreed share {report.AgreedShareBefore:P0} → {report.AgreedShareAfter:P0}");
        foreach (var issue in report.Issues)
            cli.Out.WriteLine($"  {issue.Title}: {issue.Before} → {issue.After}" + (issue.AgreedAfter is { } o && o != issue.AgreedBefore ? $" ({o})" : ""));
        cli.Out.WriteLine($"{report.Items.Count} item(s) dated in between:");
        foreach (var item in report.Items)
            cli.Out.WriteLine($"  {item.At:yyyy-MM-dd HH:mm}  {item.Kind,-10} {item.Id}" + (item.Party is { } p ? $"  by {p}" : "") + (item.Issue is { } i ? $"  on {i}" : ""));
        return ExitCodes.Ok;
    }
}
