using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Parley.Core.Drafting;

/// <summary>Compares two versions of a draft; see <see cref="DraftDiff"/> for what is aligned with what.</summary>
public static class DraftDiffer
{
    private const double SameBracketJaccard = 0.5;

    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    /// <exception cref="ArgumentNullException">A document is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (checked between changed provisions).</exception>
    public static DraftDiff Compare(DraftDocument older, DraftDocument newer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var a = older.Provisions.Select(p => Normalise(older.Text, p.Start, p.End)).ToArray();
        var b = newer.Provisions.Select(p => Normalise(newer.Text, p.Start, p.End)).ToArray();
        var oldBrackets = older.Brackets.ToLookup(x => x.Provision);
        var newBrackets = newer.Brackets.ToLookup(x => x.Provision);
        var provisions = new List<ProvisionChange>();
        var brackets = new List<BracketChange>();
        int unchanged = a.Length;
        foreach (var block in Diff(a, b).DiffBlocks)
        {
            unchanged -= block.DeleteCountA;
            var pairs = Pair(a, b, block);
            int nextNew = block.InsertStartB;
            foreach (var (i, j) in pairs)
            {
                ct.ThrowIfCancellationRequested();
                for (; nextNew < j; nextNew++) Added(nextNew);
                if (i < 0) continue;
                if (j < 0)
                {
                    provisions.Add(new ProvisionChange(ProvisionChangeKind.Removed, i, -1, older.Provisions[i].StartLine, 0,
                        a[i].Length == 0 ? [] : [new WordEdit(WordEditKind.Deleted, a[i])]));
                    brackets.AddRange(oldBrackets[i].Select(x =>
                        new BracketChange(BracketChangeKind.Deleted, x.Index, -1, x.Line, BracketText(older, x), "")));
                    continue;
                }
                provisions.Add(new ProvisionChange(ProvisionChangeKind.Changed, i, j,
                    older.Provisions[i].StartLine, newer.Provisions[j].StartLine, WordDiff(a[i], b[j])));
                CompareBrackets(older, newer, oldBrackets[i].ToArray(), newBrackets[j].ToArray(), b[j], brackets);
                nextNew = j + 1;
            }
            for (; nextNew < block.InsertStartB + block.InsertCountB; nextNew++) Added(nextNew);
        }

        void Added(int j)
        {
            provisions.Add(new ProvisionChange(ProvisionChangeKind.Added, -1, j, 0, newer.Provisions[j].StartLine,
                b[j].Length == 0 ? [] : [new WordEdit(WordEditKind.Inserted, b[j])]));
            brackets.AddRange(newBrackets[j].Select(x =>
                new BracketChange(BracketChangeKind.Added, -1, x.Index, x.Line, "", BracketText(newer, x))));
        }

        return new DraftDiff
        {
            Before = older.Metrics,
            After = newer.Metrics,
            Provisions = provisions,
            Brackets = brackets,
            UnchangedProvisions = unchanged,
        };
    }

    /// <summary>
    /// Pairs the deleted provisions of a diff block with inserted ones that are rewordings of them: in order, each deleted
    /// provision takes the later unused inserted provision sharing the most words (Jaccard ≥ 0.3). Pairs keep document
    /// order. Very large blocks (over 250,000 candidate pairs) are paired by position instead, to bound the time.
    /// Returns (old, new) with new = -1 for a removal.
    /// </summary>
    private static List<(int Old, int New)> Pair(string[] a, string[] b, DiffBlock block)
    {
        var pairs = new List<(int, int)>();
        int from = block.InsertStartB, end = block.InsertStartB + block.InsertCountB;
        if ((long)block.DeleteCountA * block.InsertCountB > 250_000)
        {
            for (int k = 0; k < block.DeleteCountA; k++) pairs.Add((block.DeleteStartA + k, k < block.InsertCountB ? from + k : -1));
            return pairs;
        }
        var newWords = new HashSet<string>[block.InsertCountB];
        for (int k = 0; k < newWords.Length; k++) newWords[k] = Words(b[from + k]);
        for (int i = block.DeleteStartA; i < block.DeleteStartA + block.DeleteCountA; i++)
        {
            var words = Words(a[i]);
            int best = -1;
            double bestScore = 0.3;
            for (int j = from; j < end; j++)
            {
                double score = Jaccard(words, newWords[j - block.InsertStartB]);
                if (score >= bestScore && (best < 0 || score > bestScore)) (best, bestScore) = (j, score);
            }
            pairs.Add((i, best));
            if (best >= 0) from = best + 1;
        }
        return pairs;
    }

