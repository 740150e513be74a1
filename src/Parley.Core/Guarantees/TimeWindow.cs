namespace Parley.Core.Guarantees;

/// <summary>
/// A half-open span of instants [<see cref="Start"/>, <see cref="End"/>): the start is part of the window, the
/// end is not. A null end means the window never closes. A truce "24 Dec – 7 Jan" that includes all of 7 Jan
/// ends at 8 Jan 00:00.
/// </summary>
public sealed record TimeWindow
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public TimeWindow(DateTimeOffset start, DateTimeOffset? end = null)
    {
        if (end is { } e && e <= start)
            throw new ArgumentException($"Window end {e:o} is not after its start {start:o}.", nameof(end));
        Start = start;
        End = end;
    }

    /// <summary>The first instant inside the window.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the window (exclusive), or null for an open-ended window.</summary>
    public DateTimeOffset? End { get; }

    /// <summary>A window with no bounds.</summary>
    public static TimeWindow Always { get; } = new(DateTimeOffset.MinValue);

    /// <summary>True when <paramref name="instant"/> is at or after the start and before the end.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && (End is not { } e || instant < e);
}
