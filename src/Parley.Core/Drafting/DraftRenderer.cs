using System.Text;

namespace Parley.Core.Drafting;

/// <summary>What a rendering keeps of the text that is still disputed.</summary>
public enum RenderMode
{
    /// <summary>Resolve the brackets of agreed issues; leave every other bracket, note and tag as it is (the next working draft).</summary>
    ResolveAgreed,

    /// <summary>
    /// Resolve the brackets of agreed issues, then drop every remaining bracket with its content, every facilitator note and
    /// every comment: the clean text of what is agreed.
    /// </summary>
    AgreedOnly,
}

/// <summary>The text a rendering produced and what could not be applied.</summary>
/// <param name="Text">The rendered text, in the draft's own format (Markdown stays Markdown).</param>
/// <param name="Resolved">Brackets lifted because their option was agreed.</param>
/// <param name="Dropped">Brackets removed with their content (rejected alternatives, and in <see cref="RenderMode.AgreedOnly"/> every unresolved bracket).</param>
/// <param name="UnknownIssues">Issues in the resolutions that tag no provision.</param>
/// <param name="UnmatchedOptions">
/// Resolutions (<c>issue=option</c>) of an issue whose provisions offer linked alternatives, none of them for that option.
/// </param>
public sealed record DraftRendering(
    string Text, int Resolved, int Dropped, IReadOnlyList<string> UnknownIssues, IReadOnlyList<string> UnmatchedOptions);

/// <summary>
/// Renders a draft with agreed issues resolved. In a provision tagged with issue <c>i</c> where <c>i</c> is agreed on option
/// <c>o</c>, a bracket whose header names <c>#o</c> loses its brackets and header (its text becomes agreed), and a bracket
/// naming another option is removed with its content; brackets without an option id are left alone, and so is a provision
/// where no bracket names <c>#o</c>. Nested brackets inside
/// a kept alternative are treated the same way in turn.
/// </summary>
public static class DraftRenderer
{
    /// <summary>Renders <paramref name="document"/> with <paramref name="agreed"/> (issue id → agreed option id).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DraftRendering Render(DraftDocument document, IReadOnlyDictionary<string, string> agreed, RenderMode mode)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(agreed);
        string t = document.Text;
        var edits = new List<(int Start, int End)>();
        int resolved = 0, dropped = 0;
        int skipUntil = -1;
        var usedOptions = new HashSet<(string, string)>();
        // A provision is resolved only when one of its brackets carries the agreed option; otherwise nothing is dropped.
        var offered = document.Brackets.Where(b => b.OptionId is not null).Select(b => (b.Provision, b.OptionId!)).ToHashSet();
        foreach (var b in document.Brackets)
        {
            if (b.Start < skipUntil) continue;
            string? issue = document.Provisions[b.Provision].Issue;
            string? agreedOption = issue is not null && b.OptionId is not null ? agreed.GetValueOrDefault(issue) : null;
            bool decided = agreedOption is not null && offered.Contains((b.Provision, agreedOption));
            bool keep = decided && agreedOption == b.OptionId;
            if (keep)
            {
                usedOptions.Add((issue!, b.OptionId!));
                resolved++;
                edits.Add((b.Start, SkipBlanks(t, b.ContentStart)));
                edits.Add((b.End, b.End + 1));
            }
            else if (decided || mode == RenderMode.AgreedOnly)
            {
                dropped++;
                edits.Add(Removal(t, b.Start, b.End + 1));
                skipUntil = b.End + 1;
            }
        }
        if (mode == RenderMode.AgreedOnly)
        {
            edits.AddRange(document.Notes.Select(n => Removal(t, n.Start, n.End + 1)));
            edits.AddRange(document.Markup.Where(m => string.CompareOrdinal(t, m.Start, "<!--", 0, 4) == 0).Select(m => Removal(t, m.Start, m.End)));
        }
        var issues = document.Provisions.Select(p => p.Issue).Where(i => i is not null).ToHashSet();
        var unknown = agreed.Keys.Where(k => !issues.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        // An agreed issue whose provisions offer no linked alternative at all is simply agreed text; only one whose
        // alternatives all name other options cannot be resolved.
        var withAlternatives = document.Brackets.Where(b => b.OptionId is not null)
            .Select(b => document.Provisions[b.Provision].Issue).Where(i => i is not null).ToHashSet();
        var unmatched = agreed.Where(kv => withAlternatives.Contains(kv.Key) && !usedOptions.Contains((kv.Key, kv.Value)))
            .Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal).ToArray();
        return new DraftRendering(Apply(t, edits), resolved, dropped, unknown, unmatched);
    }

    /// <summary>
    /// Removes [start, end) and, when it stands after a blank or at a line start, the blanks that follow it; when it ends a
    /// line, the blanks before it too, so no trailing blanks are left.
    /// </summary>
    private static (int, int) Removal(string t, int start, int end)
    {
        bool afterBlank = start == 0 || t[start - 1] is ' ' or '\t' or '\n';
        int stop = afterBlank ? SkipBlanks(t, end) : end;
        if (stop == t.Length || t[stop] is '\n' or '\r')
        {
            while (start > 0 && t[start - 1] is ' ' or '\t') start--;
        }
        return (start, stop);
    }

    private static int SkipBlanks(string t, int p)
    {
        while (p < t.Length && t[p] is ' ' or '\t') p++;
        return p;
    }

    private static string Apply(string t, List<(int Start, int End)> edits)
    {
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(t.Length);
        int cursor = 0;
        foreach (var (start, end) in edits)
        {
            if (end <= cursor) continue;
            if (start > cursor) sb.Append(t, cursor, start - cursor);
            cursor = Math.Max(cursor, end);
        }
        sb.Append(t, cursor, t.Length - cursor);
        return sb.ToString();
    }
}
