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
    public void RecoverUnclosed(ValueList<Provision> provisions, bool markdown)
    {
        if (_stack.Count == 0) return;
        var unclosed = _stack.ToArray();
        _stack.Clear();
        var brackets = Brackets.AsSpan();
        var blocks = provisions.AsSpan();
        foreach (var segment in Segments.AsSpan())
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
        // Renumber dropped the unclosed openers: the list is shorter than the span taken above. Brackets come in the order
        // of their provisions, so those of the provisions from firstBlock on end the list: from the first unclosed opener's
        // place, back over the brackets of its own provision opened before it.
        var kept = Brackets.AsSpan();
        int from = Math.Min(unclosed[0], kept.Length);
        while (from > 0 && kept[from - 1].Provision >= firstBlock) from--;
        foreach (ref readonly var b in kept[from..])
        {
            if (b.Depth > depths[b.Provision - firstBlock]) depths[b.Provision - firstBlock] = b.Depth;
        }
        for (int b = firstBlock; b < blocks.Length; b++)
        {
            if (blocks[b].Metrics.MaxDepth != depths[b - firstBlock])
            {
                blocks[b] = blocks[b] with { Metrics = blocks[b].Metrics with { MaxDepth = depths[b - firstBlock] } };
            }
        }
        ReorderParties(unclosed[0]);
    }

    /// <summary>
    /// Drops the unclosed openers (indexes in ascending order) from the list; parents, depths and alternative groups follow.
    /// A bracket whose parent was unclosed is at top level afterwards, since every bracket enclosing an unclosed opener is
    /// unclosed too.
    /// </summary>
    private void Renumber(Span<Bracket> brackets, int[] unclosed)
    {
        // Groups keep their numbers unless an unclosed opener stood in one: then a group left with a single member is no
        // group any more, and the groups after it close up.
        int[]? groups = null;
        int groupCount = GroupCount;
        foreach (int k in unclosed)
        {
            if (brackets[k].Group >= 0 && groups is null) groups = Regroup(brackets, unclosed, out groupCount);
        }
        // Before the first unclosed opener nothing changes when the groups do not: no index, parent or depth moves there.
        int below = 0, next = groups is null ? unclosed[0] : 0;
        for (int i = next; i < brackets.Length; i++)
        {
            if (below < unclosed.Length && unclosed[below] == i)
            {
                below++;
                continue;
            }
            ref readonly var b = ref brackets[i];
            int parent = b.Parent >= 0 ? NewIndex(b.Parent, unclosed) : -1;
            int group = b.Group >= 0 && groups is not null ? groups[b.Group] : b.Group;
            // The brackets before the first unclosed opener usually stay as they are (an opener left open is often near
            // the end): write only a bracket that changes, as a bracket holds references and its write is not free.
            if (next != i || parent != b.Parent || below != 0 || group != b.Group)
            {
                brackets[next] = b with { Index = next, Parent = parent, Depth = b.Depth - below, Group = group };
                SegmentMarks[next] = SegmentMarks[i];
            }
            next++;
        }
        Brackets.Truncate(next);
        SegmentMarks.Truncate(next);
        GroupCount = groupCount;
    }

    /// <summary>Each group's new number once the unclosed openers leave it (-1 when fewer than two members remain), and the count.</summary>
    private int[] Regroup(Span<Bracket> brackets, int[] unclosed, out int count)
    {
        var members = new int[GroupCount];
        int u = 0;
        for (int i = 0; i < brackets.Length; i++)
        {
            if (u < unclosed.Length && unclosed[u] == i) u++;
            else if (brackets[i].Group >= 0) members[brackets[i].Group]++;
        }
        var groups = new int[GroupCount];
        count = 0;
        for (int g = 0; g < groups.Length; g++) groups[g] = members[g] >= 2 ? count++ : -1;
        return groups;
    }

    /// <summary>Index of bracket <paramref name="old"/> once the unclosed openers are dropped; -1 when it is one of them.</summary>
    private static int NewIndex(int old, int[] unclosed)
    {
        // The number of unclosed openers before it (by a search of Parley's own: Array.BinarySearch<int> is not precompiled).
        int below = TextProbe.LowerBound(unclosed, old);
        return below < unclosed.Length && unclosed[below] == old ? -1 : old - below;
    }

    /// <summary>Parties in order of first appearance among the remaining brackets; one named only by unclosed openers is gone.</summary>
    private void ReorderParties(int firstUnclosed)
    {
        // The order stands when every party is named by some bracket before the first unclosed opener: those brackets,
        // unchanged, set it. Usually all parties are named early, and this look ends long before that opener.
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (ref readonly var b in Brackets.AsSpan()[..Math.Min(firstUnclosed, Brackets.Count)])
        {
            foreach (var party in (string[])b.Parties) named.Add(party);
            if (named.Count == PartyIndex.Count) return;
        }
        var oldIndex = new Dictionary<string, int>(PartyIndex, StringComparer.Ordinal);
        var oldCounts = PartyCounts.ToArray();
        PartyIndex.Clear();
        PartyCounts.Clear();
        foreach (ref readonly var b in Brackets.AsSpan())
        {
            foreach (var party in (string[])b.Parties)
            {
                if (PartyIndex.TryAdd(party, PartyCounts.Count)) PartyCounts.Add(oldCounts[oldIndex[party]]);
            }
        }
    }
}
