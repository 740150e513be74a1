using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Cli.Talks;
using Parley.Data;
using Parley.Data.Access;
using Spectre.Console;

namespace Parley.Cli.Access;

/// <summary>A user as <c>parley users list</c> prints it.</summary>
/// <param name="Name">The sign-in name.</param>
/// <param name="Administrator">True for an instance administrator.</param>
/// <param name="HasPassword">True when the user can sign in with a password.</param>
/// <param name="Passkeys">How many passkeys the user has registered.</param>
public sealed record UserSummary(string Name, bool Administrator, bool HasPassword, int Passkeys);

/// <summary>
/// <c>parley users add / list / set-admin</c>: accounts, created through Identity's <see cref="UserManager{TUser}"/>
/// with the server's settings (<see cref="ParleyIdentity"/>), so passwords are hashed and checked exactly as at sign-in.
/// </summary>
public static class UsersCommands
{
    /// <summary>Builds <c>parley users</c>; <paramref name="input"/> stands for standard input (tests pass a reader).</summary>
    public static Command Create(TextReader? input = null) =>
        new("users", "Manage the people who sign in.") { Add(input), List(), SetAdmin() };

    private static Command Add(TextReader? input)
    {
        var user = new Argument<string>("user") { Description = "The sign-in name (letters, digits and -._@+)." };
        var admin = new Option<bool>("--admin") { Description = "Make the user an instance administrator (creates negotiations, grants memberships)." };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from the first line of standard input. Without it the user has no password "
                + "and signs in only with a passkey or an external login, once one is added.",
        };
        var database = CommonOptions.Database();
        var command = new Command("add", "Add a user.") { user, admin, passwordStdin, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                // ReadLine drops the line's end ("\n" or "\r\n") and nothing else: spaces belong to the password.
                password = (input ?? Console.In).ReadLine();
                if (password is null) return cli.Fail("--password-stdin: standard input is empty");
            }
            var name = parse.GetValue(user)!;
            return await AccessCli.WithUsers(cli, parse.GetValue(database), async (users, _) =>
            {
                var created = new ParleyUser { UserName = name, IsAdministrator = parse.GetValue(admin) };
                var result = password is null ? await users.CreateAsync(created) : await users.CreateAsync(created, password);
                if (!result.Succeeded) return Fail(cli, result);
                var how = password is null ? "no password: signs in with a passkey or an external login once one is added" : "password set";
                cli.Out.WriteLine($"added user '{created.UserName}'{(created.IsAdministrator ? ", administrator" : "")} ({how})");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("list", "List the users: administrator or not, password or not, how many passkeys.") { json, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                var summaries = await SummariesAsync(db, ct);
                if (parse.GetValue(json))
                {
                    cli.WriteJson(summaries);
                    return ExitCodes.Ok;
                }
                var table = new Table().AddColumns("user", "administrator", "password").AddColumn(new TableColumn("passkeys").RightAligned());
                foreach (var u in summaries)
                    table.AddRow(Markup.Escape(u.Name), u.Administrator ? "yes" : "", u.HasPassword ? "yes" : "", u.Passkeys.ToString(System.Globalization.CultureInfo.InvariantCulture));
                cli.Console.Write(table);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command SetAdmin()
    {
        var user = new Argument<string>("user") { Description = "The sign-in name." };
        var admin = new Option<bool?>("--admin") { Description = "true or false.", HelpName = "true|false", Required = true, Arity = ArgumentArity.ExactlyOne };
        var database = CommonOptions.Database();
        var command = new Command("set-admin", "Make a user an instance administrator, or no longer one.") { user, admin, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var name = parse.GetValue(user)!;
            return await AccessCli.WithUsers(cli, parse.GetValue(database), async (users, _) =>
            {
                if (await users.FindByNameAsync(name) is not { } found) return cli.Fail($"There is no user '{name}'.");
                found.IsAdministrator = parse.GetValue(admin)!.Value;
                var result = await users.UpdateAsync(found);
                if (!result.Succeeded) return Fail(cli, result);
                cli.Out.WriteLine(found.IsAdministrator ? $"'{found.UserName}' is an administrator" : $"'{found.UserName}' is not an administrator");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static async Task<IReadOnlyList<UserSummary>> SummariesAsync(ParleyDbContext db, CancellationToken ct)
    {
        var passkeys = await db.Set<IdentityUserPasskey<string>>().GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UserId, g => g.Count, ct);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.IsAdministrator, HasPassword = u.PasswordHash != null }).ToListAsync(ct);
        return users.Select(u => new UserSummary(u.UserName ?? "", u.IsAdministrator, u.HasPassword, passkeys.GetValueOrDefault(u.Id)))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ToArray();
    }

    // Identity checks everything before it writes: a refused user leaves nothing behind.
    private static int Fail(Cli cli, IdentityResult result)
    {
        foreach (var error in result.Errors) cli.Fail(error.Description);
        return ExitCodes.Failure;
    }
}
