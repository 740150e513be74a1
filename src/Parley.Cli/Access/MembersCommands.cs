using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Cli.Talks;
using Parley.Data.Access;
using Spectre.Console;

namespace Parley.Cli.Access;

/// <summary>
/// <c>parley members add / remove / list</c>: who takes part in a negotiation, in which role, for which party.
/// Every grant and revocation is a history entry (<c>membership.granted</c>, <c>membership.revoked</c>) whose actor is
/// <see cref="AccessCli.Actor"/>.
/// </summary>
public static class MembersCommands
{
    /// <summary>Builds <c>parley members</c>.</summary>
    public static Command Create() => new("members", "Manage who takes part in a negotiation, and in which role.") { Add(), Remove(), List() };

    private static Option<string> Negotiation() => new("--negotiation", "-n") { Description = "The negotiation's id.", Required = true };

    private static Option<string> User() => new("--user", "-u") { Description = "The user's sign-in name.", Required = true };

    private static Command Add()
    {
        var negotiation = Negotiation();
        var user = User();
        var role = new Option<string>("--role", "-r") { Description = $"One of: {string.Join(", ", AccessCli.RoleNames)}.", Required = true };
        var party = new Option<string?>("--party", "-p") { Description = "The party a delegation (always) or a guarantor (optionally) speaks for." };
        var database = CommonOptions.Database();
        var command = new Command("add", "Grant a user a role in a negotiation (replacing the role the user held there).")
        {
            negotiation, user, role, party, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            if (!AccessCli.TryParseRole(parse.GetValue(role), out var parsed))
                return cli.Fail($"--role: '{parse.GetValue(role)}' is not a role; use one of {string.Join(", ", AccessCli.RoleNames)}");
            var (id, name, speaksFor) = (parse.GetValue(negotiation)!, parse.GetValue(user)!, parse.GetValue(party));
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                try
                {
                    await new MembershipStore(db, TimeProvider.System).GrantAsync(id, name, parsed, speaksFor, AccessCli.Actor, ct);
                }
                catch (ArgumentException e)
                {
                    return AccessCli.Fail(cli, e);
                }
                catch (RuleRefusal e)
                {
                    return AccessCli.Fail(cli, e);
                }
                cli.Out.WriteLine($"granted '{name}' the role {AccessCli.Name(parsed)}{(speaksFor is null ? "" : $" for {speaksFor}")} in '{id}'");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Remove()
    {
        var negotiation = Negotiation();
        var user = User();
        var database = CommonOptions.Database();
        var command = new Command("remove", "Revoke a user's membership of a negotiation; exit code 1 when there was none.") { negotiation, user, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var (id, name) = (parse.GetValue(negotiation)!, parse.GetValue(user)!);
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                bool removed;
                try
                {
                    removed = await new MembershipStore(db, TimeProvider.System).RevokeAsync(id, name, AccessCli.Actor, ct);
                }
                catch (ArgumentException e)
                {
                    return AccessCli.Fail(cli, e);
                }
                catch (RuleRefusal e)
                {
                    return AccessCli.Fail(cli, e);
                }
                if (!removed)
                {
                    cli.Error.WriteLine($"parley: '{name}' is not a member of '{id}'");
                    return ExitCodes.Problems;
                }
                cli.Out.WriteLine($"'{name}' is no longer a member of '{id}'");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command List()
    {
        var negotiation = Negotiation();
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("list", "List a negotiation's members.") { negotiation, json, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var id = parse.GetValue(negotiation)!;
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                if (!await db.Negotiations.AnyAsync(n => n.Id == id, ct)) return cli.Fail($"no negotiation '{id}' in the database");
                var members = await new MembershipStore(db, TimeProvider.System).ListAsync(id, ct);
                if (parse.GetValue(json))
                {
                    // The store's record is the shape: {user, role, party, grantedAt, grantedBy}, role in lower case.
                    cli.WriteJson(members);
                    return ExitCodes.Ok;
                }
                var table = new Table().AddColumns("user", "role", "party", "granted at (UTC)", "by");
                foreach (var m in members)
                    table.AddRow(Markup.Escape(m.User), AccessCli.Name(m.Role), Markup.Escape(m.Party ?? ""), AccessCli.Time(m.GrantedAt), Markup.Escape(m.GrantedBy));
                cli.Console.Write(table);
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
