namespace Parley.Core.Drafting;

/// <summary>
/// Counts over a stretch of negotiated text (a provision, a section, an issue, a party's brackets or the whole draft).
/// A <em>word</em> is a maximal run of characters that are not white space, brackets or braces and that holds at least one
/// letter or digit; it is <em>agreed</em> when its first letter or digit lies outside every bracket. <em>Chars</em> are the
/// non-white-space characters of negotiated text, not counting the brackets themselves. Markup, attribution headers,
/// facilitator notes and comments are not negotiated text and count nowhere here.
/// </summary>
/// <param name="Words">All words.</param>
/// <param name="AgreedWords">Words outside every bracket.</param>
/// <param name="Chars">All non-white-space characters.</param>
/// <param name="AgreedChars">Those outside every bracket.</param>
/// <param name="Opens">Opening brackets.</param>
/// <param name="MaxDepth">Deepest nesting of those brackets (0 when there is none).</param>
public readonly record struct TextMetrics(long Words, long AgreedWords, long Chars, long AgreedChars, int Opens, int MaxDepth)
{
    /// <summary>Words inside brackets: <see cref="Words"/> − <see cref="AgreedWords"/>.</summary>
    public long BracketedWords => Words - AgreedWords;

    /// <summary>Characters inside brackets.</summary>
    public long BracketedChars => Chars - AgreedChars;

    /// <summary>Agreed share of the text by words: <see cref="AgreedWords"/> ÷ <see cref="Words"/>; 1 when there are no words (nothing is disputed).</summary>
    public double AgreedShare => Words == 0 ? 1.0 : (double)AgreedWords / Words;

    /// <summary>Agreed share by characters: <see cref="AgreedChars"/> ÷ <see cref="Chars"/>; 1 when there are none.</summary>
    public double AgreedCharShare => Chars == 0 ? 1.0 : (double)AgreedChars / Chars;

    /// <summary>Sum of two stretches; depths combine by maximum.</summary>
    public static TextMetrics operator +(TextMetrics a, TextMetrics b) => new(
        a.Words + b.Words, a.AgreedWords + b.AgreedWords, a.Chars + b.Chars, a.AgreedChars + b.AgreedChars,
        a.Opens + b.Opens, Math.Max(a.MaxDepth, b.MaxDepth));
}
