namespace Parley.Server.Tests;

/// <summary>A test class running the app, with the Berlin demo, on a SQLite file of its own, dropped afterwards.</summary>
public abstract class SqliteAppTest : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();

    /// <summary>The app.</summary>
    protected ParleyFactory Factory { get; private set; } = null!;

    /// <summary>The SQLite file the app runs on.</summary>
    protected string DatabasePath { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        DatabasePath = await _database.CreateAsync();
        Factory = new ParleyFactory(DatabasePath);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DropAsync();
    }
}
