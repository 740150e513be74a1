using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The vectorised word counter against the definition, counted the slow way: words are maximal runs of non-blank
/// characters holding a letter or digit, characters are the non-blank ones, and a text cut into runs anywhere counts the
/// same as in one piece.
/// </summary>
public sealed class TextCounterTests
{
    /// <summary>A text (no notation characters) and the places where it is cut into runs.</summary>
    public sealed record CutText(string Text, int[] Cuts, bool Markdown)
    {
        public override string ToString() => $"{(Markdown ? "md" : "text")} cuts [{string.Join(",", Cuts)}] \"{Text}\"";
    }

    public static class Texts
    {
        // Mostly ASCII (blanks, letters, digits, punctuation, emphasis marks), so that whole 32-character blocks take the
        // vectorised path; now and then a non-ASCII letter, space or symbol, which sends its block down the scalar path.
        private const string Ascii = "    \t\rabcXYZ019.,;:-*_*_'\"()";
        private const string Other = "–éÉü\u00A0\u2009’€";

        private static readonly Gen<char> Character =
            Gen.Frequency((120, Gen.Elements(Ascii.ToCharArray())), (1, Gen.Elements(Other.ToCharArray())));

        public static Arbitrary<CutText> All() =>
        (
            from length in Gen.Choose(0, 300)
            from chars in Character.ArrayOf(length)
            from count in Gen.Choose(0, 4)
            from cuts in Gen.Choose(0, length).ArrayOf(count)
            from markdown in Gen.Elements(true, false)
            select new CutText(new string(chars), cuts.Order().ToArray(), markdown)
        ).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 500, Replay = "(777,1001)")]
    public void Count_AnyTextCutAnywhere_MatchesTheDefinition(CutText input)
    {
        var text = input.Text;
        var counter = new TextCounter(false, false, true);
        int from = 0;
        foreach (int cut in input.Cuts.Append(text.Length))
        {
            counter.Count(text.AsSpan(from, cut - from), input.Markdown);
            from = cut;
        }

        var words = text.Split(c => char.IsWhiteSpace(c)).Count(w => w.Any(char.IsLetterOrDigit));
        var chars = text.Count(c => !char.IsWhiteSpace(c));
        var onlyEmphasis = text.Where(c => !char.IsWhiteSpace(c)).All(c => input.Markdown && c is '*' or '_');
        Assert.Equal(words, counter.Words);
        Assert.Equal(chars, counter.Chars);
        Assert.Equal(onlyEmphasis, counter.GapBlank);
        Assert.Equal(text.Length > 0 && !char.IsWhiteSpace(text[^1]), counter.InWord);
    }

    /// <summary>
    /// The same cut text counted in place inside a longer string, as the scanner does: a tail shorter than a block is
    /// loaded together with characters before the run (here notation characters, blanks and now and then a non-ASCII
    /// letter, which must not leak into the counts) and must count exactly as the span alone.
    /// </summary>
    [Property(Arbitrary = [typeof(Texts)], MaxTest = 500, Replay = "(1313,3131)")]
    public void Count_InPlaceWithCharactersBefore_CountsAsTheSpanAlone(CutText input, NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        const string Around = "[]{ \n\tx1*é";
        string before = new(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Around[random.Next(Around.Length)]).ToArray());
        string text = before + input.Text + "]x";
        var inPlace = new TextCounter(false, false, true);
        var alone = new TextCounter(false, false, true);
        int from = 0;
        foreach (int cut in input.Cuts.Append(input.Text.Length))
        {
            inPlace.Count(text, before.Length + from, cut - from, input.Markdown);
            alone.Count(input.Text.AsSpan(from, cut - from), input.Markdown);
            // Whether the last word was counted matters only while inside it.
            Assert.Equal((alone.Words, alone.Chars, alone.InWord, alone.InWord && alone.Counted, alone.GapBlank),
                (inPlace.Words, inPlace.Chars, inPlace.InWord, inPlace.InWord && inPlace.Counted, inPlace.GapBlank));
            from = cut;
        }
    }

    [Fact]
    public void Count_WordRunningOnIntoTheNextRun_IsCountedOnce()
    {
        var counter = new TextCounter(false, false, false);
        var first = new string('-', 40) + "ab";
        counter.Count(first, markdown: false);
        counter.Count("cd" + new string('x', 40) + " 1", markdown: false);

        Assert.Equal(2, counter.Words);
    }
}

internal static class SplitExtensions
{
    public static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start) parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        return parts.ToArray();
    }
}
