using System.Text;

namespace Parley.Cli;

/// <summary>
/// A boxed text table (the look of Spectre's default table) written straight to a <see cref="TextWriter"/>. For
/// outputs of thousands of rows — the sections of a long draft — where laying out a Spectre table costs more than
/// reading and measuring the draft itself. The first column wraps at spaces to keep the table within
/// <see cref="Width"/>; the others are never wrapped.
/// </summary>
internal sealed class TextTable
{
    // A class, not a tuple, and loops rather than Linq below: the framework's generic code over a tuple or an int is not
    // precompiled, and a cold `parley draft stats` compiled a dozen such methods for one table.
    private readonly List<TextTableColumn> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>The widest the table may be, borders included (80 for redirected output, like Spectre).</summary>
    public int Width { get; init; } = 80;

    /// <summary>A title centred above the table.</summary>
    public string? Title { get; init; }

    /// <summary>Adds a column; <paramref name="right"/> aligns its cells to the right.</summary>
    public TextTable Column(string name, bool right = false)
    {
        _columns.Add(new TextTableColumn(name, right));
        return this;
    }

    /// <summary>Adds a row of as many cells as there are columns.</summary>
    public TextTable Row(params string[] cells)
    {
        if (cells.Length != _columns.Count) throw new ArgumentException($"{cells.Length} cells for {_columns.Count} columns", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table to <paramref name="output"/>.</summary>
    public void Write(TextWriter output)
    {
        var widths = new int[_columns.Count];
        var names = new string[_columns.Count];
        for (var i = 0; i < widths.Length; i++)
        {
            names[i] = _columns[i].Name;
            widths[i] = names[i].Length;
            foreach (var row in _rows) widths[i] = Math.Max(widths[i], row[i].Length);
        }
        var others = 3 * _columns.Count + 1;
        for (var i = 1; i < widths.Length; i++) others += widths[i];
        widths[0] = Math.Max(Math.Min(widths[0], Width - others), Math.Min(widths[0], 10));
        var total = others + widths[0];
        var text = new StringBuilder();
        if (Title is { } title) Repeat(text, ' ', Math.Max(0, (total - title.Length) / 2)).Append(title).Append('\n');
        Rule(text, widths, '┌', '┬', '┐');
        Line(text, widths, names);
        Rule(text, widths, '├', '┼', '┤');
        foreach (var row in _rows)
        {
            Line(text, widths, row);
            // Written some 32 KB at a time: a long draft's sections table is megabytes, which as one text would be
            // megabytes of fresh memory, and standard output is flushed at each write.
            if (text.Length < 1 << 15) continue;
            output.Write(text);
            text.Clear();
        }
        Rule(text, widths, '└', '┴', '┘');
        output.Write(text);
    }

    // Padding and rules are appended from these rather than by StringBuilder.Append(char, count), whose framework code
    // for char is not precompiled and ran unoptimised in a cold `parley draft stats`.
    private const string Spaces = "                                                                                ";
    private const string Dashes = "────────────────────────────────────────────────────────────────────────────────";

    private static StringBuilder Repeat(StringBuilder text, char c, int count)
    {
        var run = c == ' ' ? Spaces : c == '─' ? Dashes : null;
        if (run is null) return text.Append(c, count);
        for (; count > run.Length; count -= run.Length) text.Append(run);
        return text.Append(run, 0, count);
    }

    private static void Rule(StringBuilder text, int[] widths, char left, char middle, char right)
    {
        text.Append(left);
        for (var i = 0; i < widths.Length; i++) Repeat(text, '─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        text.Append('\n');
    }

    private void Line(StringBuilder text, int[] widths, string[] cells)
    {
        var first = Wrap(cells[0], widths[0]);
        for (var line = 0; line < first.Count; line++)
        {
            text.Append('│');
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = i == 0 ? first[line] : line == 0 ? cells[i] : "";
                var pad = widths[i] - cell.Length;
                text.Append(' ');
                if (_columns[i].Right) Repeat(text, ' ', pad).Append(cell);
                else Repeat(text.Append(cell), ' ', pad);
                text.Append(" │");
            }
            text.Append('\n');
        }
    }

    private static List<string> Wrap(string cell, int width)
    {
        if (cell.Length <= width) return [cell];
        var lines = new List<string>();
        var rest = cell.AsSpan();
        while (rest.Length > width)
        {
            var cut = rest[..(width + 1)].LastIndexOf(' ');
            if (cut <= 0) cut = width; // one word longer than the column: split it
            lines.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) lines.Add(rest.ToString());
        return lines;
    }
}

/// <summary>A column of a <see cref="TextTable"/>: its heading, and whether its cells align to the right.</summary>
internal sealed record TextTableColumn(string Name, bool Right);
