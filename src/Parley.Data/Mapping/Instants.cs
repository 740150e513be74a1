namespace Parley.Data.Mapping;

/// <summary>
/// An instant is stored as its UTC value (timestamptz on PostgreSQL, UTC ticks on SQLite) plus the offset it was
/// written with, in minutes. PostgreSQL keeps microseconds: finer ticks are truncated there.
/// </summary>
internal static class Instants
{
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    public static short Offset(DateTimeOffset value) => checked((short)value.Offset.TotalMinutes);

    public static short? Offset(DateTimeOffset? value) => value is { } v ? Offset(v) : null;

    public static DateTimeOffset Restore(DateTimeOffset utc, short offset) =>
        utc.ToUniversalTime().ToOffset(TimeSpan.FromMinutes(offset));

    public static DateTimeOffset? Restore(DateTimeOffset? utc, short? offset) =>
        utc is { } u ? Restore(u, offset ?? 0) : null;

    /// <summary>UTC, whole microseconds: what both providers store exactly.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }
}
