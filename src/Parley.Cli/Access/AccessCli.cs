using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Cli.Talks;
using Parley.Core.Access;
using Parley.Data;
using Parley.Data.Access;

namespace Parley.Cli.Access;

/// <summary>
/// What the <c>users</c>, <c>members</c> and <c>tokens</c> commands share: Identity's user manager over the database a
/// command names, the actor the history records, role names as typed, and a store's refusal as one line naming the
/// option. The CLI is the local operator: whoever can open the database may manage users (the trust boundary is
/// database access, as with <c>psql</c>).
/// </summary>
public static class AccessCli
{
    /// <summary>Who the history records for a change made with the CLI: <c>cli:</c> and the operating-system user.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    /// <summary>The role names as typed on the command line, in the enum's order.</summary>
    public static IReadOnlyList<string> RoleNames { get; } = Enum.GetValues<MemberRole>().Select(Name).ToArray();

    /// <summary>
    /// The services Identity needs over <paramref name="db"/> (logging, the context, <see cref="ParleyIdentity.AddParleyIdentityCore"/>),
    /// so that users are created and checked exactly as the server does. Resolve <see cref="UserManager{TUser}"/> from a scope.
    /// </summary>
    /// <remarks>
    /// The context is registered as an instance: the caller opened it, owns it and disposes it; a command uses one
    /// context for its stores and Identity alike.
    /// </remarks>
    public static ServiceProvider Services(ParleyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(db);
        services.AddParleyIdentityCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>The lower-case name of <paramref name="role"/>, as typed and printed.</summary>
    public static string Name(MemberRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Opens and migrates the database, then runs <paramref name="work"/> with Identity's user manager over it.</summary>
    internal static Task<int> WithUsers(Cli cli, string? database, Func<UserManager<ParleyUser>, ParleyDbContext, Task<int>> work) =>
        Storage.Run(cli, database, async (db, _) =>
        {
            await using var services = Services(db);
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>(), db);
        });

    /// <summary>Parses a role as typed (<c>mediator</c>, <c>delegation</c>, …); exact lower-case names only.</summary>
    internal static bool TryParseRole(string? text, out MemberRole role)
    {
        foreach (var candidate in Enum.GetValues<MemberRole>())
        {
            if (Name(candidate) != text) continue;
            role = candidate;
            return true;
        }
        role = default;
        return false;
    }

    /// <summary>
    /// Prints a store's or Core's refusal as <c>parley: --option: message</c> (the option its parameter stands for;
    /// no prefix where the message names the thing itself, as "There is no user 'x'." does) and returns
    /// <see cref="ExitCodes.Failure"/>.
    /// </summary>
    internal static int Fail(Cli cli, ArgumentException e) =>
        Fail(cli, e.ParamName, e.ParamName is { } param ? e.Message.Replace($" (Parameter '{param}')", "", StringComparison.Ordinal) : e.Message);

    /// <summary>Prints a store's <see cref="RuleRefusal"/> the same way (its field standing for the parameter).</summary>
    internal static int Fail(Cli cli, RuleRefusal e) => Fail(cli, e.Field, e.Message);

    private static int Fail(Cli cli, string? field, string message)
    {
        var option = field switch
        {
            "party" => "--party",
            "role" => "--role",
            "negotiation" or "negotiationId" => "--negotiation",
            "name" => "--name",
            _ => null,
        };
        return cli.Fail(option is null ? message : $"{option}: {message}");
    }

    /// <summary>A stored instant as the tables print it: UTC to the minute.</summary>
    internal static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
