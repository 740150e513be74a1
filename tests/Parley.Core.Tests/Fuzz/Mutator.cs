using System.Text;

namespace Parley.Core.Tests.Fuzz;

/// <summary>
/// Hand-written mutations of a seed file's bytes, each chosen by a seeded <see cref="Random"/>: bit flips, interesting
/// bytes, deleted, inserted, duplicated and spliced spans, deep nesting, huge numbers, invalid UTF-8, long lines,
/// truncation and the format's own tokens. One to four mutations are stacked per input.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> corpus, IReadOnlyList<string> tokens, string nest, string unnest)
{
    private static readonly byte[] Interesting = [0, 0xFF, 0x7F, (byte)'[', (byte)']', (byte)'{', (byte)'}', (byte)'<', (byte)'>',
        (byte)'"', (byte)'\'', (byte)',', (byte)'\n', (byte)'\r', (byte)':', (byte)'&', (byte)'-', (byte)'#', (byte)'*', (byte)'\t', (byte)'\\'];

    private static readonly string[] Numbers = ["1e309", "-1e309", "99999999999999999999999999999", "-0", "NaN", "Infinity", "0x10",
        "1.7976931348623157E+308", "4.9E-324", "-2147483649", "9223372036854775808", "1_000", "٣", "１"];

    private static readonly byte[][] BadUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF]];

    /// <summary>A mutated copy of a seed picked by <paramref name="random"/>; <paramref name="applied"/> names what was done.</summary>
    public byte[] Next(Random random, out string applied)
    {
        var seedIndex = random.Next(corpus.Count);
        var data = new List<byte>(corpus[seedIndex]);
        var names = new List<string> { $"seed {seedIndex}" };
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++) names.Add(Mutate(data, random));
        applied = string.Join(", ", names);
        return [.. data];
    }

    private string Mutate(List<byte> d, Random r)
    {
        var at = d.Count == 0 ? 0 : r.Next(d.Count + 1);
        switch (r.Next(13))
        {
            case 0:
                for (var k = 1 + r.Next(8); k > 0 && d.Count > 0; k--) d[r.Next(d.Count)] ^= (byte)(1 << r.Next(8));
                return "flip bits";
            case 1:
                if (d.Count > 0) d[r.Next(d.Count)] = Interesting[r.Next(Interesting.Length)];
                return "interesting byte";
            case 2:
                var len = Math.Min(d.Count - Math.Min(at, d.Count), 1 + r.Next(r.Next(2) == 0 ? 16 : 4096));
                if (len > 0) d.RemoveRange(at, len);
                return $"delete {len} at {at}";
            case 3:
                var bytes = new byte[1 + r.Next(64)];
                r.NextBytes(bytes);
                d.InsertRange(at, bytes);
                return $"insert {bytes.Length} random at {at}";
            case 4:
                if (d.Count == 0) return "duplicate nothing";
                var from = r.Next(d.Count);
                var span = d.GetRange(from, Math.Min(d.Count - from, 1 + r.Next(2048)));
                for (var k = 1 + (r.Next(4) == 0 ? r.Next(50) : 0); k > 0; k--) d.InsertRange(at, span);
                return $"duplicate {span.Count} at {at}";
            case 5:
                var other = corpus[r.Next(corpus.Count)];
                var cut = other.Length == 0 ? 0 : r.Next(other.Length);
                d.RemoveRange(at, d.Count - at);
                d.AddRange(other.AsSpan(cut).ToArray());
                return $"splice at {at} with {other.Length - cut} bytes";
            case 6:
                var depth = r.Next(3) switch { 0 => 100, 1 => 1_000, _ => 50_000 };
                var sb = new StringBuilder(depth * (nest.Length + unnest.Length));
                for (var k = 0; k < depth; k++) sb.Append(nest);
                if (r.Next(2) == 0) for (var k = 0; k < depth; k++) sb.Append(unnest);
                d.InsertRange(at, Encoding.UTF8.GetBytes(sb.ToString()));
                return $"nest {depth} at {at}";
            case 7:
                ReplaceNumber(d, r, Numbers[r.Next(Numbers.Length)]);
                return "huge number";
            case 8:
                d.InsertRange(at, BadUtf8[r.Next(BadUtf8.Length)]);
                return $"invalid UTF-8 at {at}";
            case 9:
                var line = r.Next(2) == 0 ? new string('A', 100_000) : new string(',', 5_000);
                d.InsertRange(at, Encoding.ASCII.GetBytes(line));
                return $"long line at {at}";
            case 10:
                d.RemoveRange(at, d.Count - at);
                return $"truncate at {at}";
            case 11:
                var token = tokens[r.Next(tokens.Count)];
                d.InsertRange(at, Encoding.UTF8.GetBytes(token));
                return $"token '{token}' at {at}";
            default:
                // Swap two lines: keeps each line well-formed but breaks the order a file relies on.
                var lines = Encoding.UTF8.GetString([.. d]).Split('\n');
                if (lines.Length > 2)
                {
                    var (a, b) = (r.Next(lines.Length), r.Next(lines.Length));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    d.Clear();
                    d.AddRange(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
                }
                return "swap lines";
        }
    }

    private static void ReplaceNumber(List<byte> d, Random r, string number)
    {
        var digits = new List<int>();
        for (var i = 0; i < d.Count; i++)
            if (d[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || d[i - 1] is < (byte)'0' or > (byte)'9')) digits.Add(i);
        if (digits.Count == 0) { d.InsertRange(0, Encoding.UTF8.GetBytes(number)); return; }
        var start = digits[r.Next(digits.Count)];
        var end = start;
        while (end < d.Count && d[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.') end++;
        d.RemoveRange(start, end - start);
        d.InsertRange(start, Encoding.UTF8.GetBytes(number));
    }
}
