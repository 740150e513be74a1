using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Core.Drafting;

/// <summary>
/// What the scanner needs to know before it starts, found in one vectorised pass over the text (32 characters at a time
/// with bit masks) instead of one pass per question: how many <c>[</c> there are (the exact size of the bracket list), an
/// upper bound on the number of provisions (one per line that is not empty: a provision starts on a line holding
/// something), whether <c>](</c> occurs, where <c>]:</c> occurs (the only places a Markdown link reference definition can be) and where the first "ad ref" mark is.
/// </summary>
internal readonly struct DraftPrescan
{
    /// <summary>Number of <c>[</c> characters.</summary>
    public int Opens { get; private init; }

    /// <summary>Number of <c>\n</c> characters.</summary>
    public int LineFeeds { get; private init; }

    /// <summary>Number of empty lines after the first: a <c>\n</c> directly preceded by another <c>\n</c>.</summary>
    public int EmptyLines { get; private init; }

    /// <summary>Some <c>]</c> is directly followed by <c>(</c> (without one, no inline link can be written).</summary>
    public bool HasInlineLinkMark { get; private init; }

    /// <summary>
    /// Offset of the first "ad ref" in any case (as <c>IndexOf("ad ref", OrdinalIgnoreCase)</c> finds it), or -1. Found from
    /// the places where "ad " ends in any case (no character outside ASCII upper-cases to A or D), each then checked in full.
    /// </summary>
    public int FirstAdRef { get; private init; }

    /// <summary>Offsets of each <c>]</c> directly followed by <c>:</c>, in order.</summary>
    public List<int> DefinitionMarks { get; private init; }

    /// <summary>
    /// At least the number of provisions the scanner can start: lines (<see cref="LineFeeds"/> + 1) less the empty ones,
    /// plus one for safety. The list grows past it if ever needed, so this only sizes it.
    /// </summary>
    public int ProvisionBound => LineFeeds + 2 - EmptyLines;

    public static DraftPrescan Of(string text) => Of(text, 0, text.Length);

    /// <summary>
    /// The prescan of the part [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="text"/>, offsets in the
    /// whole text. Pairs and "ad ref" are found only when they lie wholly inside the part (a part that starts after a line
    /// end loses none: no pair and no "ad ref" holds a line end).
    /// </summary>
    public static DraftPrescan Of(string text, int from, int to)
    {
        var span = text.AsSpan(from, to - from);
        int opens = 0, lineFeeds = 0, empty = 0;
        bool inlineMark = false;
        int adRef = -1;
        var marks = new List<int>();
        int k = 0;
        if (Vector256.IsHardwareAccelerated && span.Length >= 32)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            // Bit 31 of the previous block's masks: a pair may straddle two blocks.
            uint lineFeedCarry = 0, closeCarry = 0, dCarry = 0, aCarry = 0;
            for (; k + 32 <= span.Length; k += 32)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)k);
                var v1 = Vector256.LoadUnsafe(ref start, (nuint)(k + 16));
                uint open = Mask(v0, v1, '[');
                uint lineFeed = Mask(v0, v1, '\n');
                uint close = Mask(v0, v1, ']');
                opens += BitOperations.PopCount(open);
                lineFeeds += BitOperations.PopCount(lineFeed);
                empty += BitOperations.PopCount(lineFeed & ((lineFeed << 1) | lineFeedCarry));
                lineFeedCarry = lineFeed >> 31;
                if ((close | closeCarry) != 0)
                {
                    uint after = (close << 1) | closeCarry;
                    uint marked = Mask(v0, v1, ':') & after;
                    for (; marked != 0; marked &= marked - 1) marks.Add(from + k + BitOperations.TrailingZeroCount(marked) - 1);
                    inlineMark |= (Mask(v0, v1, '(') & after) != 0;
                }
                closeCarry = close >> 31;
                if (adRef < 0)
                {
                    // Bit i: character i is a blank that ends "ad" (any case); bits of the block before carry in.
                    var l0 = v0 | Vector256.Create((ushort)0x20);
                    var l1 = v1 | Vector256.Create((ushort)0x20);
                    uint a = Mask(l0, l1, 'a'), d = Mask(l0, l1, 'd');
                    uint ends = Mask(v0, v1, ' ') & ((d << 1) | dCarry) & ((a << 2) | aCarry);
                    for (; ends != 0 && adRef < 0; ends &= ends - 1) adRef = AdRefAt(text, from + k + BitOperations.TrailingZeroCount(ends) - 2, from);
                    dCarry = d >> 31;
                    aCarry = a >> 30;
                }
            }
        }
        for (; k < span.Length; k++)
        {
            char c = span[k];
            if (c == '[') opens++;
            else if (c == '\n')
            {
                lineFeeds++;
                if (k > 0 && span[k - 1] == '\n') empty++;
            }
            else if (c == ':' && k > 0 && span[k - 1] == ']')
            {
                marks.Add(from + k - 1);
            }
            else if (c == '(' && k > 0 && span[k - 1] == ']')
            {
                inlineMark = true;
            }
            else if (c == ' ' && adRef < 0 && k >= 2)
            {
                adRef = AdRefAt(text, from + k - 2, from);
            }
        }
        return new DraftPrescan
        {
            Opens = opens, LineFeeds = lineFeeds, EmptyLines = empty, HasInlineLinkMark = inlineMark, FirstAdRef = adRef,
            DefinitionMarks = marks,
        };
    }

    /// <summary>
    /// What the prescans of two adjoining parts, <paramref name="head"/> before <paramref name="tail"/>, give for the two
    /// together, when the tail starts after a line end.
    /// </summary>
    public static DraftPrescan Join(DraftPrescan head, DraftPrescan tail) => new()
    {
        Opens = head.Opens + tail.Opens,
        LineFeeds = head.LineFeeds + tail.LineFeeds,
        // An empty line at the tail's first character is not counted: the bound stays a bound.
        EmptyLines = head.EmptyLines + tail.EmptyLines,
        HasInlineLinkMark = head.HasInlineLinkMark || tail.HasInlineLinkMark,
        FirstAdRef = head.FirstAdRef >= 0 ? head.FirstAdRef : tail.FirstAdRef,
        DefinitionMarks = [.. head.DefinitionMarks, .. tail.DefinitionMarks],
    };

    /// <summary><paramref name="p"/> when "ad ref" (any case) starts there (not before <paramref name="from"/>), else -1.</summary>
    private static int AdRefAt(string text, int p, int from) =>
        p >= from && p + 6 <= text.Length && string.Compare(text, p, "ad ref", 0, 6, StringComparison.OrdinalIgnoreCase) == 0 ? p : -1;

    private static uint Mask(Vector256<ushort> low, Vector256<ushort> high, char c) =>
        Vector256.ExtractMostSignificantBits(Vector256.Equals(low, Vector256.Create((ushort)c)))
        | (Vector256.ExtractMostSignificantBits(Vector256.Equals(high, Vector256.Create((ushort)c))) << 16);
}
