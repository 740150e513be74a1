using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Incidents;

namespace Parley.Core.Tests.Guarantees;

/// <summary>The CSV reader's lines are <see cref="TextReader.ReadLine"/>'s, however the text arrives.</summary>
public sealed class CsvLinesTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "a",
        "a\n",
        "a\r\nb\rc\n\nd\r\r\ne\r",
        "\n\n\r\n",
        "x,\"quoted\r\nover lines\"\r\ny\n",
        new string('l', 200_000) + "\r\n" + new string('m', 70_000) + "\r" + "\nend",
        string.Concat(Enumerable.Range(0, 30_000).Select(k => (k % 3) switch { 0 => $"row {k}\r\n", 1 => $"row {k}\r", _ => $"row {k}\n" })),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryRead_AnyChunking_GivesReadLinesLines(string text)
    {
        var expected = new List<string>();
        using (var reference = new StringReader(text))
            while (reference.ReadLine() is { } line) expected.Add(line);

        foreach (var chunk in new[] { 1, 2, 7, 4096, int.MaxValue })
        {
            var lines = new CsvLines(new Chunked(text, chunk));
            var actual = new List<string>();
            while (lines.TryRead(out var line)) actual.Add(line.ToString());
            Assert.Equal(expected, actual);
            Assert.False(lines.TryRead(out _));
        }
    }

    [Fact]
    public void AcledRead_RecordsOverLinesAndBrokenQuotes_SameWhateverTheChunking()
    {
        // Fields before a quoted field that runs over lines are views into a line the next read reuses: they must survive it.
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "data", "acled", "acled-ukraine-sample.csv"));
        const string header = "event_id_cnty,event_date,event_type,latitude,longitude,location,notes,source\r\n";
        var made = header + "UKR1,2022-03-01,Battles,48.5,37.9,Kharkiv,\"first line\r\nsecond \"\"quoted\"\"\nthird\",Kyiv Independent\n"
            + "UKR2,2022-03-02,Protests,50.4,30.5,Kyiv,\"never closed\nUKR3,2022-03-03,Battles,48.5,37.9,Izium,plain,BBC\n"
            + "UKR4,2022-03-04,Battles,48.5,37.9,\"Iz\"ium,bad quote,BBC\r\n\r\nUKR5,2022-03-05,Riots,48.5,37.9,Lviv,\"a\rb\",ACLED";
        foreach (var text in new[] { sample, made })
        {
            var expected = Summary(AcledCsv.Read(new StringReader(text)));
            foreach (var chunk in new[] { 1, 7, 100 })
                Assert.Equal(expected, Summary(AcledCsv.Read(new Chunked(text, chunk))));
        }
    }

    private static string Summary(IncidentImport import) => string.Join("\n",
        import.Incidents.Select((i, k) => $"{import.Lines[k]} {i.Id} {i.Location.Place} {i.Notes} {string.Join(';', i.Sources)} {string.Join(';', i.Actors)}")
            .Concat(import.Errors.Select(e => $"{e.Line} {e.Field} {e.Message}")).Append($"{import.Rejected} {import.FileRejected}"));

    /// <summary>The text in reads of at most <c>chunk</c> characters, as a slow stream gives it.</summary>
    private sealed class Chunked(string text, int chunk) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }
    }
}
