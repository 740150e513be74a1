using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Parley.Core.Settlement;

namespace Parley.Cli.Settlement;

/// <summary>The JSON form of a settlement result (counts as plain JSON numbers, however large).</summary>
internal static class SettlementJson
{
    public static string Write(SettlementProblem problem, SettlementResult result, long elapsedMs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("parties");
            foreach (var p in result.Parties) w.WriteStringValue(p);
            w.WriteEndArray();
            Big(w, "outcomes", result.Outcomes);
            Big(w, "acceptable", result.Acceptable);
            w.WriteBoolean("frontierComplete", result.FrontierComplete);
            Big(w, "frontierSizeBound", result.FrontierSizeBound);
            w.WriteStartArray("pareto");
            foreach (var f in result.Pareto)
            {
                w.WriteStartObject();
                Numbers(w, "utilities", f.Utilities);
                Big(w, "count", f.Count is { } c ? (BigInteger)c : null);
                OutcomeObject(w, problem, f.Example);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Point(w, problem, "nash", result.Nash);
            Point(w, problem, "kalaiSmorodinsky", result.KalaiSmorodinsky);
            Point(w, problem, "egalitarian", result.Egalitarian);
            Point(w, problem, "utilitarian", result.Utilitarian);
            if (result.Opposition is { } o) w.WriteNumber("opposition", o); else w.WriteNull("opposition");
            Numbers(w, "reservations", result.Reservations);
            Numbers(w, "ideal", result.Ideal);
            w.WriteNumber("elapsedMs", elapsedMs);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Point(Utf8JsonWriter w, SettlementProblem problem, string name, BargainingPoint? point)
    {
        if (point is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Numbers(w, "utilities", point.Utilities);
        OutcomeObject(w, problem, point.Outcome);
        w.WriteEndObject();
    }

    private static void OutcomeObject(Utf8JsonWriter w, SettlementProblem problem, Outcome outcome)
    {
        w.WriteStartObject("outcome");
        foreach (var (issue, option) in problem.Space.Describe(outcome)) w.WriteString(issue, option);
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Big(Utf8JsonWriter w, string name, BigInteger? value)
    {
        w.WritePropertyName(name);
        if (value is { } v) w.WriteRawValue(v.ToString(CultureInfo.InvariantCulture));
        else w.WriteNullValue();
    }
}
