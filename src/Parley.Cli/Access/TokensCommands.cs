using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Cli.Talks;
using Parley.Core.Talks;
using Parley.Data.Access;
using Spectre.Console;

namespace Parley.Cli.Access;

/// <summary>
/// <c>parley tokens create / list / revoke</c>: personal API tokens. The secret is printed once, when created; the
/// database keeps only its SHA-256 (<see cref="TokenStore"/>).
/// </summary>
public static class TokensCommands
{
    /// <summary>Builds <c>parley tokens</c>.</summary>
    public static Command Create() => new("tokens", "Manage personal API tokens.") { CreateToken(), List(), Revoke() };

    private static Command CreateToken()
    {
        var user = new Argument<string>("user") { Description = "The user the token acts as." };
        var negotiation = new Option<string?>("--negotiation", "-n") { Description = "Limit the token to this negotiation (default: every one the user is a member of)." };
        var name = new Option<string>("--name") { Description = "A label for the user's list.", DefaultValueFactory = _ => "cli" };
        var expires = new Option<string?>("--expires") { Description = "When it stops working: a date (valid through that day, UTC) or a date-time; default: never." };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("create", "Create a token and print its secret, once (just the secret, so $(parley tokens create …) captures it).")
        {
            user, negotiation, name, expires, json, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            DateTimeOffset? until = null;
            if (parse.GetValue(expires) is { } text)
            {
                if (!AsOf.TryParse(text, out var at, out var error)) return cli.Fail($"--expires: {error}");
                if (at <= TimeProvider.System.GetUtcNow()) return cli.Fail($"--expires: {text} has passed");
                until = at;
            }
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                string id, secret;
                try
                {
                    (id, secret) = await new TokenStore(db, TimeProvider.System)
                        .CreateAsync(parse.GetValue(user)!, parse.GetValue(name)!, parse.GetValue(negotiation), until, ct);
                }
                catch (ArgumentException e)
                {
                    return AccessCli.Fail(cli, e);
                }
                catch (RuleRefusal e)
                {
                    return AccessCli.Fail(cli, e);
                }
                if (parse.GetValue(json)) cli.WriteJson(new { token = secret, id });
                else
                {
                    cli.Out.WriteLine(secret);
                    cli.Error.WriteLine($"token {id}: keep the secret above now; it is not shown again");
                }
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command List()
    {
        var user = new Argument<string>("user") { Description = "The owner." };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("list", "List a user's tokens (never their secrets), newest first.") { user, json, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var name = parse.GetValue(user)!;
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                var normalized = name.Trim().ToUpperInvariant();
                if (!await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct)) return cli.Fail($"There is no user '{name}'.");
                var tokens = await new TokenStore(db, TimeProvider.System).ListAsync(name, ct);
                if (parse.GetValue(json))
                {
                    cli.WriteJson(tokens);
                    return ExitCodes.Ok;
                }
                var now = TimeProvider.System.GetUtcNow();
                var table = new Table().AddColumns("id", "name", "negotiation", "created (UTC)", "expires (UTC)", "state");
                foreach (var t in tokens)
                {
                    var state = t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "valid";
                    table.AddRow(t.Id, Markup.Escape(t.Name), Markup.Escape(t.NegotiationId ?? "(all)"), AccessCli.Time(t.CreatedAt), AccessCli.Time(t.ExpiresAt), state);
                }
                cli.Console.Write(table);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The token's id (as listed)." };
        var database = CommonOptions.Database();
        var command = new Command("revoke", "Revoke a token; exit code 1 when there is no such valid token.") { id, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var key = parse.GetValue(id)!;
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                if (!await new TokenStore(db, TimeProvider.System).RevokeAsync(key, ct: ct))
                {
                    cli.Error.WriteLine($"parley: no valid token '{key}' (unknown, or already revoked)");
                    return ExitCodes.Problems;
                }
                cli.Out.WriteLine($"revoked token {key}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
