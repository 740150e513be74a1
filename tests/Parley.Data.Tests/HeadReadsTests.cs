namespace Parley.Data.Tests;

/// <summary>
/// Shared head reads (<see cref="HeadReads"/>): concurrent callers share reads, and none is answered by a read that
/// started before it arrived.
/// </summary>
public sealed class HeadReadsTests
{
    [Fact]
    public async Task Caller_ArrivingWhileAReadRuns_GetsALaterRead_NotTheOneUnderWay()
    {
        var reads = HeadReads.For($"test-{Guid.NewGuid()}");
        long committed = 1;
        var gate = new TaskCompletionSource();
        async Task<long> SlowRead()
        {
            var seen = Volatile.Read(ref committed);
            await gate.Task;
            return seen;
        }

        var first = reads.HeadAsync("n", SlowRead, CancellationToken.None); // starts reading: sees 1
        Volatile.Write(ref committed, 2); // a commit, acknowledged before the second caller arrives
        var second = reads.HeadAsync("n", () => Task.FromResult(Volatile.Read(ref committed)), CancellationToken.None);
        var third = reads.HeadAsync("n", () => throw new InvalidOperationException("a joiner's read is never run"), CancellationToken.None);
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
        Assert.Equal(2, await third); // joined the second's read, queued after the first's
    }

    [Fact]
    public async Task ManyCallersAtOnce_ShareReads_AndEachSeesEveryCommitMadeBeforeItArrived()
    {
        var reads = HeadReads.For($"test-{Guid.NewGuid()}");
        long committed = 0;
        int started = 0;
        async Task<long> Read()
        {
            Interlocked.Increment(ref started);
            var seen = Volatile.Read(ref committed);
            await Task.Delay(1);
            return seen;
        }

        var go = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            var floor = Interlocked.Increment(ref committed); // this caller's own commit, acknowledged before it reads
            return (Floor: floor, Head: await reads.HeadAsync("n", Read, CancellationToken.None));
        })).ToArray();
        go.SetResult();
        var answers = await Task.WhenAll(callers);

        Assert.All(answers, a => Assert.True(a.Head >= a.Floor, $"head {a.Head} older than the caller's commit {a.Floor}"));
        Assert.True(started < answers.Length, $"{started} reads for {answers.Length} callers: none shared");
    }

    [Fact]
    public async Task FailedRead_FailsItsCallers_AndTheNextCallerReadsAgain()
    {
        var reads = HeadReads.For($"test-{Guid.NewGuid()}");
        await Assert.ThrowsAsync<TimeoutException>(() => reads.HeadAsync("n", () => throw new TimeoutException(), CancellationToken.None));
        Assert.Equal(7, await reads.HeadAsync("n", () => Task.FromResult(7L), CancellationToken.None));
    }
}
