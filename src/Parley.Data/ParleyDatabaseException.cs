namespace Parley.Data;

/// <summary>
/// The database cannot be used: PostgreSQL unreachable or refusing the login, a SQLite file that cannot be
/// created or opened, a malformed connection string, or stored data that no longer forms a valid negotiation.
/// The message is one line meant for the user (the CLI prints it as is); the cause is in
/// <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class ParleyDatabaseException(string message, Exception? inner = null) : Exception(message, inner);
