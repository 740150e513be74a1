using System.Globalization;
using Parley.Server.Drafting;
using Spectre.Console;

namespace Parley.Cli.Drafting;

/// <summary>Readable output for <c>parley draft stats</c> and <c>diff</c> without <c>--json</c>.</summary>
internal static class DraftTables
{
    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    public static void Stats(IAnsiConsole console, DraftJson.StatsJson s)
    {
        var summary = new Table().Title(Markup.Escape(s.File)).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("opening brackets", N(s.Opens));
        summary.AddRow("top-level brackets", N(s.TopLevel));
        summary.AddRow("max depth", N(s.MaxDepth));
        summary.AddRow("alternative groups", N(s.AlternativeGroups));
        summary.AddRow("\"Option n\" labels", N(s.OptionLabels));
        summary.AddRow("placeholders", N(s.Placeholders));
        summary.AddRow("facilitator notes", N(s.Notes));
        summary.AddRow("words", N(s.Words));
        summary.AddRow("agreed words", N(s.AgreedWords));
        summary.AddRow("agreed share", Pct(s.AgreedShare));
        summary.AddRow("problems", N(s.Problems.Count));
        summary.AddRow("warnings", N(s.Warnings.Count));
        console.Write(summary);
        Areas(console, "sections", s.Sections);
        Areas(console, "issues", s.Issues);
        if (s.Parties.Count > 0)
        {
            var parties = new Table().AddColumn("party").AddColumn(new TableColumn("brackets").RightAligned()).AddColumn(new TableColumn("words").RightAligned());
            foreach (var p in s.Parties) parties.AddRow(Markup.Escape(p.Party), N(p.Brackets), N(p.Words));
            console.Write(parties);
        }
        foreach (var p in s.Problems.Concat(s.Warnings)) console.WriteLine($"{s.File}:{p.Line}:{p.Column}: {p.Message}");
    }

    private static void Areas(IAnsiConsole console, string title, IReadOnlyList<DraftJson.AreaJson> areas)
    {
        if (areas.Count == 0) return;
        var table = new Table().AddColumn(title)
            .AddColumn(new TableColumn("brackets").RightAligned())
            .AddColumn(new TableColumn("words").RightAligned())
            .AddColumn(new TableColumn("agreed").RightAligned());
        foreach (var a in areas) table.AddRow(Markup.Escape(a.Name), N(a.Opens), N(a.Words), Pct(a.AgreedShare));
        console.Write(table);
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
