using Microsoft.EntityFrameworkCore;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

public abstract partial class PersistenceTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryTable()
    {
        await using var empty = await CreateDatabaseAsync();
        await using var db = empty.Open();

        await ParleyDatabase.MigrateAsync(db);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Every mapped table answers a query.
        Assert.Equal(0, await db.Negotiations.CountAsync() + await db.Parties.CountAsync() + await db.Issues.CountAsync()
            + await db.Statements.CountAsync() + await db.Positions.CountAsync() + await db.Proposals.CountAsync()
            + await db.Agreements.CountAsync() + await db.Rounds.CountAsync() + await db.WorkingGroups.CountAsync()
            + await db.Contingencies.CountAsync() + await db.History.CountAsync() + await db.HistoryHead.CountAsync());
    }

    [Fact]
    public async Task Migrate_AlreadyMigrated_KeepsData()
    {
        await ImportAsync(Samples.Small());

        await using (var db = Open()) await ParleyDatabase.MigrateAsync(db);

        Assert.Equal(Snapshot.Of(Samples.Small()), Snapshot.Of(await LoadAsync("small")));
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await using var db = Open();

        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for this provider (see docs/storage.md).");
    }
}