    private static void CompareBrackets(
        DraftDocument older, DraftDocument newer, Bracket[] olds, Bracket[] news, string newProvision, List<BracketChange> into)
    {
        var available = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        var newTexts = news.Select(x => BracketText(newer, x)).ToArray();
        for (int j = 0; j < news.Length; j++)
        {
            if (!available.TryGetValue(newTexts[j], out var queue)) available[newTexts[j]] = queue = new Queue<int>();
            queue.Enqueue(j);
        }
        var matched = new bool[news.Length];
        var gone = new List<(Bracket Bracket, string Text)>();
        foreach (var o in olds)
        {
            string text = BracketText(older, o);
            if (available.TryGetValue(text, out var queue) && queue.Count > 0) matched[queue.Dequeue()] = true;
            else gone.Add((o, text));
        }
        string unbracketed = StripBrackets(newProvision);
        foreach (var (o, text) in gone)
        {
            int best = -1;
            for (int j = 0; j < news.Length && best < 0; j++)
            {
                if (!matched[j] && Jaccard(text, newTexts[j]) >= SameBracketJaccard) best = j;
            }
            if (best >= 0)
            {
                matched[best] = true;
                into.Add(new BracketChange(BracketChangeKind.Changed, o.Index, news[best].Index, news[best].Line, text, newTexts[best]));
                continue;
            }
            string content = StripBrackets(Normalise(older.Text, o.ContentStart, o.End));
            var kind = content.Length > 0 && unbracketed.Contains(content, StringComparison.Ordinal)
                ? BracketChangeKind.Accepted : BracketChangeKind.Deleted;
            into.Add(new BracketChange(kind, o.Index, -1, o.Line, text, ""));
        }
        for (int j = 0; j < news.Length; j++)
        {
            if (!matched[j]) into.Add(new BracketChange(BracketChangeKind.Added, -1, news[j].Index, news[j].Line, "", newTexts[j]));
        }
    }

    private static IReadOnlyList<WordEdit> WordDiff(string older, string newer)
    {
        var a = older.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = newer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var edits = new List<WordEdit>();
        int i = 0;
        void Add(WordEditKind kind, IEnumerable<string> words)
        {
            string text = string.Join(' ', words);
            if (text.Length == 0) return;
            if (edits.Count > 0 && edits[^1].Kind == kind) edits[^1] = new WordEdit(kind, edits[^1].Text + " " + text);
            else edits.Add(new WordEdit(kind, text));
        }
        foreach (var block in Diff(a, b).DiffBlocks)
        {
            Add(WordEditKind.Unchanged, a[i..block.DeleteStartA]);
            Add(WordEditKind.Deleted, a.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordEditKind.Inserted, b.Skip(block.InsertStartB).Take(block.InsertCountB));
            i = block.DeleteStartA + block.DeleteCountA;
        }
        Add(WordEditKind.Unchanged, a[i..]);
        return edits;
    }

    /// <summary>Runs DiffPlex on pieces already cut (provisions or words): its API takes two strings and a chunker.</summary>
    private static DiffResult Diff(string[] older, string[] newer) =>
        Differ.Instance.CreateDiffs("older", "newer", false, false, new PiecesChunker(older, newer));

    private sealed class PiecesChunker(string[] older, string[] newer) : IChunker
    {
        public IReadOnlyList<string> Chunk(string str) => str == "older" ? older : newer;
    }

    private static string BracketText(DraftDocument d, Bracket b) => Normalise(d.Text, b.Start, b.End + 1);

    private static double Jaccard(string x, string y) => Jaccard(Words(x), Words(y));

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        int common = a.Count(b.Contains);
        int union = a.Count + b.Count - common;
        return union == 0 ? 1 : (double)common / union;
    }

    private static HashSet<string> Words(string s) =>
        StripBrackets(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string StripBrackets(string s) => string.Join(' ', s.Replace('[', ' ').Replace(']', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/> with white space runs collapsed to one space, trimmed.</summary>
    internal static string Normalise(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        bool space = false;
        for (int k = start; k < end; k++)
        {
            char c = text[k];
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
