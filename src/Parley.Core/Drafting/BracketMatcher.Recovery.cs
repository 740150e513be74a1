using System.Runtime.InteropServices;

namespace Parley.Core.Drafting;

internal sealed partial class BracketMatcher
{
    /// <summary>
    /// After the scan, reads each opener never closed as plain text, in place, as if the scan had not taken it for a bracket:
    /// the text counted inside it becomes agreed, its header becomes words, its parties lose the bracket and the words it was
    /// the nearest attributed bracket for, and the brackets opened after it move up one level. This is exact because an opener
    /// left open sits below every bracket opened after it: each of those lies inside it, and none of its enclosing brackets
    /// ever closed either. (<see cref="DraftParser.ParseByRescan"/> checks this against a second scan that skips them.)
    /// </summary>
    /// <param name="provisions">The provisions read, whose figures are corrected.</param>
    /// <param name="markdown">The text is Markdown (emphasis marks in a header are not words).</param>
    public void RecoverUnclosed(List<Provision> provisions, bool markdown)
    {
        if (_stack.Count == 0) return;
        var unclosed = _stack.ToArray();
        _stack.Clear();
        var brackets = CollectionsMarshal.AsSpan(Brackets);
        var blocks = CollectionsMarshal.AsSpan(provisions);
        foreach (var segment in Segments)
        {
            ref var provision = ref blocks[segment.Block];
            provision = provision with { Metrics = provision.Metrics + new TextMetrics(0, segment.Words, 0, segment.Chars, 0, 0) };
        }
        Segments.Clear();
        foreach (int u in unclosed)
        {
            var opener = brackets[u];
            ref var provision = ref blocks[opener.Provision];
            var header = new TextCounter(false, false, false);
            header.Count(_t.AsSpan(opener.Start + 1, opener.ContentStart - opener.Start - 1), markdown);
            var m = provision.Metrics;
            bool adReferendum = provision.AdReferendum;
            for (int p = opener.Start + 1; p < opener.ContentStart; p++)
            {
                if ((_t[p] == 'a' || _t[p] == 'A') && LineRules.IsAdRef(_t, p)) adReferendum = true;
            }
            provision = provision with
            {
                AdReferendum = adReferendum,
                Metrics = m with
                {
                    Words = m.Words + header.Words,
                    AgreedWords = m.AgreedWords + header.Words,
                    Chars = m.Chars + header.Chars,
                    AgreedChars = m.AgreedChars + header.Chars,
                    Opens = m.Opens - 1,
                },
            };
            foreach (var party in (string[])opener.Parties)
            {
                int k = PartyIndex[party];
                PartyCounts[k] = (PartyCounts[k].Brackets - 1, PartyCounts[k].Words - OwnPartyWords.GetValueOrDefault(u));
            }
        }
        int firstBlock = brackets[unclosed[0]].Provision;
        Renumber(brackets, unclosed);
        var depths = new int[blocks.Length - firstBlock];
        foreach (ref readonly var b in CollectionsMarshal.AsSpan(Brackets))
        {
            if (b.Provision >= firstBlock && b.Depth > depths[b.Provision - firstBlock]) depths[b.Provision - firstBlock] = b.Depth;
        }
        for (int b = firstBlock; b < blocks.Length; b++)
        {
            if (blocks[b].Metrics.MaxDepth != depths[b - firstBlock])
            {
                blocks[b] = blocks[b] with { Metrics = blocks[b].Metrics with { MaxDepth = depths[b - firstBlock] } };
            }
        }
        ReorderParties();
    }

    /// <summary>
    /// Drops the unclosed openers (indexes in ascending order) from the list; parents, depths and alternative groups follow.
    /// A bracket whose parent was unclosed is at top level afterwards, since every bracket enclosing an unclosed opener is
    /// unclosed too.
    /// </summary>
    private void Renumber(Span<Bracket> brackets, int[] unclosed)
    {
        var members = new int[GroupCount];
        int u = 0;
        for (int i = 0; i < brackets.Length; i++)
        {
            if (u < unclosed.Length && unclosed[u] == i) u++;
            else if (brackets[i].Group >= 0) members[brackets[i].Group]++;
        }
        var groups = new int[GroupCount];
        int groupCount = 0;
        for (int g = 0; g < groups.Length; g++) groups[g] = members[g] >= 2 ? groupCount++ : -1;
        int below = 0, next = 0;
        for (int i = 0; i < brackets.Length; i++)
        {
            if (below < unclosed.Length && unclosed[below] == i)
            {
                below++;
                continue;
            }
            ref readonly var b = ref brackets[i];
            // Before the first unclosed opener a bracket keeps its place, parent and depth; most keep their group too, and
            // are left as they are (an opener left open at the end of a long text would otherwise rewrite every bracket).
            if (below == 0 && (b.Group < 0 || groups[b.Group] == b.Group))
            {
                next++;
                continue;
            }
            brackets[next] = b with
            {
                Index = next,
                Parent = b.Parent >= 0 ? NewIndex(b.Parent, unclosed) : -1,
                Depth = b.Depth - below,
                Group = b.Group >= 0 ? groups[b.Group] : -1,
            };
            SegmentMarks[next] = SegmentMarks[i];
            next++;
        }
        CollectionsMarshal.SetCount(Brackets, next);
        CollectionsMarshal.SetCount(SegmentMarks, next);
        GroupCount = groupCount;
    }

    /// <summary>Index of bracket <paramref name="old"/> once the unclosed openers are dropped; -1 when it is one of them.</summary>
    private static int NewIndex(int old, int[] unclosed)
    {
        int k = Array.BinarySearch(unclosed, old);
        return k >= 0 ? -1 : old - ~k;
    }

    /// <summary>Parties in order of first appearance among the remaining brackets; one named only by unclosed openers is gone.</summary>
    private void ReorderParties()
    {
        var counts = PartyIndex.ToDictionary(kv => kv.Key, kv => PartyCounts[kv.Value], StringComparer.Ordinal);
        PartyIndex.Clear();
        PartyCounts.Clear();
        foreach (ref readonly var b in CollectionsMarshal.AsSpan(Brackets))
        {
            foreach (var party in (string[])b.Parties)
            {
                if (PartyIndex.TryAdd(party, PartyCounts.Count)) PartyCounts.Add(counts[party]);
            }
        }
    }
}
