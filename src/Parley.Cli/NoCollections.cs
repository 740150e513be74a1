namespace Parley.Cli;

/// <summary>
/// Asks the garbage collector to stay out of a command that reads one large draft, parses it, prints and exits. All that
/// such a command allocates stays alive to the end (the draft's text, its brackets, provisions, groups and notes), so a
/// collection frees nothing and only copies the live objects: in <c>parley draft stats</c> of a 50 MB draft the one
/// collection after the parse copied 14 MB of them and paused the command 18–23 ms, and without any collection the
/// command took 324 ms instead of 366 (docs/benchmarks.md, "Cold starts").
/// </summary>
/// <remarks>
/// A request, not a promise: <see cref="GC.TryStartNoGCRegion(long, long, bool)"/> reserves room for the sizes asked for,
/// and when the command allocates more than that, the collector runs as usual from there on. The room is committed but not
/// touched, so asking for more than is used costs no memory the process writes to. A file under a megabyte is parsed in
/// milliseconds and is left to the collector, as is one so large that the room cannot be had, and a docx (its import
/// makes garbage). Only for one-shot commands: <c>parley serve</c> never calls this.
/// </remarks>
internal static class NoCollections
{
    /// <summary>Below this size a collection, if any, costs next to nothing.</summary>
    internal const long FromBytes = 1 << 20;

    /// <summary>
    /// Room for the large objects per byte of a UTF-8 draft: its text as a string (at most 2 bytes per byte) and the
    /// document's lists (1.3 bytes per byte for the 50 MB benchmark draft, more for a draft denser in brackets).
    /// </summary>
    private const long LargePerByte = 4;

    /// <summary>Room for the small objects: one byte per byte (0.4–0.6 for the benchmark draft), and 16 MB for the command.</summary>
    private const long SmallPerByte = 1, SmallFixed = 16 << 20;

    /// <summary>Starts a region without collections sized for reading and parsing a draft file of <paramref name="bytes"/> bytes, if it can.</summary>
    /// <returns>True when the region was started.</returns>
    public static bool ForDraft(long bytes)
    {
        if (bytes < FromBytes) return false;
        long large = LargePerByte * bytes, small = SmallPerByte * bytes + SmallFixed;
        try
        {
            return GC.TryStartNoGCRegion(large + small, large, disallowFullBlockingGC: true);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the collector can set aside at once (a draft of hundreds of megabytes): collections as usual.
            return false;
        }
        catch (InvalidOperationException)
        {
            // A region is already running (the second file of `draft diff`): the first one's room serves both.
            return false;
        }
    }
}
