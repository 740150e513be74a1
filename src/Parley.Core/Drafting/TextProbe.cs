namespace Parley.Core.Drafting;

/// <summary>
/// Small searches the scan makes many times, written out rather than taken from the framework: <c>string.CompareOrdinal</c>
/// and <c>Array.BinarySearch&lt;int&gt;</c> are not precompiled for this processor or outside the framework's own image, so
/// a cold <c>parley draft stats</c> compiled them unoptimised first (issue #14).
/// </summary>
internal static class TextProbe
{
    /// <summary>The text at <paramref name="p"/> reads <paramref name="word"/> (ordinal; false when it would run past the text).</summary>
    public static bool At(string t, int p, string word)
    {
        if (p < 0 || p + word.Length > t.Length) return false;
        for (int k = 0; k < word.Length; k++)
        {
            if (t[p + k] != word[k]) return false;
        }
        return true;
    }

    /// <summary>The number of elements of <paramref name="sorted"/> (ascending) below <paramref name="value"/>, by binary search.</summary>
    public static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
