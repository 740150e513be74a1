using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Parley.Core.Tests.Guarantees;

/// <summary>The developers' shared data set, copied into tests/data, and an independent CSV reader for oracles.</summary>
internal static class SampleData
{
    public static string AcledSamplePath { get; } = FindAcled();

    private static string FindAcled()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
        var path = Path.Combine(dir.FullName, "tests", "data", "acled", "acled-ukraine-sample.csv");
        if (!File.Exists(path)) throw new FileNotFoundException("The ACLED sample is missing.", path);
        return path;
    }

    /// <summary>Every record as a field array, header first, read with the framework's TextFieldParser (not Parley's reader).</summary>
    public static List<string[]> ReadWithFramework(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return rows;
    }

    /// <summary>Writes records as RFC 4180 CSV, quoting every field that needs it.</summary>
    public static string Write(IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
            sb.Append(string.Join(',', row.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f))).Append('\n');
        return sb.ToString();
    }
}
