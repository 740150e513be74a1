using Parley.Data.Record;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>The instance key file: created once, owner-only, the same key for everyone who starts at the same moment.</summary>
public sealed class RecordKeyTests
{
    [Fact]
    public async Task LoadOrCreate_ManyStartsAtOnce_AllGetTheOneKeyWritten()
    {
        for (var round = 0; round < 40; round++) await StartsAtOnceAsync();
    }

    private static async Task StartsAtOnceAsync()
    {
        var folder = Directory.CreateTempSubdirectory("parley-key-");
        try
        {
            var path = Path.Combine(folder.FullName, "record-key.pem");
            using var go = new Barrier(8);
            var loads = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                go.SignalAndWait();
                using var key = RecordKey.LoadOrCreate(path);
                return key.PublicKeyPem;
            }, TaskCreationOptions.LongRunning)).ToArray();

            var keys = await Task.WhenAll(loads);

            Assert.Single(keys.Distinct());
            using var again = RecordKey.LoadOrCreate(path);
            Assert.Equal(keys[0], again.PublicKeyPem);
            Assert.Equal([path], Directory.GetFiles(folder.FullName)); // no temporary file left behind
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
