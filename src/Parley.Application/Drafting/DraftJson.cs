using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Application.Infrastructure;
using Parley.Core.Drafting;

namespace Parley.Application.Drafting;

/// <summary>
/// The JSON shapes of drafts, the same from <c>parley draft … --json</c> and from the API (camelCase; shares as fractions 0–1).
/// </summary>
public static class DraftJson
{
    /// <summary>Indented output for a terminal or file.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Brackets and words attributed to a party.</summary>
    public sealed record PartyJson(string Party, int Brackets, long Words);

    /// <summary>Figures of an issue's provisions or of a section.</summary>
    public sealed record AreaJson(string Name, int Opens, long Words, long AgreedWords, double AgreedShare);

    /// <summary>What <c>parley draft stats --json</c> prints.</summary>
    public sealed record StatsJson(
        string File, int Opens, int TopLevel, int MaxDepth, int AlternativeGroups, int Alternatives, int OptionLabels,
        int AllOptionLabels, int Placeholders, int Notes, int AdReferendum, long Words, long AgreedWords, long BracketedWords,
        long Chars, long AgreedChars, double AgreedShare, IReadOnlyList<ProblemView> Problems, IReadOnlyList<ProblemView> Warnings,
        IReadOnlyList<PartyJson> Parties, IReadOnlyList<AreaJson> Issues, IReadOnlyList<AreaJson> Sections);

    /// <summary>One bracket added, accepted, deleted or changed.</summary>
    public sealed record BracketChangeJson(string Kind, int Line, string OldText, string NewText);

    /// <summary>What <c>parley draft diff --json</c> prints.</summary>
    public sealed record DiffJson(
        string Old, string New, int OpensBefore, int OpensAfter, double AgreedShareBefore, double AgreedShareAfter,
        int ProvisionsAdded, int ProvisionsRemoved, int ProvisionsChanged, int ProvisionsUnchanged,
        int BracketsAdded, int BracketsAccepted, int BracketsDeleted, int BracketsChanged, long WordsInserted, long WordsDeleted,
        IReadOnlyList<BracketChangeJson> Brackets);

    /// <summary>Projects a parsed draft; <paramref name="file"/> names it (a path, or draft/version).</summary>
    public static StatsJson Stats(string file, DraftDocument d)
    {
        var m = d.Metrics;
        return new StatsJson(file, m.Opens, m.TopLevel, m.MaxDepth, m.AlternativeGroups, m.Alternatives, m.OptionLabels,
            m.AllOptionLabels, m.Placeholders, m.Notes, m.AdReferendum, m.Words, m.AgreedWords, m.Text.BracketedWords,
            m.Text.Chars, m.Text.AgreedChars, m.AgreedShare,
            d.Problems.Select(p => ProblemView.From(p.Source(file))).ToArray(),
            d.Warnings.Select(p => ProblemView.From(p.Source(file))).ToArray(),
            d.Parties.Select(p => new PartyJson(p.Party, p.Brackets, p.Words)).ToArray(),
            d.Issues.Select(i => Area(i.Issue, i.Metrics)).ToArray(),
            d.Sections.Where(s => s.Parent < 0 || d.Sections[s.Parent].Parent < 0).Select(s => Area(s.Title, s.Metrics)).ToArray());
    }

    /// <summary>Projects a comparison of <paramref name="older"/> and <paramref name="newer"/>.</summary>
    public static DiffJson Diff(string older, string newer, DraftDiff diff) => new(
        older, newer, diff.Before.Opens, diff.After.Opens, diff.Before.AgreedShare, diff.After.AgreedShare,
        diff.Provisions.Count(p => p.Kind == ProvisionChangeKind.Added),
        diff.Provisions.Count(p => p.Kind == ProvisionChangeKind.Removed),
        diff.Provisions.Count(p => p.Kind == ProvisionChangeKind.Changed),
        diff.UnchangedProvisions,
        diff.Count(BracketChangeKind.Added), diff.Count(BracketChangeKind.Accepted), diff.Count(BracketChangeKind.Deleted),
        diff.Count(BracketChangeKind.Changed), diff.WordsInserted, diff.WordsDeleted,
        diff.Brackets.Select(b => new BracketChangeJson(JsonNamingPolicy.CamelCase.ConvertName(b.Kind.ToString()), b.Line, b.OldText, b.NewText)).ToArray());

    private static AreaJson Area(string name, TextMetrics m) => new(name, m.Opens, m.Words, m.AgreedWords, m.AgreedShare);
}
