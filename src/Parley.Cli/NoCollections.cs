namespace Parley.Cli;

/// <summary>
/// Asks the garbage collector to stay out of a one-shot command that reads one large file and exits: a draft to measure,
/// an incident file to check or import. What such a command allocates either stays alive to the end (a draft's text and
/// its document, the incident reports) or is short-lived garbage whose memory the command would touch once anyway, so a
/// collection frees little and copies the live objects: in <c>parley draft stats</c> of a 50 MB draft the one collection
/// after the parse copied 14 MB of them and paused the command 18–23 ms, and without collections it took 324 ms instead
/// of 366; a 200,000-row import took 3.3 s instead of 4.1 (docs/benchmarks.md, "Cold starts").
/// </summary>
/// <remarks>
/// A request, not a promise: <see cref="GC.TryStartNoGCRegion(long, long, bool)"/> sets aside room for the sizes asked for,
/// and once the command allocates more, the collector runs as usual from there on. The room is committed, not touched, so
/// room asked for and not used costs no memory the process writes to. Left to the collector: a file under a megabyte
/// (read in milliseconds), one so large that its room would exceed a quarter of the memory available (or more than the
/// collector can set aside at once), and a docx (its import makes garbage). Only for one-shot commands: <c>parley serve</c>
/// never calls this.
/// </remarks>
internal static class NoCollections
{
    /// <summary>Below this size a collection, if any, costs next to nothing.</summary>
    internal const long FromBytes = 1 << 20;

    /// <summary>Room for the command itself (its parser, the database layer), besides what grows with the file.</summary>
    private const long CommandBytes = 16 << 20;

    /// <summary>
    /// Room for reading and parsing a UTF-8 draft of <paramref name="bytes"/>: large objects 4 per byte (its text as a string,
    /// at most 2 bytes per byte, and the document's lists: 1.3 for the 50 MB benchmark draft, more for a draft denser in
    /// brackets), small ones 1 per byte (0.4–0.6 for the benchmark draft).
    /// </summary>
    /// <returns>True when the region was started.</returns>
    public static bool ForDraft(long bytes) => Start(bytes, large: 4 * bytes, small: bytes + CommandBytes);

    /// <summary>
    /// Room for checking or importing an incident file of <paramref name="bytes"/>: small objects 4 per byte (the reports,
    /// their fields and the lines read; the 101 MB benchmark export allocates about 400 MB in all), large ones 2 per byte.
    /// </summary>
    /// <returns>True when the region was started.</returns>
    public static bool ForIncidents(long bytes) => Start(bytes, large: 2 * bytes, small: 4 * bytes + CommandBytes);

    private static bool Start(long bytes, long large, long small)
    {
        if (bytes < FromBytes || large + small > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4) return false;
        try
        {
            return GC.TryStartNoGCRegion(large + small, large, disallowFullBlockingGC: true);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the collector can set aside at once: collections as usual.
            return false;
        }
        catch (InvalidOperationException)
        {
            // A region is already running (the second file of `draft diff`): the first one's room serves both.
            return false;
        }
    }
}
