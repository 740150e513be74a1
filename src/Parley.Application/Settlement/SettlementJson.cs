using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Parley.Core.Settlement;

namespace Parley.Application.Settlement;

/// <summary>What a settlement of a stored or scenario negotiation adds to the engine's result.</summary>
/// <param name="AsOf">The instant the talks were read at, or null.</param>
/// <param name="Fixed">Issues fixed to their agreed option.</param>
/// <param name="TradesFrom">The package the trade search started from, or null when none was asked for.</param>
/// <param name="Trades">The two-issue trades found from <paramref name="TradesFrom"/>.</param>
public sealed record SettlementContext(
    DateTimeOffset? AsOf,
    IReadOnlyList<KeyValuePair<string, string>> Fixed,
    Outcome? TradesFrom = null,
    IReadOnlyList<TradeSuggestion>? Trades = null);

/// <summary>
/// The JSON of a settlement result, shared by <c>parley settle --json</c> and the API: counts as plain JSON numbers
/// however large (10³⁰ is written in full), packages as <c>{issue: option}</c>.
/// </summary>
/// <remarks>
/// The full form: <c>parties, outcomes, acceptable, frontierComplete, frontierSizeBound, pareto [{utilities, count,
/// outcome}], nash, kalaiSmorodinsky, egalitarian, utilitarian ({utilities, outcome} or null), opposition,
/// reservations, ideal, elapsedMs</c>, then, for a negotiation, <c>asOf, fixed</c> and, when asked for,
/// <c>tradesFrom, trades [{moves, concessions, gains, outcome}]</c>. The redacted form for one party has the same
/// keys with one-element <c>utilities</c> (the party's own) and <c>redacted: true</c>; it leaves out <c>count</c>,
/// <c>opposition</c>, <c>reservations</c>, <c>ideal</c> and the trades (which reveal who gains where).
/// </remarks>
public static class SettlementJson
{
    /// <summary>The full (mediator's) form.</summary>
    public static string Write(SettlementProblem problem, SettlementResult result, long elapsedMs, SettlementContext? context = null) =>
        Json(w =>
        {
            Strings(w, "parties", result.Parties);
            Header(w, result.Outcomes, result.Acceptable, result.FrontierComplete, result.FrontierSizeBound);
            w.WriteStartArray("pareto");
            foreach (var f in result.Pareto)
            {
                w.WriteStartObject();
                Numbers(w, "utilities", f.Utilities);
                Big(w, "count", f.Count is { } c ? (BigInteger)c : null);
                OutcomeObject(w, problem, "outcome", f.Example);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            foreach (var s in Enum.GetValues<BargainingSolution>())
                Point(w, problem, Name(s), result.Point(s) is { } p ? (p.Utilities, p.Outcome) : null);
            if (result.Opposition is { } o) w.WriteNumber("opposition", o); else w.WriteNull("opposition");
            Numbers(w, "reservations", result.Reservations);
            Numbers(w, "ideal", result.Ideal);
            w.WriteNumber("elapsedMs", elapsedMs);
            Context(w, problem, context, withTrades: true);
        });

    /// <summary>The form one delegation may see: packages and its own utilities only.</summary>
    /// <remarks>
    /// The count of packages acceptable to all is left out (null): with its own profile known, a delegation could read
    /// others' acceptance from it. Issues in <paramref name="hidden"/> (those the delegation may not see) are left out of
    /// every package.
    /// </remarks>
    public static string WriteRedacted(SettlementProblem problem, RedactedResult result, long elapsedMs, SettlementContext? context = null,
        IReadOnlySet<string>? hidden = null) =>
        Json(w =>
        {
            Strings(w, "parties", [result.Party]);
            w.WriteBoolean("redacted", true);
            Header(w, result.Outcomes, null, result.FrontierComplete, result.FrontierSizeBound);
            w.WriteStartArray("pareto");
            foreach (var f in result.Pareto)
            {
                w.WriteStartObject();
                Numbers(w, "utilities", [f.OwnUtility]);
                OutcomeObject(w, problem, "outcome", f.Outcome, hidden);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            foreach (var s in Enum.GetValues<BargainingSolution>())
                Point(w, problem, Name(s), result.Points.TryGetValue(s, out var p) ? ([p.OwnUtility], p.Outcome) : null, hidden);
            w.WriteNumber("elapsedMs", elapsedMs);
            Context(w, problem, context, withTrades: false, hidden);
        });

    private static string Name(BargainingSolution s) => s switch
    {
        BargainingSolution.Nash => "nash",
        BargainingSolution.KalaiSmorodinsky => "kalaiSmorodinsky",
        BargainingSolution.Egalitarian => "egalitarian",
        _ => "utilitarian",
    };

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Header(Utf8JsonWriter w, BigInteger outcomes, BigInteger? acceptable, bool complete, BigInteger bound)
    {
        Big(w, "outcomes", outcomes);
        Big(w, "acceptable", acceptable);
        w.WriteBoolean("frontierComplete", complete);
        Big(w, "frontierSizeBound", bound);
    }

    private static void Context(Utf8JsonWriter w, SettlementProblem problem, SettlementContext? context, bool withTrades, IReadOnlySet<string>? hidden = null)
    {
        if (context is null) return;
        if (context.AsOf is { } at) w.WriteString("asOf", at); else w.WriteNull("asOf");
        w.WriteStartObject("fixed");
        foreach (var (issue, option) in context.Fixed)
            if (hidden?.Contains(issue) != true) w.WriteString(issue, option);
        w.WriteEndObject();
        if (!withTrades || context.TradesFrom is not { } from) return;
        OutcomeObject(w, problem, "tradesFrom", from);
        w.WriteStartArray("trades");
        foreach (var t in context.Trades ?? [])
        {
            var issues = problem.Space.Issues;
            w.WriteStartObject();
            w.WriteStartObject("moves");
            w.WriteString(issues[t.IssueX].Name, issues[t.IssueX].Options[t.OptionX]);
            w.WriteString(issues[t.IssueY].Name, issues[t.IssueY].Options[t.OptionY]);
            w.WriteEndObject();
            w.WriteStartObject("concessions");
            w.WriteString(problem.Profiles[t.PartyA].Party, issues[t.IssueX].Name);
            w.WriteString(problem.Profiles[t.PartyB].Party, issues[t.IssueY].Name);
            w.WriteEndObject();
            Numbers(w, "gains", t.Gains);
            OutcomeObject(w, problem, "outcome", t.Result);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Point(Utf8JsonWriter w, SettlementProblem problem, string name, (IEnumerable<double> Utilities, Outcome Outcome)? point,
        IReadOnlySet<string>? hidden = null)
    {
        if (point is not { } p)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        Numbers(w, "utilities", p.Utilities);
        OutcomeObject(w, problem, "outcome", p.Outcome, hidden);
        w.WriteEndObject();
    }

    private static void OutcomeObject(Utf8JsonWriter w, SettlementProblem problem, string name, Outcome outcome, IReadOnlySet<string>? hidden = null)
    {
        w.WriteStartObject(name);
        foreach (var (issue, option) in problem.Space.Describe(outcome))
            if (hidden?.Contains(issue) != true) w.WriteString(issue, option);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
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
