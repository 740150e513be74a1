using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The scanner's vectorised searches against their definitions, as the framework's <c>IndexOfAny</c> over the same set
/// finds them: the end of a text run (line end, bracket, brace, '&lt;', backslash, or a control character other than tab
/// and carriage return) and the end of a link's text ('[', ']', '{', '&lt;'), at every start and length (so that every
/// tail length meets the vector loaded back from the end).
/// </summary>
public sealed class StopSearchTests
{
    private static readonly SearchValues<char> RunStopSet = SearchValues.Create(
        "\n[]{}<\\" + new string(Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r')).Select(c => (char)c).ToArray()));

    private static readonly SearchValues<char> LinkTextStopSet = SearchValues.Create("[]{<");

    public static class Texts
    {
        // Mostly ordinary text; sometimes a stop, a near miss ('|', '^', '>', '~', tab, CR, the neighbours of the brackets)
        // or a character outside ASCII whose low byte looks like a stop (U+015B, U+0A0A, U+5B5D).
        private static readonly Gen<char> Character = Gen.Frequency(
            (60, Gen.Elements("abc XYZ 019.,;:-*_'\"()".ToCharArray())),
            (4, Gen.Elements("\n[]{}<\\\u0000\u0001\u001F\u000B".ToCharArray())),
            (6, Gen.Elements("|^>~\t\rZ^`\u007F\u00A0\u015B\u0A0A\u5B5D–é".ToCharArray())));

        public static Arbitrary<string> All() =>
            (from length in Gen.Choose(0, 120) from chars in Character.ArrayOf(length) select new string(chars)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 200, Replay = "(4242,77)")]
    public void IndexOf_EverySliceOfAnyText_MatchesTheDefinition(string text)
    {
        for (int from = 0; from <= text.Length; from++)
        {
            for (int to = from; to <= text.Length; to++)
            {
                var slice = text.AsSpan(from, to - from);
                Assert.Equal(slice.IndexOfAny(RunStopSet), StopSearch.IndexOf<RunStops>(slice));
                Assert.Equal(slice.IndexOfAny(LinkTextStopSet), StopSearch.IndexOf<LinkTextStops>(slice));
            }
        }
    }

    [Fact]
    public void IndexOf_EveryCharacterAlone_FindsExactlyTheDefinedOnes()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            // A block of 16 (the vector path) and the character alone (the scalar path), the character last.
            var block = new string('a', 15) + (char)c;
            int run = RunStopSet.Contains((char)c) ? 15 : -1, link = LinkTextStopSet.Contains((char)c) ? 15 : -1;
            Assert.Equal(run, StopSearch.IndexOf<RunStops>(block));
            Assert.Equal(Math.Min(run, 0), StopSearch.IndexOf<RunStops>(block.AsSpan(15)));
            Assert.Equal(link, StopSearch.IndexOf<LinkTextStops>(block));
            Assert.Equal(Math.Min(link, 0), StopSearch.IndexOf<LinkTextStops>(block.AsSpan(15)));
        }
    }
}
