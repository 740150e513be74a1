using Parley.Data;

namespace Parley.Cli.Talks;

/// <summary>Opens the database a command names (migrating it on first use) and reports failures in one line.</summary>
public static class Storage
{
    /// <summary>Runs <paramref name="work"/> on a store over <paramref name="database"/>; a database that cannot be opened is a one-line error.</summary>
    public static Task<int> Run(Cli cli, string? database, Func<NegotiationStore, Task<int>> work) =>
        Run(cli, database, (_, store) => work(store));

    /// <summary>As <see cref="Run(Cli, string?, Func{NegotiationStore, Task{int}})"/>, also handing over the context (for other stores).</summary>
    public static Task<int> Run(Cli cli, string? database, Func<ParleyDbContext, NegotiationStore, Task<int>> work) =>
        Run(cli, null, database, work);

    /// <summary>
    /// As <see cref="Run(Cli, string?, Func{ParleyDbContext, NegotiationStore, Task{int}})"/> on the database
    /// <paramref name="early"/> began to open (<see cref="OpenEarly"/>); when it is null, the database is opened here.
    /// </summary>
    public static async Task<int> Run(Cli cli, EarlyOpening? early, string? database, Func<ParleyDbContext, NegotiationStore, Task<int>> work)
    {
        ParleyDbContext db;
        try
        {
            db = early is null ? await OpenAsync(database) : await early.TakeAsync();
        }
        catch (ParleyDatabaseException e)
        {
            return cli.Fail(e.Message);
        }
        await using (db)
            return await work(db, new NegotiationStore(db, TimeProvider.System));
    }

    /// <summary>
    /// Starts opening and migrating <paramref name="database"/> on another thread, for a command that first reads a large
    /// file: in a fresh process that is a few hundred milliseconds of EF Core's model, its migration check and their code,
    /// which then overlap the reading. Only where opening creates nothing — an existing SQLite file or a PostgreSQL server —
    /// so that a command which stops at its input leaves no new database behind; null otherwise (open with
    /// <see cref="Run(Cli, EarlyOpening?, string?, Func{ParleyDbContext, NegotiationStore, Task{int}})"/> as usual).
    /// </summary>
    public static EarlyOpening? OpenEarly(string? database)
    {
        var target = string.IsNullOrWhiteSpace(database) ? ParleyDatabase.DefaultSqlitePath() : database.Trim();
        if (!ParleyDatabase.IsPostgres(target) && !File.Exists(target)) return null;
        return new EarlyOpening(Task.Run(() => OpenAsync(database)));
    }

    private static async Task<ParleyDbContext> OpenAsync(string? database)
    {
        var db = ParleyDatabase.Open(database);
        try
        {
            await ParleyDatabase.MigrateAsync(db);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database being opened in the background: taken once by the command, or closed when it is disposed untaken.</summary>
    public sealed class EarlyOpening : IAsyncDisposable
    {
        private readonly Task<ParleyDbContext> _opening;
        private bool _taken;

        internal EarlyOpening(Task<ParleyDbContext> opening) => _opening = opening;

        /// <summary>The opened, migrated context, now owned by the caller.</summary>
        /// <exception cref="ParleyDatabaseException">It could not be opened.</exception>
        internal async Task<ParleyDbContext> TakeAsync()
        {
            _taken = true;
            return await _opening;
        }

        /// <summary>Waits for the opening and closes what it opened, unless the command took it.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_taken) return;
            _taken = true;
            try
            {
                await (await _opening).DisposeAsync();
            }
            catch (ParleyDatabaseException)
            {
                // Never taken: the command stopped before it needed the database, so the failure is not its to report.
            }
        }
    }
}
