using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The tokenizer's vectorised search for the end of a text run against the definition: the first line end, bracket,
/// brace, '&lt;', backslash or control character other than tab and carriage return, as the framework's
/// <c>IndexOfAny</c> over that set finds it, at every start and length (so that every tail length meets the vector loaded
/// back from the end).
/// </summary>
public sealed class RunStopsTests
{
    private static readonly SearchValues<char> Definition = SearchValues.Create(
        "\n[]{}<\\" + new string(Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r')).Select(c => (char)c).ToArray()));

    public static class Texts
    {
        // Mostly ordinary text; sometimes a stop, a near miss ('|', '^', '>', '~', tab, CR, U+005A/U+005E around the
        // brackets) or a character outside ASCII whose low byte looks like a stop (U+015B, U+0A0A).
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
                Assert.Equal(slice.IndexOfAny(Definition), RunStops.IndexOf(slice));
            }
        }
    }

    [Fact]
    public void IndexOf_EveryCharacterAlone_StopsExactlyAtTheDefinedOnes()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            // A block of 16 (vector path) and a single character (scalar path), with the character last.
            var block = new string('a', 15) + (char)c;
            bool stop = Definition.Contains((char)c);
            Assert.Equal(stop ? 15 : -1, RunStops.IndexOf(block));
            Assert.Equal(stop ? 0 : -1, RunStops.IndexOf(block.AsSpan(15)));
        }
    }
}
