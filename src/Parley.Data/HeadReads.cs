using System.Collections.Concurrent;

namespace Parley.Data;

/// <summary>
/// Reads of negotiations' heads on one PostgreSQL database, shared by concurrent requests without letting any of them
/// see an older head than a read of its own would. A request either joins a read that has not started yet, or starts
/// one (when none is running), or queues the next one (when one is running and none is queued): every read a request
/// gets therefore started after the request arrived, and sees every commit acknowledged before it — of this node or
/// any other. Under load, the requests that arrive while one read runs all share the next; alone, a request reads at
/// once, as before. The per-request head query was what held PostgreSQL's cached reads to a tenth of a trivial
/// endpoint's throughput (docs/benchmarks.md, "Under load").
/// </summary>
/// <remarks>
/// Hand-written: no library here offers "join a read only if it has not started yet" (request coalescing libraries
/// share a read already under way, which could miss a commit made just before the joiner arrived). The read a request
/// queues or starts runs on that request's database context, so that request waits for it whatever its cancellation;
/// those that join wait with theirs.
/// </remarks>
internal sealed class HeadReads
{
    private static readonly ConcurrentDictionary<string, HeadReads> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>How many negotiations' read queues are kept; beyond, the table starts again empty (reads under way finish).</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Queue> _byId = new(StringComparer.Ordinal);

    /// <summary>The reads of the database <paramref name="connectionString"/> names.</summary>
    public static HeadReads For(string connectionString) => ByDatabase.GetOrAdd(connectionString, _ => new HeadReads());

    // One negotiation's reads: whether one runs, and the one queued after it (not started, so any request may join it).
    private sealed class Queue
    {
        public bool Running;
        public Read? Next;
    }

    private sealed class Read(Func<Task<long>> head)
    {
        public Func<Task<long>> Head { get; } = head;
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The head of negotiation <paramref name="id"/>, from a read started after this call: <paramref name="read"/>'s own,
    /// or one shared with concurrent callers.
    /// </summary>
    public async Task<long> HeadAsync(string id, Func<Task<long>> read, CancellationToken ct)
    {
        if (_byId.Count >= Capacity && !_byId.ContainsKey(id)) _byId.Clear();
        var queue = _byId.GetOrAdd(id, _ => new Queue());
        Read? start = null, own = null, joined = null;
        lock (queue)
        {
            if (queue.Next is { } next) joined = next;
            else if (queue.Running) own = queue.Next = new Read(read);
            else
            {
                queue.Running = true;
                own = start = new Read(read);
            }
        }
        if (joined is not null) return await joined.Done.Task.WaitAsync(ct);
        if (start is not null) _ = RunAsync(queue, start);
        return await own!.Done.Task; // on this request's context: waited for whatever the cancellation
    }

    // Runs a read, then the one queued meanwhile, until none is queued.
    private static async Task RunAsync(Queue queue, Read read)
    {
        while (true)
        {
            try
            {
                read.Done.SetResult(await read.Head());
            }
            catch (Exception e)
            {
                read.Done.SetException(e);
            }
            lock (queue)
            {
                if (queue.Next is not { } next)
                {
                    queue.Running = false;
                    return;
                }
                queue.Next = null;
                read = next;
            }
        }
    }
}
