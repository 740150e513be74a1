using System.Text;
using BenchmarkDotNet.Attributes;
using Parley.Core.Formats.Acled;

namespace Parley.Benchmarks.Guarantees;

/// <summary>
/// Parsing ACLED CSV from memory: the 1,000-row shared sample repeated 100 times with fresh ids (100,000 rows,
/// about 50 MB). Rows per second = 100,000 / mean time.
/// </summary>
[MemoryDiagnoser]
public class AcledParseBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "tests", "data", "acled", "acled-ukraine-sample.csv"));
        var sb = new StringBuilder(lines[0]).Append('\n');
        for (var copy = 0; copy < 100; copy++)
            foreach (var line in lines.Skip(1))
            {
                // event_id_cnty is the third column and never quoted in the sample.
                var first = line.IndexOf(',', line.IndexOf(',') + 1);
                var second = line.IndexOf(',', first + 1);
                sb.Append(line, 0, second).Append('-').Append(copy).Append(line, second, line.Length - second).Append('\n');
            }
        _text = sb.ToString();
    }

    [Benchmark]
    public int Parse100kRows()
    {
        var result = AcledCsv.Read(new StringReader(_text));
        if (result.Errors.Count > 0) throw new InvalidOperationException(result.Errors[0].Message);
        return result.Incidents.Count;
    }
}
