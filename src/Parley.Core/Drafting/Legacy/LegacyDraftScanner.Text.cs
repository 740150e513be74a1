using System.Buffers;
using System.Runtime.InteropServices;

namespace Parley.Core.Drafting;

// Counting text: runs of ordinary characters, single characters read as text, and where their words go.
internal sealed partial class LegacyDraftScanner
{
    private static readonly SearchValues<char> RunStops = SearchValues.Create(
        "\n[]{}<\\" + new string(Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r')).Select(c => (char)c).ToArray()));

    /// <summary>
    /// Reads a run of ordinary text up to the next character that needs attention (a bracket, brace, angle, backslash,
    /// control character or line end) and adds its words and characters in one go: nothing on the bracket stack changes
    /// inside a run. The counting itself is <see cref="TextCounter"/>.
    /// </summary>
    private int TextRun(int i)
    {
        int stop = _t.AsSpan(i).IndexOfAny(RunStops);
        int end = stop < 0 ? _n : i + stop;
        if (end == i)
        {
            // A control character or other stopper the switch does not handle: read it as text.
            TextChar(i, _t[i]);
            return i + 1;
        }
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        var counter = new TextCounter(_inWord, _wordCounted, _gapBlank);
        counter.Count(_t, i, end - i, _md);
        _inWord = counter.InWord;
        _wordCounted = counter.Counted;
        _gapBlank = counter.GapBlank;
        if (_nextAdRef < end) AdReferendumMarks(block, i, end);
        AddText(block, counter.Words, counter.Chars);
        return end;
    }

    /// <summary>Next offset of "ad ref" (any case) at or after the scan position; <c>_n</c> when there is none.</summary>
    private int _nextAdRef = -1;

    /// <summary>Marks <paramref name="block"/> ad referendum for each "ad ref" starting in [from, to) that starts a word.</summary>
    private void AdReferendumMarks(BlockBuilder block, int from, int to)
    {
        while (_nextAdRef < to)
        {
            if (_nextAdRef >= from && IsAdRef(_nextAdRef)) block.AdReferendum = true;
            int next = _nextAdRef + 1 < _n ? _t.IndexOf("ad ref", _nextAdRef + 1, StringComparison.OrdinalIgnoreCase) : -1;
            _nextAdRef = next < 0 ? _n : next;
        }
    }

    /// <summary>
    /// Adds counted text to the block: agreed when no bracket is open; otherwise recorded against the innermost open bracket
    /// (so that an opener found unclosed at the end can give its text back as agreed) and against the parties of the nearest
    /// attributed bracket.
    /// </summary>
    private void AddText(BlockBuilder block, long words, long chars)
    {
        block.Words += words;
        block.Chars += chars;
        if (_stack.Count == 0)
        {
            block.AgreedWords += words;
            block.AgreedChars += chars;
            return;
        }
        int innermost = _stack[^1];
        var segments = CollectionsMarshal.AsSpan(Segments);
        if (segments.Length > 0 && segments[^1].Bracket == innermost && segments[^1].Block == block.Index)
        {
            segments[^1].Words += words;
            segments[^1].Chars += chars;
        }
        else
        {
            Segments.Add(new TextSegment { Bracket = innermost, Block = block.Index, Words = words, Chars = chars });
        }
        if (_partiesOwner >= 0 && words > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(OwnPartyWords, _partiesOwner, out _) += words;
            foreach (var party in (string[])CollectionsMarshal.AsSpan(Brackets)[_partiesOwner].Parties)
            {
                int k = PartyIndex[party];
                PartyCounts[k] = (PartyCounts[k].Brackets, PartyCounts[k].Words + words);
            }
        }
    }

    private void TextChar(int i, char c)
    {
        // Emphasis marks are formatting, not text: "[a]*[b]" in Markdown are still side-by-side alternatives.
        if (!(_md && c is '*' or '_')) _gapBlank = false;
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        if (!_inWord)
        {
            _inWord = true;
            _wordCounted = false;
        }
        if ((c == 'a' || c == 'A') && IsAdRef(i)) block.AdReferendum = true;
        long words = 0;
        if (!_wordCounted && IsLetterOrDigit(c))
        {
            _wordCounted = true;
            words = 1;
        }
        AddText(block, words, 1);
    }
}
