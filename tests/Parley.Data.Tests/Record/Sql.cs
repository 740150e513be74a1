using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>Plain SQL on a context's connection with positional parameters <c>@p0</c>, <c>@p1</c> … (both providers accept them).</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>"a" = @p{first} AND "b" = @p{first + 1} …</c></summary>
    public static string Where(IEnumerable<string> columns, int first = 0) =>
        string.Join(" AND ", columns.Select((c, i) => $"{Quote(c)} = @p{first + i}"));

    public static async Task<int> ExecuteAsync(ParleyDbContext db, string sql, params IReadOnlyList<object?> values) =>
        await RunAsync(db, sql, values, c => c.ExecuteNonQueryAsync());

    public static async Task<object?> ScalarAsync(ParleyDbContext db, string sql, params IReadOnlyList<object?> values) =>
        await RunAsync(db, sql, values, c => c.ExecuteScalarAsync());

    /// <summary>Every row as the provider returns its values (null for SQL NULL).</summary>
    public static Task<List<object?[]>> QueryAsync(ParleyDbContext db, string sql, params IReadOnlyList<object?> values) =>
        RunAsync(db, sql, values, async c =>
        {
            var rows = new List<object?[]>();
            await using var reader = await c.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        });

    private static async Task<T> RunAsync<T>(ParleyDbContext db, string sql, IReadOnlyList<object?> values, Func<DbCommand, Task<T>> run)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Count; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"@p{i}";
                p.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
