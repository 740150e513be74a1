using Parley.Core.Drafting;

namespace Parley.Server.Drafting;

/// <summary>Agreed share by text: a version's figures as written and once the agreed issues are resolved.</summary>
internal static class DraftShares
{
    public static DraftAgreedShareView Compute(string draft, DraftVersion version, IReadOnlyDictionary<string, string> agreed, DateTimeOffset at)
    {
        var written = version.Document;
        var rendering = DraftRenderer.Render(written, agreed, RenderMode.ResolveAgreed);
        var resolved = DraftParser.Parse(rendering.Text, written.Format);
        var resolvedByIssue = resolved.Issues.ToDictionary(i => i.Issue, i => i.Metrics, StringComparer.Ordinal);
        var issues = written.Issues
            .Select(i => new DraftIssueShareView(i.Issue, agreed.GetValueOrDefault(i.Issue), i.Metrics.Words, i.Metrics.AgreedShare,
                resolvedByIssue.TryGetValue(i.Issue, out var r) ? r.AgreedShare : i.Metrics.AgreedShare))
            .ToArray();
        return new DraftAgreedShareView(draft, version.Label, version.Date, at,
            written.Metrics.AgreedShare, resolved.Metrics.AgreedShare,
            written.Metrics.Words, written.Metrics.AgreedWords, resolved.Metrics.Words, resolved.Metrics.AgreedWords,
            rendering.Resolved, issues);
    }
}
