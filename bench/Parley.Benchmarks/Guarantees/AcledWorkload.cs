using System.Text;

namespace Parley.Benchmarks.Guarantees;

/// <summary>The guarantees benchmarks' ACLED text: the shared 1,000-row sample repeated with fresh ids.</summary>
internal static class AcledWorkload
{
    /// <summary>
    /// The sample's header and its rows repeated <paramref name="copies"/> times, copy k's ids suffixed "-k": each
    /// copy is a same-day, same-place duplicate of the original, so duplicate grouping folds the copies.
    /// </summary>
    public static string Text(int copies)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "tests", "data", "acled", "acled-ukraine-sample.csv"));
        var sb = new StringBuilder(lines[0]).Append('\n');
        for (var copy = 0; copy < copies; copy++)
            foreach (var line in lines.Skip(1))
            {
                // event_id_cnty is the third column and never quoted in the sample.
                var first = line.IndexOf(',', line.IndexOf(',') + 1);
                var second = line.IndexOf(',', first + 1);
                sb.Append(line, 0, second).Append('-').Append(copy).Append(line, second, line.Length - second).Append('\n');
            }
        return sb.ToString();
    }
}

/// <summary>Per-invocation copies of a migrated SQLite file, so that every invocation writes into the same start state.</summary>
internal static class SqliteCopies
{
    /// <summary>A fresh copy of <paramref name="template"/> in the temp folder, with no connection left open on any file.</summary>
    public static string Fresh(string template)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = Path.Combine(Path.GetTempPath(), $"parley-bench-{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        return file;
    }

    /// <summary>Closes the pooled connections and deletes <paramref name="file"/> with its WAL and shared-memory files.</summary>
    public static void Drop(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
    }
}
