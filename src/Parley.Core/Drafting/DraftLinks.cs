using Parley.Core.Formats;
using Parley.Core.Talks;

namespace Parley.Core.Drafting;

/// <summary>
/// Checks a draft's links to the talks against a negotiation: every <c>&lt;!-- issue: id --&gt;</c> tag names one of its
/// issues, and every alternative header <c>[#option …]</c> in a provision tagged with an issue names an option of that
/// issue. The links live in the text itself; this is what makes them resolvable when the issue is agreed
/// (<see cref="DraftRenderer"/>). An option id in a provision tagged with no issue links to nothing and is left alone, as
/// the renderer leaves it.
/// </summary>
public static class DraftLinks
{
    /// <summary>
    /// Every unresolvable link of <paramref name="document"/>, in text order, at the 1-based line and column of the tag or
    /// bracket in the draft's text (no file name, no field; the excerpt is that line's): an unknown issue is reported once,
    /// at its first tag; an option id at its bracket. Empty when every link resolves (or the draft has none).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<SourceProblem> Check(DraftDocument document, Negotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return Check(document, negotiation.Issues.Select(i => (i.Id, (IReadOnlyList<string>)i.Options.Select(o => o.Id).ToArray())).ToArray());
    }

    /// <summary>As <see cref="Check(DraftDocument, Negotiation)"/>, against issue ids with their option ids, in the negotiation's order.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<SourceProblem> Check(DraftDocument document, IReadOnlyList<(string Issue, IReadOnlyList<string> Options)> issues)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(issues);
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (issue, ids) in issues) options[issue] = ids;
        var known = string.Join(", ", issues.Select(i => i.Issue));
        var found = new List<(int Offset, int Line, int Column, string Message)>();
        var lines = new LineIndex(document.Text);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provision in document.Provisions)
        {
            if (provision.Issue is not { } issue || options.ContainsKey(issue) || !unknown.Add(issue)) continue;
            int at = TagOffset(document, issue) ?? provision.Start;
            int line = lines.Line(at);
            found.Add((at, line, at - lines.LineStart(at) + 1,
                $"unknown issue '{issue}' (issues: {known})"));
        }
        foreach (var b in document.Brackets)
        {
            if (b.OptionId is not { } option) continue;
            // Untagged: links to nothing. Unknown issue: reported once above.
            if (document.Provisions[b.Provision].Issue is not { } issue || !options.TryGetValue(issue, out var offered)) continue;
            if (!offered.Contains(option, StringComparer.Ordinal))
                found.Add((b.Start, b.Line, b.Column, $"unknown option '{option}' of issue '{issue}' (options: {string.Join(", ", offered)})"));
        }
        return found.OrderBy(f => f.Offset).Select(f => new SourceProblem("", f.Line, f.Column, "", f.Message,
            SourceProblem.ExcerptOf(LineText(document.Text, lines.LineStart(f.Offset)), f.Column))).ToArray();
    }

    private static string LineText(string text, int start)
    {
        int end = text.IndexOf('\n', start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>Offset of the first <c>&lt;!-- issue: id --&gt;</c> comment naming <paramref name="issue"/>, if any.</summary>
    private static int? TagOffset(DraftDocument document, string issue)
    {
        string t = document.Text;
        foreach (var span in document.Markup)
        {
            if (span.End - span.Start < 7 || string.CompareOrdinal(t, span.Start, "<!--", 0, 4) != 0) continue;
            var content = t.AsSpan(span.Start + 4, Math.Max(0, span.End - span.Start - 7)).Trim();
            if (!content.StartsWith("issue", StringComparison.OrdinalIgnoreCase)) continue;
            content = content[5..].TrimStart();
            if (content.Length > 0 && content[0] == ':' && content[1..].Trim().SequenceEqual(issue)) return span.Start;
        }
        return null;
    }
}
