namespace Parley.Core.Drafting;

/// <summary>One version of a draft in a negotiation: a label, the date it was tabled, and its parsed text.</summary>
public sealed record DraftVersion
{
    /// <summary>Creates a version.</summary>
    /// <param name="label">A short name users type ("23 Oct", "rev.2"); not blank.</param>
    /// <param name="date">The date the text was tabled (valid time), if known.</param>
    /// <param name="document">The parsed text.</param>
    /// <exception cref="ArgumentException">The label is blank.</exception>
    public DraftVersion(string label, DateOnly? date, DraftDocument document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(document);
        Label = label.Trim();
        Date = date;
        Document = document;
    }

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
        var duplicate = list.GroupBy(v => v.Label, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Version label '{duplicate.Key}' is used twice.", nameof(versions));
        DateOnly? last = null;
        foreach (var v in list)
        {
            if (v.Date is { } date)
            {
                if (last is { } previous && date < previous)
                    throw new ArgumentException($"Version '{v.Label}' ({date:yyyy-MM-dd}) is dated before the version preceding it.", nameof(versions));
                last = date;
            }
        }
        Versions = list;
    }

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
