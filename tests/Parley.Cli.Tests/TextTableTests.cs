namespace Parley.Cli.Tests;

/// <summary>The boxed tables of long outputs (a draft's sections): every line as wide as the others, cells aligned, however wide.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void CellsWiderThanTheRunsOfPadding_KeepEveryLineOfTheSameWidth()
    {
        var wide = new string('9', 150);
        var table = new TextTable { Title = "figures" }.Column("name").Column("value", right: true);
        table.Row("short", "1");
        table.Row("a name long enough to be wrapped over two lines of the first column, at spaces", wide);
        var output = new StringWriter();

        table.Write(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.All(lines, line => Assert.Equal(lines[0].Length, line.Length));
        Assert.Equal(2 + 10 + 3 + 150 + 2, lines[0].Length);
        Assert.Contains(lines, line => line.StartsWith("│ short      │ ", StringComparison.Ordinal) && line.EndsWith(" 1 │", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(" " + wide + " │", StringComparison.Ordinal));
        Assert.StartsWith("┌" + new string('─', 12) + "┬" + new string('─', 152) + "┐", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ThousandsOfRows_AreWrittenWhole_InOrder()
    {
        var table = new TextTable().Column("row").Column("n", right: true);
        for (int i = 0; i < 5000; i++) table.Row("row " + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = new StringWriter();

        table.Write(output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000 + 4, lines.Length);
        Assert.Equal("│ row 4999 │ 4999 │", lines[^2]);
        Assert.Equal("└──────────┴──────┘", lines[^1]);
    }
}
