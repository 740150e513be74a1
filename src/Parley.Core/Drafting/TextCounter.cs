using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Core.Drafting;

/// <summary>
/// Counts the words and non-blank characters of a run of text that holds no bracket, brace, angle, backslash, control
/// character or line end. A word is a maximal run of non-blank characters and is counted at its first letter or digit, so a
/// word that started before the run (<see cref="InWord"/>) and was already counted (<see cref="Counted"/>) is not counted
/// again. ASCII text is counted 32 characters at a time with bit masks; a block holding any other character is counted one
/// character at a time with the same rules (<see cref="char.IsWhiteSpace(char)"/>, <see cref="char.IsLetterOrDigit(char)"/>).
/// The counting loops are compiled optimised on first call rather than precompiled: their precompiled code does not fit an
/// AVX-512 processor, so a cold process ran them in the JIT's unoptimised first tier (docs/benchmarks.md, "Cold starts").
/// </summary>
internal struct TextCounter(bool inWord, bool counted, bool gapBlank)
{
    /// <summary>Inside a word at the end of what was counted.</summary>
    public bool InWord = inWord;

    /// <summary>That word has been counted (it holds a letter or digit).</summary>
    public bool Counted = counted;

    /// <summary>Only blanks (and, in Markdown, emphasis marks) since the last closing bracket.</summary>
    public bool GapBlank = gapBlank;

    public long Words, Chars;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Count(ReadOnlySpan<char> text, bool markdown)
    {
        for (int k = CountBlocks(text, markdown); k < text.Length; k++) One(text[k], markdown);
    }

    /// <summary>
    /// Counts <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="from"/>, as
    /// <see cref="Count(ReadOnlySpan{char}, bool)"/> does. A tail shorter than a block is counted with one vector too, loaded
    /// to end where the run ends: it may start up to 31 characters before the run (never before the text), and the bits of
    /// the characters before the tail are shifted out of its masks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Count(string text, int from, int length, bool markdown)
    {
        var run = text.AsSpan(from, length);
        int k = CountBlocks(run, markdown);
        int rest = length - k;
        if (rest > 0 && Vector256.IsHardwareAccelerated && from + length >= 32)
        {
            ref ushort window = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text.AsSpan()), from + length - 32));
            var v0 = Vector256.LoadUnsafe(ref window);
            var v1 = Vector256.LoadUnsafe(ref window, 16);
            int shift = 32 - rest;
            if (Mask(Vector256.GreaterThan(v0, Vector256.Create((ushort)127)), Vector256.GreaterThan(v1, Vector256.Create((ushort)127))) >> shift == 0)
            {
                uint valid = (1u << rest) - 1;
                uint nonBlank = ~(Mask(IsBlank(v0), IsBlank(v1)) >> shift) & valid;
                uint alnum = Mask(IsLetterOrDigit(v0), IsLetterOrDigit(v1)) >> shift;
                uint emphasis = markdown ? Mask(IsEmphasis(v0), IsEmphasis(v1)) >> shift : 0;
                Block(nonBlank, alnum, emphasis, rest);
                return;
            }
        }
        for (; k < length; k++) One(run[k], markdown);
    }

    /// <summary>Counts the whole blocks of 32 ASCII characters at the start of <paramref name="text"/>; returns how many characters were counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountBlocks(ReadOnlySpan<char> text, bool markdown)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; k + 32 <= text.Length; k += 32)
            {
                var v0 = Vector256.LoadUnsafe(ref start, (nuint)k);
                var v1 = Vector256.LoadUnsafe(ref start, (nuint)(k + 16));
                if (((v0 | v1) & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
                {
                    for (int j = k; j < k + 32; j++) One(text[j], markdown);
                    continue;
                }
                uint blank = Mask(IsBlank(v0), IsBlank(v1));
                uint alnum = Mask(IsLetterOrDigit(v0), IsLetterOrDigit(v1));
                uint emphasis = markdown ? Mask(IsEmphasis(v0), IsEmphasis(v1)) : 0;
                Block(~blank, alnum, emphasis, 32);
            }
        }
        return k;
    }

    /// <summary>
    /// One block of <paramref name="length"/> (1–32) characters as masks (bit i = character i, no bit at or above
    /// <paramref name="length"/>): non-blank, letter or digit, emphasis mark. A word is counted at its first letter or digit:
    /// adding each word's start bit to the run of non-alphanumeric characters that opens it carries the bit to that first
    /// letter or digit (or past the word, to a blank, when it has none).
    /// </summary>
    private void Block(uint nonBlank, uint alnum, uint emphasis, int length)
    {
        Chars += BitOperations.PopCount(nonBlank);
        if ((nonBlank & ~emphasis) != 0) GapBlank = false;
        uint starts = nonBlank & ~(nonBlank << 1);
        uint countable = alnum;
        // The word running on from before the block, if already counted, is not counted again at its letters here.
        if (InWord && Counted) countable &= ~(nonBlank & ~(nonBlank + 1));
        uint other = nonBlank & ~countable;
        uint firsts = (starts + other) & ~other & countable;
        Words += BitOperations.PopCount(firsts);
        if (((nonBlank >> (length - 1)) & 1) == 0)
        {
            InWord = false;
            return;
        }
        uint blank = ~nonBlank & (length == 32 ? uint.MaxValue : (1u << length) - 1);
        if (blank == 0)
        {
            Counted = (InWord && Counted) || alnum != 0;
        }
        else
        {
            int last = 31 - BitOperations.LeadingZeroCount(blank);
            Counted = (alnum & ~((2u << last) - 1)) != 0;
        }
        InWord = true;
    }

    private void One(char c, bool markdown)
    {
        bool blank = c < 128 ? c is ' ' or '\t' or '\r' : char.IsWhiteSpace(c);
        if (blank)
        {
            InWord = false;
            return;
        }
        Chars++;
        if (!(markdown && c is '*' or '_')) GapBlank = false;
        if (!InWord)
        {
            InWord = true;
            Counted = false;
        }
        if (!Counted && (c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c)))
        {
            Counted = true;
            Words++;
        }
    }

    private static uint Mask(Vector256<ushort> low, Vector256<ushort> high) =>
        Vector256.ExtractMostSignificantBits(low) | (Vector256.ExtractMostSignificantBits(high) << 16);

    private static Vector256<ushort> IsBlank(Vector256<ushort> v) =>
        Vector256.Equals(v, Vector256.Create((ushort)' ')) | Vector256.Equals(v, Vector256.Create((ushort)'\t'))
        | Vector256.Equals(v, Vector256.Create((ushort)'\r'));

    private static Vector256<ushort> IsLetterOrDigit(Vector256<ushort> v) =>
        Vector256.LessThan((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26))
        | Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));

    private static Vector256<ushort> IsEmphasis(Vector256<ushort> v) =>
        Vector256.Equals(v, Vector256.Create((ushort)'*')) | Vector256.Equals(v, Vector256.Create((ushort)'_'));
}
