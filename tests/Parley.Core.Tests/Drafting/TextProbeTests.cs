using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>The scan's own small searches against the framework's: <c>string.CompareOrdinal</c> and <c>Array.BinarySearch</c>.</summary>
public sealed class TextProbeTests
{
    [Fact]
    public void At_EveryOffsetAndWord_MatchesCompareOrdinal()
    {
        const string text = "Option 1 ...] <!-- x --> ```bis~~~ Option";
        string[] words = ["Option", "...]", "<!--", "```", "~~~", "bis", "O", "", "Option 1 ...] <!-- x --> ```bis~~~ Option!"];
        for (int p = 0; p <= text.Length; p++)
        {
            foreach (var word in words)
            {
                bool expected = p + word.Length <= text.Length && string.CompareOrdinal(text, p, word, 0, word.Length) == 0;
                Assert.Equal(expected, TextProbe.At(text, p, word));
            }
        }
    }

    [Fact]
    public void LowerBound_RandomSortedArrays_MatchesBinarySearch()
    {
        var random = new Random(1414);
        for (int round = 0; round < 500; round++)
        {
            var sorted = Enumerable.Range(0, random.Next(0, 20)).Select(_ => random.Next(0, 50)).Distinct().Order().ToArray();
            for (int value = -1; value <= 51; value++)
            {
                int k = Array.BinarySearch(sorted, value);
                Assert.Equal(k >= 0 ? k : ~k, TextProbe.LowerBound(sorted, value));
            }
        }
    }
}
