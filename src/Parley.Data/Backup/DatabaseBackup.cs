using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Parley.Data.Backup;

/// <summary>What a backup file holds: a SQLite database file, or a PostgreSQL custom-format dump (<c>pg_dump -Fc</c>).</summary>
public enum BackupKind
{
    /// <summary>A complete SQLite database file, opened by any SQLite tool.</summary>
    Sqlite,

    /// <summary>A <c>pg_dump --format=custom</c> archive, restored with <c>pg_restore</c>.</summary>
    PostgresDump,
}

/// <summary>
/// Online backups and restores of a Parley database, while the app runs. SQLite: SQLite's online backup API copies every
/// page inside one read transaction, so the copy is the database as of one moment, writers before it committed and
/// after it absent. PostgreSQL: <c>pg_dump</c> from the PATH, which reads everything in one repeatable-read snapshot; a
/// restore runs <c>pg_restore</c> in one transaction. A restore goes into an empty database only (no negotiation,
/// no user), unless forced, and a backup of one provider restores into the same provider.
/// </summary>
public static class DatabaseBackup
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] DumpMagic = "PGDMP"u8.ToArray();

    /// <summary>Writes a backup of <paramref name="database"/> to <paramref name="file"/> (replaced if it exists).</summary>
    /// <exception cref="ParleyDatabaseException">The database cannot be read, the file cannot be written, or pg_dump failed or is missing.</exception>
    public static async Task<BackupKind> BackupAsync(string? database, string file, CancellationToken ct = default)
    {
        await using var db = ParleyDatabase.Open(database);
        var output = Path.GetFullPath(file);
        var partial = output + ".partial"; // a failed or interrupted backup never leaves a file that looks complete
        try
        {
            if (db is PostgresParleyDbContext)
            {
                await PgToolAsync("pg_dump", db, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
                File.Move(partial, output, overwrite: true);
                return BackupKind.PostgresDump;
            }
            if (!SqliteFileExists(db, out var source)) throw new ParleyDatabaseException($"No database to back up: {db.Target} does not exist.");
            File.Delete(partial);
            await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                // One self-contained file: the copy keeps no WAL beside it.
                await using var journal = to.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                await journal.ExecuteNonQueryAsync(ct);
            }
            File.Move(partial, output, overwrite: true);
            return BackupKind.Sqlite;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new ParleyDatabaseException($"Cannot back up {db.Target} to {output}: {e.Message}", e);
        }
    }

    /// <summary>What <paramref name="file"/> holds, by its first bytes; null when it is neither kind.</summary>
    public static BackupKind? KindOf(string file)
    {
        using var stream = File.OpenRead(file);
        var head = new byte[SqliteMagic.Length];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == head.Length && head.AsSpan().SequenceEqual(SqliteMagic)) return BackupKind.Sqlite;
        if (read >= DumpMagic.Length && head.AsSpan(0, DumpMagic.Length).SequenceEqual(DumpMagic)) return BackupKind.PostgresDump;
        return null;
    }

    /// <summary>
    /// True when <paramref name="database"/> holds no negotiation and no user (or no Parley tables, or, for SQLite, no
    /// file): what a restore may go into without <c>--force</c>.
    /// </summary>
    public static async Task<bool> IsEmptyAsync(string? database, CancellationToken ct = default)
    {
        await using var db = ParleyDatabase.Open(database);
        try
        {
            if (db is SqliteParleyDbContext && !SqliteFileExists(db, out _)) return true;
            if (db is PostgresParleyDbContext && !await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions
                    .GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db).ExistsAsync(ct)) return true;
            var tables = (await db.Database.SqlQueryRaw<string>(db is PostgresParleyDbContext
                ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()"
                : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            if (tables.Count == 0) return true;
            if (!tables.Contains("negotiations") || !tables.Contains("users")) return false; // something else lives there
            return !await db.Negotiations.AnyAsync(ct) && !await db.Users.AnyAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException)
        {
            throw new ParleyDatabaseException($"Cannot read {db.Target}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Restores <paramref name="file"/> (from <see cref="BackupAsync"/>) into <paramref name="database"/>, replacing what it
    /// holds; callers check <see cref="IsEmptyAsync"/> first. A PostgreSQL database is created when missing and the role may.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">The file is not a backup of the target's kind, or the restore failed (nothing restored on PostgreSQL).</exception>
    public static async Task RestoreAsync(string file, string? database, CancellationToken ct = default)
    {
        await using var db = ParleyDatabase.Open(database);
        var kind = KindOf(file) ?? throw new ParleyDatabaseException($"{file} is not a Parley backup (neither a SQLite file nor a pg_dump archive).");
        var expected = db is PostgresParleyDbContext ? BackupKind.PostgresDump : BackupKind.Sqlite;
        if (kind != expected)
            throw new ParleyDatabaseException($"{file} is a {Describe(kind)} and {db.Target} needs a {Describe(expected)}: a backup restores into the same kind of database.");
        try
        {
            if (db is PostgresParleyDbContext)
            {
                var creator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db);
                if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
                NpgsqlConnection.ClearAllPools();
                // --clean --if-exists: the migrated, empty schema a started app leaves is replaced too; all or nothing.
                var name = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database;
                await PgToolAsync("pg_restore", db, [$"--dbname={name}", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], ct);
                return;
            }
            var target = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false, DefaultTimeout = 30 }.ToString());
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to); // page by page under the target's write lock: readers see the old or the new database
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            throw new ParleyDatabaseException($"Cannot restore {file} into {db.Target}: {e.Message}", e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string Describe(BackupKind kind) => kind == BackupKind.Sqlite ? "SQLite backup" : "PostgreSQL dump";

    private static bool SqliteFileExists(ParleyDbContext db, out string file)
    {
        file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        return File.Exists(file) && new FileInfo(file).Length > 0;
    }

    /// <summary>Runs pg_dump or pg_restore on the context's database; the password goes by environment, never on the command line.</summary>
    private static async Task PgToolAsync(string tool, ParleyDbContext db, string[] args, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment["PGHOST"] = c.Host;
        info.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGDATABASE"] = c.Database;
        if (c.Username is { Length: > 0 } user) info.Environment["PGUSER"] = user;
        if (c.Password is { Length: > 0 } password) info.Environment["PGPASSWORD"] = password;
        if (c.SslMode != SslMode.Prefer) info.Environment["PGSSLMODE"] = c.SslMode.ToString().ToLowerInvariant().Replace("verifyca", "verify-ca").Replace("verifyfull", "verify-full");
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ParleyDatabaseException($"Cannot start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ParleyDatabaseException($"{tool} is not on the PATH ({e.Message}); install the PostgreSQL client tools (Debian: apt-get install postgresql-client) of the server's major version or newer.", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var error = new StringBuilder((await stderr).Trim()).Append(' ').Append((await stdout).Trim()).ToString().Trim();
            if (process.ExitCode != 0)
                throw new ParleyDatabaseException($"{tool} failed on {db.Target} (exit {process.ExitCode}): {error.ReplaceLineEndings(" ")}");
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
