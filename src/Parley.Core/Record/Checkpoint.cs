using System.Globalization;

namespace Parley.Core.Record;

/// <summary>
/// A tree head of the record's log in the C2SP tlog-checkpoint note text (https://c2sp.org/tlog-checkpoint): who
/// issued it (<see cref="Origin"/>), how many leaves the tree had (<see cref="Size"/>), its RFC 6962 root
/// (<see cref="Root"/>) and when it was issued (<see cref="Time"/>, carried as one extension line).
/// </summary>
/// <remarks>
/// <para>
/// The body is exactly four lines, each ending in a newline:
/// <c>{origin}\n{size}\n{base64(root)}\ntime {yyyy-MM-ddTHH:mm:ssZ}\n</c> — the size in decimal without leading zeros,
/// the root's 32 bytes in standard base64 with padding, the time in UTC to the second. The body is meant to be signed
/// as a note (<see cref="SignedNote"/>), so the origin is also a valid key name: non-empty, no white space, no '+',
/// no control characters.
/// </para>
/// <para>
/// The properties have no setters, so a <c>with</c> expression cannot step around the constructor's checks.
/// </para>
/// </remarks>
public sealed record Checkpoint
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string TimePrefix = "time ";

    /// <summary>Makes a checkpoint from its four parts.</summary>
    /// <param name="origin">The log's identity, e.g. <c>parley.example/record</c>.</param>
    /// <param name="size">The number of leaves, ≥ 0.</param>
    /// <param name="root">MTH of those leaves.</param>
    /// <param name="time">When the checkpoint was issued: offset zero, no fraction of a second.</param>
    /// <exception cref="ArgumentException">The origin is empty or has white space, '+' or a control character, or the time is not UTC or not whole seconds.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative.</exception>
    public Checkpoint(string origin, long size, Hash32 root, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (SignedNote.KeyNameProblem(origin) is { } problem) throw new ArgumentException($"The origin {problem}.", nameof(origin));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (time.Offset != TimeSpan.Zero)
            throw new ArgumentException($"The time must be in UTC (offset zero); got offset {time.Offset}.", nameof(time));
        if (time.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException($"The time must be whole seconds; got {time:O}.", nameof(time));
        Origin = origin;
        Size = size;
        Root = root;
        Time = time;
    }

    /// <summary>The log's identity: the first line, and the key name its signature is expected under.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>The RFC 6962 root of the first <see cref="Size"/> leaves.</summary>
    public Hash32 Root { get; }

    /// <summary>When the checkpoint was issued, in UTC, to the second.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The note text: <c>{origin}\n{size}\n{base64(root)}\ntime {yyyy-MM-ddTHH:mm:ssZ}\n</c>.</summary>
    public string Body() =>
        $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root.ToArray())}\n" +
        $"{TimePrefix}{Time.ToString(TimeFormat, CultureInfo.InvariantCulture)}\n";

    /// <summary>
    /// Reads a body written by <see cref="Body"/>, strictly: exactly four lines each ending in a newline, and each part
    /// in the one form <see cref="Body"/> writes (no leading zeros, canonical base64 of 32 bytes, the exact time format).
    /// </summary>
    /// <exception cref="FormatException">The body is not that form; the message names the line and what is wrong with it.</exception>
    public static Checkpoint ParseBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = body.Split('\n');
        if (lines[^1].Length != 0)
            throw Malformed(lines.Length, "the body does not end with a newline");
        var count = lines.Length - 1;
        if (count > 4)
            throw Malformed(5, $"unexpected extra line '{Excerpt(lines[4])}' (a checkpoint here has exactly 4 lines: origin, size, root hash, time)");
        if (count < 4)
            throw Malformed(count + 1, $"missing the {LineNames[count]} line (a checkpoint here has exactly 4 lines)");

        if (SignedNote.KeyNameProblem(lines[0]) is { } problem)
            throw Malformed(1, $"the origin {problem}");
        var size = ParseSize(lines[1]);
        var root = ParseRoot(lines[2]);
        var time = ParseTime(lines[3]);
        return new Checkpoint(lines[0], size, root, time);
    }

    private static readonly string[] LineNames = ["origin", "size", "root hash", "time"];

    private static long ParseSize(string line)
    {
        if (line.Length == 0 || !line.All(char.IsAsciiDigit))
            throw Malformed(2, $"the size '{Excerpt(line)}' is not a decimal number");
        if (line.Length > 1 && line[0] == '0')
            throw Malformed(2, $"the size '{Excerpt(line)}' has a leading zero");
        if (!long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw Malformed(2, $"the size '{Excerpt(line)}' is too large");
        return size;
    }

    private static Hash32 ParseRoot(string line)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Length];
        // The re-encoding check refuses white space and non-zero padding bits, which the decoder lets through.
        if (!Convert.TryFromBase64String(line, bytes, out var written) || written != Hash32.Length ||
            Convert.ToBase64String(bytes) != line)
            throw Malformed(3, $"the root hash '{Excerpt(line)}' is not the standard base64 of 32 bytes");
        return new Hash32(bytes);
    }

    private static DateTimeOffset ParseTime(string line)
    {
        if (!line.StartsWith(TimePrefix, StringComparison.Ordinal))
            throw Malformed(4, $"expected 'time yyyy-MM-ddTHH:mm:ssZ', got '{Excerpt(line)}'");
        var text = line[TimePrefix.Length..];
        if (!DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ||
            time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture) != text)
            throw Malformed(4, $"the time '{Excerpt(text)}' is not a UTC time of the form yyyy-MM-ddTHH:mm:ssZ");
        return time.ToUniversalTime();
    }

    private static FormatException Malformed(int line, string problem) => new($"Checkpoint line {line}: {problem}.");

    private static string Excerpt(string s) => s.Length <= 48 ? s : s[..48] + "…";
}
