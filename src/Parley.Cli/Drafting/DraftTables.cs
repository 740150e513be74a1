using System.Globalization;
using Parley.Application.Drafting;

namespace Parley.Cli.Drafting;

/// <summary>Readable output for <c>parley draft stats</c> and <c>diff</c> without <c>--json</c>.</summary>
internal static class DraftTables
{
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    public static void Stats(TextWriter output, DraftJson.StatsJson s)
    {
        var summary = new TextTable { Title = s.File }.Column("figure").Column("value", right: true);
        summary.Row("opening brackets", N(s.Opens));
        summary.Row("top-level brackets", N(s.TopLevel));
        summary.Row("max depth", N(s.MaxDepth));
        summary.Row("alternative groups", N(s.AlternativeGroups));
        summary.Row("\"Option n\" labels", N(s.OptionLabels));
        summary.Row("placeholders", N(s.Placeholders));
        summary.Row("facilitator notes", N(s.Notes));
        summary.Row("words", N(s.Words));
        summary.Row("agreed words", N(s.AgreedWords));
        summary.Row("agreed share", Pct(s.AgreedShare));
        summary.Row("problems", N(s.Problems.Count));
        summary.Row("warnings", N(s.Warnings.Count));
        summary.Write(output);
        Areas(output, "sections", s.Sections);
        Areas(output, "issues", s.Issues);
        if (s.Parties.Count > 0)
        {
            var parties = new TextTable().Column("party").Column("brackets", right: true).Column("words", right: true);
            foreach (var p in s.Parties) parties.Row(p.Party, N(p.Brackets), N(p.Words));
            parties.Write(output);
        }
        ProblemPrinter.Print(output, s.Problems.Select(p => p.ToSource()), s.Warnings.Select(w => w.ToSource()));
    }

    // A long draft has thousands of sections: plain text tables, not Spectre's layout (TextTable says why).
    private static void Areas(TextWriter output, string title, IReadOnlyList<DraftJson.AreaJson> areas)
    {
        if (areas.Count == 0) return;
        var table = new TextTable().Column(title).Column("brackets", right: true).Column("words", right: true).Column("agreed", right: true);
        foreach (var a in areas) table.Row(a.Name, N(a.Opens), N(a.Words), Pct(a.AgreedShare));
        table.Write(output);
    }

    public static void Diff(TextWriter output, DraftJson.DiffJson d)
    {
        output.WriteLine($"{d.Old} -> {d.New}");
        output.WriteLine($"brackets: {N(d.OpensBefore)} -> {N(d.OpensAfter)}; agreed share: {Pct(d.AgreedShareBefore)} -> {Pct(d.AgreedShareAfter)}");
        output.WriteLine($"provisions: {d.ProvisionsAdded} added, {d.ProvisionsRemoved} removed, {d.ProvisionsChanged} changed, {d.ProvisionsUnchanged} unchanged");
        output.WriteLine($"brackets: {d.BracketsAdded} added, {d.BracketsAccepted} accepted, {d.BracketsDeleted} deleted, {d.BracketsChanged} changed");
        output.WriteLine($"words: +{N(d.WordsInserted)} -{N(d.WordsDeleted)}");
        foreach (var b in d.Brackets)
        {
            string text = b.Kind switch
            {
                "added" => b.NewText,
                "changed" => b.OldText + " => " + b.NewText,
                _ => b.OldText,
            };
            output.WriteLine($"  {b.Line,5} {b.Kind,-8} {Shorten(text)}");
        }
    }

    private static string Shorten(string s) => s.Length <= 100 ? s : s[..97] + "...";
}
