using System.Text;
using Parley.Core.Formats;
using Parley.Core.Formats.Acled;
using Parley.Core.Tests.Guarantees;

namespace Parley.Core.Tests.Formats;

/// <summary>CSV exports that do not say their encoding: UTF-8 as it is, a byte-order mark obeyed, Windows-1252 when not UTF-8.</summary>
public sealed class ExportTextTests
{
    private const string Names = "Kyïv – Dnipró’s “Zaporizhzhia” €";

    /// <summary>The sample's header and its first 50 rows, the first row's location and notes renamed with non-ASCII text.</summary>
    private static string Csv()
    {
        var lines = File.ReadAllLines(SampleData.AcledSamplePath).Take(51).ToArray();
        lines[1] = lines[1].Replace("Kyiv - Shevchenkivskyi", "Kyïv - Shevchenkivskyi", StringComparison.Ordinal)
            .Replace("\"On 14 August 2020", $"\"{Names}: on 14 August 2020", StringComparison.Ordinal);
        return string.Join("\n", lines) + "\n";
    }

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "utf-8", new UTF8Encoding(false).GetBytes(Csv()) },
        { "utf-8", [.. new UTF8Encoding(true).GetPreamble(), .. new UTF8Encoding(false).GetBytes(Csv())] },
        { "utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv())] },
        { "windows-1252", ExportText.Windows1252.GetBytes(Csv()) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_AcledExport_KeepsEveryName_InTheEncodingItIsIn(string expected, byte[] bytes)
    {
        var (import, encoding) = ExportText.Read(() => new MemoryStream(bytes), reader => AcledCsv.Read(reader));

        Assert.Equal(expected, encoding.WebName);
        Assert.Equal(50, import.Incidents.Count);
        Assert.Equal("Kyïv - Shevchenkivskyi", import.Incidents[0].Location.Place);
        Assert.StartsWith($"{Names}: on 14 August 2020", import.Incidents[0].Notes);
        Assert.DoesNotContain(import.Incidents, i => (i.Notes ?? "").Contains('\uFFFD'));
    }

    [Fact]
    public void Read_NotUtf8OnlyFarIntoTheFile_ReadsItAgainWholeAsWindows1252()
    {
        var text = new string('a', 300_000) + "\nDnipró\n";
        var bytes = ExportText.Windows1252.GetBytes(text);
        var readings = 0;

        var (lines, encoding) = ExportText.Read(() => new MemoryStream(bytes), reader =>
        {
            readings++;
            var all = new List<string>();
            while (reader.ReadLine() is { } line) all.Add(line);
            return all;
        });

        Assert.Equal(ExportText.Windows1252, encoding);
        Assert.Equal(2, readings);
        Assert.Equal([new string('a', 300_000), "Dnipró"], lines);
    }
}
