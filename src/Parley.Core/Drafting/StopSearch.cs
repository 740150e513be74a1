using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Core.Drafting;

/// <summary>A set of characters the scanner searches for: tested one at a time, and sixteen at a time as a bit mask.</summary>
internal interface IStopSet
{
    /// <summary>True when <paramref name="c"/> is in the set.</summary>
    static abstract bool Contains(char c);

    /// <summary>Bit i set when character i of <paramref name="v"/> is in the set.</summary>
    static abstract uint Mask(Vector256<ushort> v);
}

/// <summary>
/// Where a run of ordinary text ends: a line end, <c>[</c>, <c>]</c>, <c>{</c>, <c>}</c>, <c>&lt;</c>, a backslash, or any
/// other control character below U+0020 except tab and carriage return.
/// </summary>
internal readonly struct RunStops : IStopSet
{
    public static bool Contains(char c) => c < ' ' ? c is not ('\t' or '\r') : c is '[' or ']' or '{' or '}' or '<' or '\\';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mask(Vector256<ushort> v)
    {
        var control = Vector256.LessThan(v, Vector256.Create((ushort)' '))
            & ~(Vector256.Equals(v, Vector256.Create((ushort)'\t')) | Vector256.Equals(v, Vector256.Create((ushort)'\r')));
        // '[', '\\' and ']' are consecutive (0x5B–0x5D).
        var square = Vector256.LessThan(v - Vector256.Create((ushort)'['), Vector256.Create((ushort)3));
        var other = Vector256.Equals(v, Vector256.Create((ushort)'{')) | Vector256.Equals(v, Vector256.Create((ushort)'}'))
            | Vector256.Equals(v, Vector256.Create((ushort)'<'));
        return Vector256.ExtractMostSignificantBits(control | square | other);
    }
}

/// <summary>Where the text of a possible Markdown link ends: <c>[</c>, <c>]</c>, <c>{</c> or <c>&lt;</c>.</summary>
internal readonly struct LinkTextStops : IStopSet
{
    public static bool Contains(char c) => c is '[' or ']' or '{' or '<';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mask(Vector256<ushort> v) => Vector256.ExtractMostSignificantBits(
        Vector256.Equals(v, Vector256.Create((ushort)'[')) | Vector256.Equals(v, Vector256.Create((ushort)']'))
        | Vector256.Equals(v, Vector256.Create((ushort)'{')) | Vector256.Equals(v, Vector256.Create((ushort)'<')));
}

/// <summary>
/// Finds the first character of a span that belongs to a <see cref="IStopSet"/>, sixteen characters at a time.
/// </summary>
/// <remarks>
/// Parley's own loop rather than <c>IndexOfAny(SearchValues)</c>: the same result (checked by a property test), but a cold
/// <c>parley draft stats</c> ran the framework's search in the JIT's unoptimised first tier for its first tenth of a
/// second — its precompiled code does not fit an AVX-512 processor — and, for the same reason, this loop is compiled
/// optimised on first call instead of being precompiled (<see cref="MethodImplOptions.AggressiveOptimization"/>).
/// </remarks>
internal static class StopSearch
{
    /// <summary>The index of the first character of <paramref name="text"/> in <typeparamref name="TSet"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOf<TSet>(ReadOnlySpan<char> text) where TSet : struct, IStopSet
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated && text.Length >= 16)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            for (; k + 16 <= text.Length; k += 16)
            {
                uint found = TSet.Mask(Vector256.LoadUnsafe(ref start, (nuint)k));
                if (found != 0) return k + BitOperations.TrailingZeroCount(found);
            }
            if (k < text.Length)
            {
                // The last characters, with one vector loaded back from the end; the bits of those already seen are shifted out.
                int back = text.Length - 16;
                uint found = TSet.Mask(Vector256.LoadUnsafe(ref start, (nuint)back)) >> (k - back);
                return found != 0 ? k + BitOperations.TrailingZeroCount(found) : -1;
            }
            return -1;
        }
        for (; k < text.Length; k++)
        {
            if (TSet.Contains(text[k])) return k;
        }
        return -1;
    }
}
