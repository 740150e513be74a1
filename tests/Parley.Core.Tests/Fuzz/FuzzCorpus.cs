using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Core.Tests.Drafting;

namespace Parley.Core.Tests.Fuzz;

/// <summary>
/// The seeds: the repository's real files (scenarios/berlin-2025.yaml, tests/data's GENIUS domains and profiles, ACLED
/// sample and Paris drafts, the guarantees example of docs/guarantees.md), cut to a few kilobytes where the file is long
/// so that an input parses in milliseconds; formats the repository holds no file of (GeniusWeb JSON, UCDP GED, .docx)
/// are seeded from what the tests and the exporter write.
/// </summary>
internal static class FuzzCorpus
{
    private static string Root => SharedData.RepoRoot();

    public static readonly Lazy<byte[][]> Scenario = new(() => [File.ReadAllBytes(Path.Combine(Root, "scenarios", "berlin-2025.yaml")),
        Encoding.UTF8.GetBytes("negotiation: {id: n, title: T}\nparties:\n  - {id: a, name: A}\nissues:\n  - {id: i, title: I, options: [{id: x, label: X}]}\n")]);

    public static readonly Lazy<byte[][]> Drafts = new(() =>
    [
        .. Slices(SharedData.Draft(SharedData.Oct23), 4_000, 4),
        .. Slices(SharedData.Draft(SharedData.Dec12), 4_000, 2),
    ]);

    public static readonly Lazy<byte[][]> Docx = new(() => [.. Drafts.Value.Take(3).Select(bytes =>
    {
        using var output = new MemoryStream();
        DocxDraftExporter.Export(DraftParser.Parse(Encoding.UTF8.GetString(bytes)), output);
        return output.ToArray();
    })]);

    public static readonly Lazy<byte[][]> GeniusXml = new(() => [.. Directory.GetFiles(Path.Combine(Root, "tests", "data", "genius"), "*.xml", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    public static readonly Lazy<byte[][]> GeniusJson = new(() => [Encoding.UTF8.GetBytes("""
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "colour": {"DiscreteValueSetUtilities": {"valueUtilities": {"red": 1, "blue": 0.25}}},
            "price": {"NumberValueSetUtilities": {"lowValue": 0, "lowUtility": 1, "highValue": 10, "highUtility": 0}}
          },
          "issueWeights": {"colour": 0.6, "price": 0.4},
          "domain": {"name": "shop", "issuesValues": {
            "colour": {"values": ["red", "blue", "green"]},
            "price": {"range": {"low": 0, "high": 10, "step": 1}}}},
          "name": "buyer",
          "reservationBid": {"issuevalues": {"colour": "blue", "price": 5}}
        }}
        """)]);

    public static readonly Lazy<byte[][]> Acled = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "tests", "data", "acled", "acled-ukraine-sample.csv"));
        return [Csv(lines[0], lines.Skip(1).Take(15)), Csv(lines[0], lines.Skip(500).Take(15))];
    });

    public static readonly Lazy<byte[][]> Ucdp = new(() => [Encoding.UTF8.GetBytes("""
        id,relid,year,type_of_violence,side_a,side_b,source_article,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,country,date_start,date_end,best
        500001,UKR-2023-1-1,2023,1,Government of Russia (Soviet Union),Government of Ukraine,"Kyiv Independent,2023-03-01;Reuters,2023-03-02",Donetsk town,"Donetsk, Donetsk oblast",Donetsk oblast,Donetskyi raion,48.0159,37.8028,Ukraine,2023-03-01,2023-03-01,3
        500002,UKR-2023-3-2,2023,3,Government of Russia (Soviet Union),Civilians,Reuters,Kramatorsk,Kramatorsk city,Donetsk oblast,Kramatorskyi raion,48.72,37.56,Ukraine,2023-03-02 00:00:00.000,2023-03-04 00:00:00.000,7
        """.Replace("\r", "")), .. Acled.Value.Take(1)]);

    public static readonly Lazy<byte[][]> Guarantees = new(() =>
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "guarantees.md"));
        var blocks = doc.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).Where(b => b.Contains("commitments:"));
        return [.. blocks.Select(Encoding.UTF8.GetBytes)];
    });

    /// <summary>Up to <paramref name="count"/> pieces of about <paramref name="size"/> characters, cut at line ends, spread over the text.</summary>
    private static IEnumerable<byte[]> Slices(string text, int size, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var start = text.IndexOf('\n', (int)((long)text.Length * k / count)) + 1;
            var end = Math.Min(text.Length, start + size);
            end = text.IndexOf('\n', end) is var nl and >= 0 ? nl + 1 : text.Length;
            yield return Encoding.UTF8.GetBytes(text[start..end]);
        }
    }

    private static byte[] Csv(string header, IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Join('\n', [header, .. rows]) + "\n");
}
