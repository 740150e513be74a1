namespace Parley.Core.Drafting;

internal sealed partial class BracketMatcher
{
    /// <summary>No bracket is open (and so no text is waiting on one, and no party owns the words read now).</summary>
    public bool Settled => _stack.Count == 0 && !GapBlank;

    /// <summary>
    /// Takes over what <paramref name="part"/> (a matcher of a scan that started inside the text, see <see cref="SplitScan"/>)
    /// found from its bracket <paramref name="fromBracket"/> and group <paramref name="fromGroup"/> on, read from a point
    /// where both were <see cref="Settled"/>: its brackets renumbered to follow this matcher's (their provisions moved by
    /// <paramref name="provisionShift"/>), its alternative groups, its open brackets and the text waiting on them, and the
    /// party counts of its brackets. Nothing from before that point can be referred to after it: every bracket opened later
    /// has its parent, group partner and party owner among the later ones.
    /// </summary>
    public void Adopt(BracketMatcher part, int fromBracket, int fromGroup, int provisionShift)
    {
        int shift = Brackets.Count - fromBracket;
        int groupShift = GroupCount - fromGroup;
        // Party counts as the scan keeps them: a bracket for each party it names, and the words it owned for each of them.
        Brackets.TakeOver(part.Brackets, fromBracket, (ref Bracket b) =>
        {
            var parties = (string[])b.Parties;
            if (parties.Length > 0) CountParties(parties, part.OwnPartyWords.GetValueOrDefault(b.Index));
            b = b with
            {
                Index = b.Index + shift,
                Parent = b.Parent >= 0 ? b.Parent + shift : -1,
                Provision = b.Provision + provisionShift,
                Group = b.Group >= 0 ? b.Group + groupShift : -1,
            };
        });
        // Both scans had no text waiting on a bracket at the join, so the marks count from the same empty list.
        SegmentMarks.TakeOver(part.SegmentMarks, fromBracket, static (ref int _) => { });
        Segments.Clear();
        foreach (var s in part.Segments) Segments.Add(s with { Bracket = s.Bracket + shift, Block = s.Block + provisionShift });
        _stack.Clear();
        foreach (int i in part._stack) _stack.Add(i + shift);
        _frameOwner.Clear();
        foreach (int i in part._frameOwner) _frameOwner.Add(i >= 0 ? i + shift : -1);
        _partiesOwner = part._partiesOwner >= 0 ? part._partiesOwner + shift : -1;
        _lastClosed = part._lastClosed >= fromBracket ? part._lastClosed + shift : -1;
        GapBlank = part.GapBlank;
        GroupCount += part.GroupCount - fromGroup;
        foreach (var (bracket, words) in part.OwnPartyWords)
        {
            if (bracket >= fromBracket) OwnPartyWords[bracket + shift] = words;
        }
    }

    private void CountParties(string[] parties, long words)
    {
        foreach (var party in parties)
        {
            if (!PartyIndex.TryGetValue(party, out int k))
            {
                k = PartyCounts.Count;
                PartyIndex[party] = k;
                PartyCounts.Add((0, 0));
            }
            PartyCounts[k] = (PartyCounts[k].Brackets + 1, PartyCounts[k].Words + words);
        }
    }
}
