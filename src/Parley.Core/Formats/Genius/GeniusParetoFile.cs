using System.Globalization;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// GENIUS's <c>pareto.xml</c> sidecar: despite the name, not XML but one utility vector per line, its components
/// separated by commas (<c>0.6279683, 1.0</c>); blank lines are skipped. It is GENIUS's approximate frontier, found by
/// search and not proven complete.
/// </summary>
public static class GeniusParetoFile
{
    /// <summary>True when the bytes look like such a file: the first non-blank character is a digit, a sign or a point.</summary>
    public static bool Looks(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.';
        }

        return false;
    }

    /// <summary>Reads the vectors.</summary>
    /// <exception cref="SourceProblemException">A component that is not a number (with line and column), or lines of different lengths.</exception>
    public static IReadOnlyList<double[]> Read(ReadOnlySpan<byte> bytes, string file)
    {
        GeniusLimits.CheckSize(bytes, file);
        var text = GeniusText.Decode(bytes, file);
        var vectors = new List<double[]>();
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var parts = line.Split(',');
            var v = new double[parts.Length];
            var column = 1;
            for (var k = 0; k < parts.Length; k++)
            {
                if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out v[k]) || !double.IsFinite(v[k]))
                    throw new SourceProblemException(file, l + 1, column, null, $"'{parts[k].Trim()}' is not a utility (pareto.xml holds comma-separated numbers, one vector per line)");
                column += parts[k].Length + 1;
            }

            if (vectors.Count > 0 && vectors[0].Length != v.Length)
                throw new SourceProblemException(file, l + 1, 1, null, $"{v.Length} utilities on this line, {vectors[0].Length} on the first");
            vectors.Add(v);
        }

        return vectors;
    }
}
