using BenchmarkDotNet.Attributes;
using Parley.Core.Drafting;

namespace Parley.Benchmarks.Drafting;

/// <summary>Diff of two ~1 MB versions of the Paris text, about one paragraph in ten edited (target ≤ 100 ms).</summary>
[MemoryDiagnoser]
public class DraftDiffBenchmarks
{
    private string _olderText = "", _newerText = "";
    private DraftDocument _older = null!, _newer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _olderText = DraftCorpus.Repeat(DraftCorpus.Paris(), 1_000_000);
        _newerText = DraftCorpus.Edit(_olderText, seed: 20151212);
        _older = DraftParser.Parse(_olderText);
        _newer = DraftParser.Parse(_newerText);
    }

    [Benchmark(Baseline = true)]
    public int CompareParsed() => DraftDiffer.Compare(_older, _newer).Brackets.Count;

    [Benchmark]
    public int ParseBothAndCompare() => DraftDiffer.Compare(DraftParser.Parse(_olderText), DraftParser.Parse(_newerText)).Brackets.Count;
}
