using Parley.Data;

namespace Parley.Cli.Talks;

/// <summary>Opens the database a command names (migrating it on first use) and reports failures in one line.</summary>
public static class Storage
{
    /// <summary>Runs <paramref name="work"/> on a store over <paramref name="database"/>; a database that cannot be opened is a one-line error.</summary>
    public static Task<int> Run(Cli cli, string? database, Func<NegotiationStore, Task<int>> work) =>
        Run(cli, database, (_, store) => work(store));

    /// <summary>As <see cref="Run(Cli, string?, Func{NegotiationStore, Task{int}})"/>, also handing over the context (for other stores).</summary>
    public static async Task<int> Run(Cli cli, string? database, Func<ParleyDbContext, NegotiationStore, Task<int>> work)
    {
        ParleyDbContext db;
        try
        {
            db = ParleyDatabase.Open(database);
            await ParleyDatabase.MigrateAsync(db);
        }
        catch (ParleyDatabaseException e)
        {
            return cli.Fail(e.Message);
        }
        await using (db)
            return await work(db, new NegotiationStore(db, TimeProvider.System));
    }
}
