using Parley.Core.Settlement;

namespace Parley.Server.Components.Settlement;

/// <summary>One bargaining package drawn across the axes.</summary>
/// <param name="Solution">Which solution it is.</param>
/// <param name="Values">Its utility on each axis, in axis order.</param>
public sealed record PlotSolution(BargainingSolution Solution, IReadOnlyList<double> Values);

/// <summary>
/// What the parallel-coordinates plot of the frontier draws: one vertical axis per party shown (utility, 0 at the bottom),
/// one line per frontier vector, the bargaining packages as marked lines, and each shown party's reservation as a tick on
/// its axis. Built only from what the viewer's settlement view holds: every party for the mediator
/// (<see cref="Full"/>), the delegation's own axis for a delegation (<see cref="Own"/>, from its
/// <see cref="RedactedResult"/> and its own profile's reservation), so the plot can show nothing the tables do not.
/// </summary>
public sealed record ParallelPlot
{
    /// <summary>At most this many frontier lines are drawn; the rest are counted in <see cref="FrontierTotal"/>.</summary>
    public const int MaxLines = 400;

    private ParallelPlot(IReadOnlyList<string> axes, IReadOnlyList<IReadOnlyList<double>> frontier, int total,
        IReadOnlyList<PlotSolution> solutions, IReadOnlyList<double?> reservations)
    {
        if (axes.Count == 0) throw new ArgumentException("a plot needs at least one axis", nameof(axes));
        if (reservations.Count != axes.Count || frontier.Any(f => f.Count != axes.Count) || solutions.Any(s => s.Values.Count != axes.Count))
            throw new ArgumentException("every line and the reservations need one value per axis", nameof(axes));
        (Axes, Frontier, FrontierTotal, Solutions, Reservations) = (axes, frontier, total, solutions, reservations);
    }

    /// <summary>The axes' titles (party names), left to right.</summary>
    public IReadOnlyList<string> Axes { get; }

    /// <summary>The frontier vectors drawn, each with one utility per axis (at most <see cref="MaxLines"/>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Frontier { get; }

    /// <summary>The number of frontier vectors in the result (more than drawn when above <see cref="MaxLines"/>).</summary>
    public int FrontierTotal { get; }

    /// <summary>The bargaining packages that exist, in the order of <see cref="BargainingSolution"/>.</summary>
    public IReadOnlyList<PlotSolution> Solutions { get; }

    /// <summary>Each axis's reservation utility; null where the viewer may not see it.</summary>
    public IReadOnlyList<double?> Reservations { get; }

    /// <summary>The mediator's plot: every party's axis, utilities and reservation.</summary>
    public static ParallelPlot Full(SettlementResult result, Func<string, string> partyName) => new(
        [.. result.Parties.Select(partyName)],
        [.. result.Pareto.Take(MaxLines).Select(f => (IReadOnlyList<double>)f.Utilities)],
        result.Pareto.Length,
        [.. Enum.GetValues<BargainingSolution>().Select(s => result.Point(s) is { } p ? new PlotSolution(s, p.Utilities) : null).OfType<PlotSolution>()],
        [.. result.Reservations.Select(r => (double?)r)]);

    /// <summary>A delegation's plot: its own axis only, with its own utilities and its own reservation.</summary>
    public static ParallelPlot Own(RedactedResult result, string partyName, double? reservation) => new(
        [partyName],
        [.. result.Pareto.Take(MaxLines).Select(f => (IReadOnlyList<double>)[f.OwnUtility])],
        result.Pareto.Length,
        [.. Enum.GetValues<BargainingSolution>().Where(result.Points.ContainsKey).Select(s => new PlotSolution(s, [result.Points[s].OwnUtility]))],
        [reservation]);

    /// <summary>The plot in words, for screen readers and as the figure's caption.</summary>
    public string Describe()
    {
        string Vector(IReadOnlyList<double> values) =>
            Axes.Count == 1 ? SettlementText.Utility(values[0]) : string.Join(", ", Axes.Select((a, k) => $"{a} {SettlementText.Utility(values[k])}"));
        var drawn = Frontier.Count < FrontierTotal ? $"the first {Frontier.Count} of {FrontierTotal}" : $"{FrontierTotal}";
        var text = Axes.Count == 1
            ? $"Your utility ({Axes[0]}) on one axis, 0 at the bottom, 1 at the top: {drawn} frontier packages as ticks"
            : $"One axis per party ({string.Join(", ", Axes)}), utility 0 at the bottom, 1 at the top: {drawn} frontier packages, each a line across the axes";
        if (FrontierTotal > 0)
            text += $", from {SettlementText.Utility(Frontier.SelectMany(f => f).Min())} to {SettlementText.Utility(Frontier.SelectMany(f => f).Max())}";
        text += ". ";
        text += Solutions.Count == 0 ? "No package is acceptable to every party. "
            : string.Join("; ", Solutions.Select(s => $"{SettlementText.Name(s.Solution)}: {Vector(s.Values)}")) + ". ";
        var reservations = Axes.Select((a, k) => Reservations[k] is { } r ? $"{a} {SettlementText.Utility(r)}" : null).OfType<string>().ToArray();
        if (reservations.Length > 0) text += "Reservations: " + string.Join(", ", reservations) + ".";
        return text.TrimEnd();
    }
}
