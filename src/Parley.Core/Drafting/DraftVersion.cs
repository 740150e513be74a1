namespace Parley.Core.Drafting;

/// <summary>One version of a draft in a negotiation: a label, the date it was tabled, who tabled it, and its parsed text.</summary>
public sealed record DraftVersion
{
    /// <summary>The longest label, in characters.</summary>
    public const int MaxLabelLength = 64;

    /// <summary>The longest author, in characters.</summary>
    public const int MaxAuthorLength = 200;

    /// <summary>Creates a version.</summary>
    /// <param name="label">A short name users type ("23 Oct", "rev.2"): not blank, at most 64 characters, no '/' or control character; trimmed.</param>
    /// <param name="date">The date the text was tabled (valid time), if known.</param>
    /// <param name="document">The parsed text.</param>
    /// <param name="author">Who tabled it (a party id, a facilitator, "co-chairs"), at most 200 characters; null or blank when unknown.</param>
    /// <exception cref="ArgumentException">The label is blank, too long or holds '/' or a control character; the author is too long.</exception>
    public DraftVersion(string label, DateOnly? date, DraftDocument document, string? author = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(document);
        label = label.Trim();
        if (label.Length > MaxLabelLength)
            throw new ArgumentException($"A version label has at most {MaxLabelLength} characters.", nameof(label));
        if (label.Any(c => c == '/' || char.IsControl(c)))
            throw new ArgumentException("A version label cannot hold '/' or a control character.", nameof(label));
        author = string.IsNullOrWhiteSpace(author) ? null : author.Trim();
        if (author is { Length: > MaxAuthorLength })
            throw new ArgumentException($"An author has at most {MaxAuthorLength} characters.", nameof(author));
        Label = label;
        Date = date;
        Document = document;
        Author = author;
    }

    /// <summary>Who tabled it, or null when unknown.</summary>
    public string? Author { get; }

    /// <summary>The label.</summary>
    public string Label { get; }

    /// <summary>The date tabled, if known.</summary>
    public DateOnly? Date { get; }

    /// <summary>The parsed text.</summary>
    public DraftDocument Document { get; }
}

/// <summary>One point of a convergence series: how much of one version is still in brackets.</summary>
/// <param name="Label">The version's label.</param>
/// <param name="Date">Its date, if known.</param>
/// <param name="Opens">Opening brackets.</param>
/// <param name="TopLevel">Top-level brackets.</param>
/// <param name="Words">Words of text.</param>
/// <param name="AgreedWords">Words outside brackets.</param>
/// <param name="AgreedShare">Agreed share by words.</param>
/// <param name="Problems">Unbalanced brackets and other problems.</param>
public sealed record ConvergencePoint(
    string Label, DateOnly? Date, int Opens, int TopLevel, long Words, long AgreedWords, double AgreedShare, int Problems);

/// <summary>Successive versions of a draft, oldest first, and the convergence series across them (ready for a chart).</summary>
public sealed class DraftHistory
{
    /// <summary>Creates a history.</summary>
    /// <param name="versions">Oldest first; labels unique (ordinal, case-insensitive); dates, where given, never decrease.</param>
    /// <exception cref="ArgumentException">Duplicate labels or dates out of order.</exception>
    public DraftHistory(IEnumerable<DraftVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.ToArray();
        for (int i = 0; i < list.Length; i++)
        {
            if (Refusal(list.Take(i).Select(v => (v.Label, v.Date)), list[i].Label, list[i].Date) is { } refusal)
                throw new ArgumentException(refusal.Message, nameof(versions));
        }
        Versions = list;
    }

    /// <summary>
    /// Checks that a version labelled <paramref name="label"/> and dated <paramref name="date"/> may follow
    /// <paramref name="earlier"/> (oldest first): its label is new (ordinal, case-insensitive) and its date, if any, is not
    /// before the latest dated earlier version.
    /// </summary>
    /// <exception cref="RuleRefusal">It may not; <see cref="RuleRefusal.Field"/> is <c>version</c> or <c>date</c>.</exception>
    public static void CheckNext(IEnumerable<(string Label, DateOnly? Date)> earlier, string label, DateOnly? date)
    {
        if (Refusal(earlier, label, date) is { } refusal) throw new RuleRefusal(refusal.Field, refusal.Message);
    }

    private static (string Field, string Message)? Refusal(IEnumerable<(string Label, DateOnly? Date)> earlier, string label, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        DateOnly? last = null;
        foreach (var (l, d) in earlier)
        {
            if (string.Equals(l, label.Trim(), StringComparison.OrdinalIgnoreCase))
                return ("version", $"Version label '{label.Trim()}' is used twice.");
            if (d is { } x && (last is null || x > last)) last = x;
        }
        if (date is { } given && last is { } previous && given < previous)
            return ("date", $"Version '{label.Trim()}' ({given:yyyy-MM-dd}) is dated before the version preceding it ({previous:yyyy-MM-dd}).");
        return null;
    }

    /// <summary>This history with <paramref name="next"/> added as the newest version.</summary>
    /// <exception cref="RuleRefusal">Its label is used or it is dated before the versions before it.</exception>
    public DraftHistory Append(DraftVersion next)
    {
        ArgumentNullException.ThrowIfNull(next);
        CheckNext(Versions.Select(v => (v.Label, v.Date)), next.Label, next.Date);
        return new DraftHistory([.. Versions, next]);
    }

    /// <summary>The newest version dated on or before <paramref name="day"/> (undated versions count as always tabled), or null.</summary>
    public DraftVersion? AsOf(DateOnly day) => Versions.LastOrDefault(v => v.Date is null || v.Date <= day);

    /// <summary>The versions, oldest first.</summary>
    public IReadOnlyList<DraftVersion> Versions { get; }

    /// <summary>Brackets and agreed share per version, in order.</summary>
    public IReadOnlyList<ConvergencePoint> Convergence() => Versions
        .Select(v => new ConvergencePoint(v.Label, v.Date, v.Document.Metrics.Opens, v.Document.Metrics.TopLevel,
            v.Document.Metrics.Words, v.Document.Metrics.AgreedWords, v.Document.Metrics.AgreedShare, v.Document.Problems.Count))
        .ToArray();

    /// <summary>The difference between two versions, by label.</summary>
    /// <exception cref="ArgumentException">A label is not in the history.</exception>
    public DraftDiff Compare(string olderLabel, string newerLabel) => DraftDiffer.Compare(Find(olderLabel).Document, Find(newerLabel).Document);

    private DraftVersion Find(string label) =>
        Versions.FirstOrDefault(v => string.Equals(v.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No version labelled '{label}'.", nameof(label));
}
