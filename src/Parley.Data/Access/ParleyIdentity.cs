using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Data.Access;

/// <summary>
/// Identity's settings in one place, for the server and the <c>parley</c> CLI alike: user names are the sign-in
/// names (letters, digits, <c>-._@+</c>); passwords of at least 12 characters with no composition rules (NIST SP
/// 800-63B: length over character classes); 5 failed sign-ins lock an account for 15 minutes; passkeys on.
/// </summary>
public static class ParleyIdentity
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Applies Parley's settings to <paramref name="options"/>.</summary>
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>
    /// Registers Identity's user manager over <see cref="ParleyDbContext"/> (which the caller registers) with
    /// <see cref="Configure"/>; the server adds sign-in on top.
    /// </summary>
    public static IdentityBuilder AddParleyIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<ParleyUser>(Configure).AddEntityFrameworkStores<ParleyDbContext>();
}
