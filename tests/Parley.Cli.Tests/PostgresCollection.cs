using Parley.Testing;

namespace Parley.Cli.Tests;

/// <summary>All PostgreSQL test classes share one server (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
