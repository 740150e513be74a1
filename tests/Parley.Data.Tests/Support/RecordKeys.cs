using Parley.Data.Record;

namespace Parley.Data.Tests.Support;

/// <summary>One checkpoint key for the test run, in a temporary file (as an instance keeps it outside the database).</summary>
public static class RecordKeys
{
    private static readonly Lazy<RecordKey> Key = new(() =>
        RecordKey.LoadOrCreate(Path.Combine(Path.GetTempPath(), $"parley-record-key-{Environment.ProcessId}-{Guid.NewGuid():n}.pem")));

    /// <summary>The test run's private key.</summary>
    public static RecordKey Test => Key.Value;
}
