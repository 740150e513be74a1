using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Parley.Application.Briefing;

/// <summary>
/// Writes a <see cref="Briefing"/> as a Word document: a Title, then one Heading 1 per part — "What is agreed",
/// "Sticking points", "Open offers", "The draft's brackets by issue", "Guarantees and breaches" — each with its figures
/// in sentences and tables, in the same words as the briefing page (<see cref="BriefingText"/>).
/// </summary>
public static class BriefingDocx
{
    /// <summary>The parts' headings, in order.</summary>
    public static readonly IReadOnlyList<string> Parts =
        ["What is agreed", "Sticking points", "Open offers", "The draft's brackets by issue", "Guarantees and breaches"];

    /// <summary>The .docx media type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The briefing as .docx bytes.</summary>
    public static byte[] Write(Briefing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Para(BriefingText.Heading(b), "Title"), Para(b.Title, "Subtitle"), Para(BriefingText.PreparedFor(b)));

            body.Append(Para(Parts[0], "Heading1"), Para(BriefingText.Agreed(b) + ". " + BriefingText.AgreedDetail(b)));
            if (b.Agreed.Count > 0)
                body.Append(Table(["Issue", "Agreed option", "Ad referendum"], b.Agreed.Select(a => new[] { a.Issue, a.Option, a.AdReferendum ? "yes" : "no" })));

            body.Append(Para(Parts[1], "Heading1"));
            if (b.StickingPoints.Count == 0) body.Append(Para("None: every issue is agreed."));
            foreach (var s in b.StickingPoints)
            {
                body.Append(Para($"{s.Issue} — {BriefingText.Status(s.Status)}", "Heading2"));
                foreach (var c in s.Collisions) body.Append(Para($"• {c.Option}: {BriefingText.Collision(c)}", "ListBullet"));
                if (s.AcceptableToAll.Count > 0) body.Append(Para("Acceptable to every principal: " + BriefingText.List(s.AcceptableToAll)));
                if (s.MissingPositions.Count > 0) body.Append(Para("No position yet from " + BriefingText.List(s.MissingPositions) + "."));
            }

            body.Append(Para(Parts[2], "Heading1"));
            if (b.OpenOffers.Count == 0) body.Append(Para($"No offer is open as of {BriefingText.Date(b.AsOf)}."));
            else body.Append(Table(["Offer", "From", "To", "Deadline"],
                b.OpenOffers.Select(o => new[] { o.Title, o.Author, BriefingText.List(o.Addressees), BriefingText.Deadline(o) })));

            body.Append(Para(Parts[3], "Heading1"));
            if (b.Drafts.Count == 0) body.Append(Para("No draft is stored for this date."));
            foreach (var d in b.Drafts)
            {
                body.Append(Para(BriefingText.Draft(d) + "."));
                if (d.ByIssue.Count > 0)
                    body.Append(Table(["Issue", "Brackets", "Credited to"], d.ByIssue.Select(i => new[] { i.Issue, i.Brackets.ToString(System.Globalization.CultureInfo.InvariantCulture), BriefingText.List(i.Parties) })));
            }

            body.Append(Para(Parts[4], "Heading1"));
            if (b.Guarantees.Count == 0) body.Append(Para("No commitment is recorded."));
            else body.Append(Table(["Commitment", "State", "Breaches", "Duties"],
                b.Guarantees.Select(g => new[] { g.Title, BriefingText.State(g.State), BriefingText.Breaches(g), BriefingText.Duties(g) })));

            body.Append(new SectionProperties());
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var border = new BorderType[] { new TopBorder(), new BottomBorder(), new LeftBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        foreach (var b in border) { b.Val = BorderValues.Single; b.Size = 4; b.Color = "999999"; }
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, new TableBorders(border)));
        table.Append(Row(header, bold: true));
        foreach (var r in rows) table.Append(Row(r, bold: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (bold) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static Styles Styles()
    {
        Style Paragraph(string id, string name, int halfPoints, bool bold, int outline = -1)
        {
            var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold) run.Append(new Bold());
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle())
                { Type = StyleValues.Paragraph, StyleId = id };
            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = "200", After = "80" });
            if (outline >= 0) paragraph.Append(new OutlineLevel { Val = outline });
            style.Append(paragraph, run);
            return style;
        }
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var bullet = new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "360" })) { Type = StyleValues.Paragraph, StyleId = "ListBullet" };
        return new Styles(normal, Paragraph("Title", "Title", 40, true), Paragraph("Subtitle", "Subtitle", 28, false),
            Paragraph("Heading1", "heading 1", 30, true, 0), Paragraph("Heading2", "heading 2", 24, true, 1), bullet);
    }
}
