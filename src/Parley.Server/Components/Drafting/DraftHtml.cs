using System.Net;
using System.Text;
using Parley.Core.Drafting;

namespace Parley.Server.Components.Drafting;

/// <summary>
/// A draft's text as HTML: every bracket a <c>mark</c> coloured by its first party (nested brackets nest), an anchor at
/// each line start (<c>{prefix}L{line}</c>) and a marker at each problem (<c>{prefix}P{k}</c>) for the problem list to
/// link to. The text is HTML-encoded; nothing of it is interpreted.
/// </summary>
public static class DraftHtml
{
    /// <summary>The number of party colours in the stylesheet (<c>.party-0</c> …); later parties reuse them.</summary>
    public const int Colours = 12;

    /// <summary>Renders <paramref name="document"/>; <paramref name="partyIndex"/> gives a party's colour index, or -1.</summary>
    public static string Render(DraftDocument document, Func<string, int> partyIndex, string prefix) =>
        Render(document, b => b.Parties.Count == 0 ? -1 : partyIndex(b.Parties[0]), _ => null, prefix);

    /// <summary>The issue a bracket's provision is tagged with, or null.</summary>
    public static string? IssueOf(DraftDocument document, Bracket bracket) =>
        bracket.Provision >= 0 && bracket.Provision < document.Provisions.Count ? document.Provisions[bracket.Provision].Issue : null;

    /// <summary>
    /// Renders <paramref name="document"/> with each bracket coloured by <paramref name="colour"/> (a colour index, or -1 for
    /// none) and titled by <paramref name="title"/> (null: no title).
    /// </summary>
    public static string Render(DraftDocument document, Func<Bracket, int> colour, Func<Bracket, string?> title, string prefix)
    {
        var text = document.Text;
        var opens = document.Brackets.ToLookup(b => b.Start);
        var closes = document.Brackets.GroupBy(b => b.End).ToDictionary(g => g.Key, g => g.Count());
        var problems = document.Problems.Concat(document.Warnings).Select((p, k) => (p, k)).ToLookup(x => x.p.Offset);
        var html = new StringBuilder(text.Length * 2);
        // Markdown front matter (metadata, not wording) is shown muted so the eye goes to the text.
        var frontMatterEnd = document.Format == DraftFormat.Markdown && document.Markup is [{ Start: 0 } first, ..]
            && text.StartsWith("---", StringComparison.Ordinal) ? first.End : -1;
        if (frontMatterEnd > 0) html.Append("<span class=\"front-matter\" title=\"Front matter: the file's metadata, not part of the text\">");
        var line = 1;
        html.Append($"<span class=\"line-anchor\" id=\"{prefix}L1\" data-line=\"1\"></span>");
        for (var i = 0; i <= text.Length; i++)
        {
            foreach (var (p, k) in problems[i])
                html.Append($"<span class=\"problem-at\" id=\"{prefix}P{k}\" title=\"{WebUtility.HtmlEncode(p.Message)}\">⚠</span>");
            if (i == text.Length) break;
            foreach (var b in opens[i].OrderBy(b => b.Depth))
            {
                var index = colour(b);
                var css = index < 0 ? "bracket party-none" : $"bracket party-{index % Colours}";
                var tip = title(b) is { } t ? $" title=\"{WebUtility.HtmlEncode(t)}\"" : "";
                var issue = IssueOf(document, b) is { } tag ? $" data-issue=\"{WebUtility.HtmlEncode(tag)}\"" : "";
                html.Append($"<mark class=\"{css}\" data-parties=\"{WebUtility.HtmlEncode(string.Join(" ", b.Parties))}\"{issue}{tip}>");
            }
            var c = text[i];
            html.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", _ => c.ToString() });
            if (closes.TryGetValue(i, out var n)) html.Insert(html.Length, "</mark>", n);
            if (i + 1 == frontMatterEnd) html.Append("</span>");
            if (c == '\n' && i + 1 < text.Length)
            {
                line++;
                html.Append($"<span class=\"line-anchor\" id=\"{prefix}L{line}\" data-line=\"{line}\"></span>");
            }
        }
        return html.ToString();
    }

    /// <summary>
    /// One provision's text (<see cref="Provision.Start"/> to <see cref="Provision.End"/>) with its brackets marked as
    /// in <see cref="Render(DraftDocument, Func{Bracket, int}, Func{Bracket, string?}, string)"/>, without line anchors or
    /// problem markers. A bracket that runs past the provision (an unbalanced one) is closed at its end.
    /// </summary>
    public static string RenderProvision(DraftDocument document, Provision provision, Func<Bracket, int> colour, Func<Bracket, string?> title)
    {
        var text = document.Text;
        var html = new StringBuilder((provision.End - provision.Start) * 2);
        var open = new List<int>(); // End offsets of the marks open here, innermost last
        var inside = document.Brackets.Where(b => b.Start >= provision.Start && b.Start < provision.End).ToLookup(b => b.Start);
        for (var i = provision.Start; i < provision.End && i < text.Length; i++)
        {
            foreach (var b in inside[i].OrderBy(b => b.Depth))
            {
                var index = colour(b);
                var css = index < 0 ? "bracket party-none" : $"bracket party-{index % Colours}";
                var tip = title(b) is { } t ? $" title=\"{WebUtility.HtmlEncode(t)}\"" : "";
                html.Append($"<mark class=\"{css}\"{tip}>");
                open.Add(b.End);
            }
            html.Append(WebUtility.HtmlEncode(text[i].ToString()));
            while (open.Count > 0 && open[^1] == i)
            {
                html.Append("</mark>");
                open.RemoveAt(open.Count - 1);
            }
        }
        html.Insert(html.Length, "</mark>", open.Count);
        return html.ToString();
    }
}
