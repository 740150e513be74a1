namespace Parley.Core.Guarantees;

/// <summary>How precisely the time of an incident is known.</summary>
public enum TimePrecision
{
    /// <summary>The instant is known (to the second or better).</summary>
    Exact,
    /// <summary>The calendar day is known (ACLED time_precision 1, UCDP date_prec 1).</summary>
    Day,
    /// <summary>Known to within about a week (ACLED time_precision 2: the seven days centred on the reported date).</summary>
    Week,
    /// <summary>Known to the calendar month (ACLED time_precision 3).</summary>
    Month,
    /// <summary>A reported span of several days (UCDP date_start..date_end).</summary>
    Range,
}

/// <summary>
/// When an incident happened, as the half-open interval [<see cref="Start"/>, <see cref="End"/>) of instants
/// it may have happened in. An exact incident has <see cref="End"/> equal to <see cref="Start"/> and means the
/// instant <see cref="Start"/> itself.
/// </summary>
public sealed record IncidentTime
{
    /// <summary>Creates a time; <paramref name="end"/> must not precede <paramref name="start"/>, and equals it only when exact.</summary>
    /// <exception cref="ArgumentException">The interval is reversed, or empty for an imprecise time.</exception>
    public IncidentTime(DateTimeOffset start, DateTimeOffset end, TimePrecision precision)
    {
        if (end < start)
            throw new ArgumentException($"End {end:o} precedes start {start:o}.", nameof(end));
        if (precision == TimePrecision.Exact && end != start)
            throw new ArgumentException("An exact time has end equal to start.", nameof(end));
        if (precision != TimePrecision.Exact && end == start)
            throw new ArgumentException("An imprecise time needs a non-empty interval.", nameof(end));
        Start = start;
        End = end;
        Precision = precision;
    }

    /// <summary>The earliest instant the incident may have happened at (inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The end of the possible interval (exclusive); equal to <see cref="Start"/> for an exact time.</summary>
    public DateTimeOffset End { get; }

    /// <summary>How precisely the time is known.</summary>
    public TimePrecision Precision { get; }

    /// <summary>An incident at a known instant.</summary>
    public static IncidentTime At(DateTimeOffset instant) => new(instant, instant, TimePrecision.Exact);

    /// <summary>An incident on a calendar day, taken as the UTC day [00:00, next 00:00).</summary>
    public static IncidentTime OnDay(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new(start, start.AddDays(1), TimePrecision.Day);
    }

    /// <summary>
    /// True when the whole interval lies inside [<paramref name="from"/>, <paramref name="to"/>): an incident
    /// that may have happened outside the window is never counted as inside it.
    /// </summary>
    public bool IsWithin(DateTimeOffset from, DateTimeOffset to) => Start >= from && Start < to && End <= to;

    /// <summary>The distance in time between two incidents: zero when their intervals touch or overlap.</summary>
    public TimeSpan DistanceTo(IncidentTime other)
    {
        if (other.Start > End) return other.Start - End;
        if (Start > other.End) return Start - other.End;
        return TimeSpan.Zero;
    }

    /// <inheritdoc />
    public override string ToString() => Precision == TimePrecision.Exact
        ? Start.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd} ({Precision})");
}
