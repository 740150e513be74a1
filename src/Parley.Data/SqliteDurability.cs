using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous = FULL</c> on every SQLite connection a context opens. The setting belongs to the
/// connection, not the file, and Microsoft.Data.Sqlite has no connection-string keyword for it, so it is set each time a
/// connection is opened (one statement of a few microseconds; a pooled connection keeps it anyway).
/// </summary>
/// <remarks>
/// In WAL mode FULL syncs the log at every commit, so a write Parley has acknowledged survives a power cut or a crash of
/// the machine; NORMAL syncs only at checkpoints and survives a crash of the process but may lose the last commits on a
/// power cut. Parley promises that an acknowledged write is kept, so FULL; it costs one sync of the log per transaction
/// (about 3–4 ms on a 2-vCPU VM's disk, see docs/reliability.md, "Crash safety"), which is paid once per transaction, not per row.
/// It is also SQLite's compiled default, but a default can change with the native library; here it is stated.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    /// <summary>The value <c>PRAGMA synchronous</c> reads back when FULL is set.</summary>
    internal const int Full = 2;

    /// <summary>One instance serves every context: it holds no state.</summary>
    internal static SqliteDurability Instance { get; } = new();

    private const string Pragma = "PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
