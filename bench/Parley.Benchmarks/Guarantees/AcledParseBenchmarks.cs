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
        _text = AcledWorkload.Text(100);
    }

    [Benchmark]
    public int Parse100kRows()
    {
        var result = AcledCsv.Read(new StringReader(_text));
        if (result.Errors.Count > 0) throw new InvalidOperationException(result.Errors[0].Message);
        return result.Incidents.Count;
    }
}
