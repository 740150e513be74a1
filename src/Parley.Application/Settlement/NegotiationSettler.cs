using Parley.Core;
using System.Diagnostics;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Application.Infrastructure;
using Parley.Solver;

namespace Parley.Application.Settlement;

/// <summary>What a caller asks of a negotiation's settlement.</summary>
/// <param name="AsOf">Read the talks as of this instant (agreed issues fixed, current positions' red lines); null: ignore dates.</param>
/// <param name="For">The party whose redacted view is wanted; null for the full (mediator's) view.</param>
/// <param name="From">The package trades start from (<see cref="NegotiationSettlement.Reference"/>); null: no trades.</param>
/// <param name="LiftRedLines">What-if: red lines lifted, as <c>party:issue=option</c>.</param>
/// <param name="AddRedLines">What-if: red lines added, as <c>party:issue=option</c>.</param>
/// <param name="AgreementsFrom">The negotiation as the reader sees it, whose agreements fix issues (null: the whole one).</param>
public sealed record SettlementRequest(
    DateTimeOffset? AsOf = null, string? For = null, string? From = null,
    IReadOnlyList<string>? LiftRedLines = null, IReadOnlyList<string>? AddRedLines = null, Negotiation? AgreementsFrom = null);

/// <summary>A computed settlement of a negotiation.</summary>
/// <param name="Problem">The problem solved.</param>
/// <param name="Result">The engine's full result.</param>
/// <param name="Context">As-of, fixed issues and trades.</param>
/// <param name="ElapsedMs">Time to build and analyse.</param>
/// <param name="For">The party of the redacted view, or null.</param>
public sealed record SettlementRun(NegotiationProblem Problem, SettlementResult Result, SettlementContext Context, long ElapsedMs, string? For)
{
    /// <summary>The JSON: redacted when <see cref="For"/> is set, else full (<see cref="SettlementJson"/>).</summary>
    /// <param name="hidden">Issues the reader may not see, left out of the redacted packages.</param>
    public string Json(IReadOnlySet<string>? hidden = null) => For is null
        ? SettlementJson.Write(Problem.Problem, Result, ElapsedMs, Context)
        : SettlementJson.WriteRedacted(Problem.Problem, RedactedResult.For(Result, For), ElapsedMs, Context, hidden);
}

/// <summary>
/// The application service behind <c>parley settle --scenario</c> and <c>GET /api/negotiations/{id}/settlement</c>:
/// builds the problem from a negotiation and its preference profiles, analyses it (CP-SAT for what cannot be
/// listed), and finds trades. Bad requests throw <see cref="InvalidInputException"/> naming the field.
/// </summary>
public static class NegotiationSettler
{
    /// <summary>Computes the settlement.</summary>
    /// <exception cref="InvalidInputException">No profile, an unknown party for <c>for</c>, a bad <c>from</c> package or what-if red line.</exception>
    public static SettlementRun Run(Negotiation negotiation, IReadOnlyList<PartyPreferences> profiles, SettlementRequest request,
        Action<int, int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        if (profiles.Count == 0)
            throw new InvalidInputException("preferences", $"negotiation '{negotiation.Id}' has no preference profiles; add a 'preferences' section");
        if (request.For is { } party && profiles.All(p => p.Party != party))
            throw new InvalidInputException("for", $"party '{party}' has no preference profile (profiles: {string.Join(", ", profiles.Select(p => p.Party))})");
        var watch = Stopwatch.StartNew();
        var adjusted = WhatIf(profiles, request.LiftRedLines, "lift", (p, key) => Without(p, key))
            .ToArray();
        adjusted = WhatIf(adjusted, request.AddRedLines, "add", (p, key) => With(p, key)).ToArray();
        var problem = NegotiationSettlement.Build(negotiation, adjusted, request.AsOf, request.AgreementsFrom);
        var options = new SettlementOptions { Solver = new CpSatBargainingSolver(), Progress = progress, Cancellation = ct };
        var result = SettlementAnalyzer.Analyze(problem.Problem, options);
        Outcome? from = null;
        IReadOnlyList<TradeSuggestion> trades = [];
        if (request.From is { } spec)
        {
            var fill = result.Nash?.Outcome
                ?? throw new InvalidInputException("from", "no package is acceptable to every party, so there is no Nash package to complete the starting package with");
            try { from = NegotiationSettlement.Reference(problem, negotiation, spec, fill); }
            catch (ArgumentException e) { throw new InvalidInputException("from", e.Reason()); }
            trades = SettlementMoves.Trades(problem.Problem, from);
        }
        watch.Stop();
        return new SettlementRun(problem, result, new SettlementContext(request.AsOf, problem.Fixed, from, trades), watch.ElapsedMilliseconds, request.For);
    }

    /// <summary>Compares the frontier with and without the what-if red lines of <paramref name="request"/>.</summary>
    public static (SettlementRun Before, SettlementRun After) WhatIf(Negotiation negotiation, IReadOnlyList<PartyPreferences> profiles, SettlementRequest request,
        CancellationToken ct = default)
    {
        var before = Run(negotiation, profiles, request with { LiftRedLines = null, AddRedLines = null, From = null }, ct: ct);
        var after = Run(negotiation, profiles, request with { From = null }, ct: ct);
        return (before, after);
    }

    private static IEnumerable<PartyPreferences> WhatIf(IEnumerable<PartyPreferences> profiles, IReadOnlyList<string>? changes, string field,
        Func<PartyPreferences, OptionKey, PartyPreferences> apply)
    {
        var list = profiles.ToList();
        for (var k = 0; k < (changes?.Count ?? 0); k++)
        {
            var text = changes![k];
            var colon = text.IndexOf(':');
            var eq = text.IndexOf('=');
            if (colon <= 0 || eq < colon + 2 || eq == text.Length - 1)
                throw new InvalidInputException($"{field}[{k}]", $"'{text}' is not party:issue=option");
            var party = text[..colon];
            var index = list.FindIndex(p => p.Party == party);
            if (index < 0) throw new InvalidInputException($"{field}[{k}]", $"party '{party}' has no preference profile");
            OptionKey key;
            try { key = new OptionKey(text[(colon + 1)..eq], text[(eq + 1)..]); }
            catch (ArgumentException e) { throw new InvalidInputException($"{field}[{k}]", e.Reason()); }
            list[index] = apply(list[index], key);
        }
        return list;
    }

    private static PartyPreferences With(PartyPreferences p, OptionKey key) =>
        p.RedLines.Contains(key) ? p : Copy(p, p.RedLines.Add(key), p.LiftedRedLines);

    private static PartyPreferences Without(PartyPreferences p, OptionKey key) =>
        Copy(p, p.RedLines.Remove(key), p.LiftedRedLines.Contains(key) ? p.LiftedRedLines : p.LiftedRedLines.Add(key));

    private static PartyPreferences Copy(PartyPreferences p, IEnumerable<OptionKey> redLines, IEnumerable<OptionKey> lifted) =>
        new(p.Party, p.Issues, p.Reservation, redLines, p.Constraints, p.Interactions, p.Note, p.Visibility) { LiftedRedLines = [.. lifted] };
}
