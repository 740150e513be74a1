using BenchmarkDotNet.Attributes;
using Parley.Core.Drafting;

namespace Parley.Benchmarks.Drafting;

/// <summary>
/// Parse + metrics over the Paris text repeated to about 50 MB of characters (target ≥ 200 MB/s on one core). Baseline in
/// the same run: one pass that counts '[' and words, i.e. the least any bracket counter must do. <c>DraftParser.Parse</c>
/// reads a text this long on two cores (<c>SplitScan</c>); the <c>OneCore</c> methods read it in order on one, as before.
/// </summary>
[MemoryDiagnoser]
public class DraftParseBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = DraftCorpus.Repeat(DraftCorpus.Paris(), 50_000_000);

    [Benchmark(Baseline = true)]
    public long CharScanBaseline()
    {
        long opens = 0, words = 0;
        bool inWord = false;
        foreach (char c in _text)
        {
            if (c == '[') opens++;
            bool blank = c is ' ' or '\n' or '\t' or '\r';
            if (!blank && !inWord) words++;
            inWord = !blank;
        }
        return opens + words;
    }

    [Benchmark]
    public double ParseAndMetrics()
    {
        var d = DraftParser.Parse(_text, DraftFormat.Markdown);
        return d.Metrics.AgreedShare + d.Metrics.Opens;
    }

    [Benchmark]
    public double ParseAndMetricsPlainText()
    {
        var d = DraftParser.Parse(_text, DraftFormat.PlainText);
        return d.Metrics.AgreedShare + d.Metrics.Opens;
    }

    [Benchmark]
    public double ParseAndMetricsOneCore()
    {
        var d = DraftParser.ParseCut(_text, DraftFormat.Markdown, -1, out _);
        return d.Metrics.AgreedShare + d.Metrics.Opens;
    }

    [Benchmark]
    public double ParseAndMetricsPlainTextOneCore()
    {
        var d = DraftParser.ParseCut(_text, DraftFormat.PlainText, -1, out _);
        return d.Metrics.AgreedShare + d.Metrics.Opens;
    }
}
