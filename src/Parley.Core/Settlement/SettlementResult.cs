using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Settlement;

/// <summary>The four bargaining solutions the engine reports.</summary>
public enum BargainingSolution
{
    /// <summary>argmax Πᵢ(uᵢ − rᵢ) over acceptable outcomes.</summary>
    Nash,

    /// <summary>On the acceptable frontier, argmin of max − min of (uᵢ − rᵢ)/(idealᵢ − rᵢ).</summary>
    KalaiSmorodinsky,

    /// <summary>argmax minᵢ(uᵢ − rᵢ) over acceptable outcomes.</summary>
    Egalitarian,

    /// <summary>argmax Σᵢuᵢ over acceptable outcomes.</summary>
    Utilitarian,
}

/// <summary>One distinct utility vector of the Pareto frontier.</summary>
/// <param name="Utilities">(u₁, …, uₙ) in party order.</param>
/// <param name="Count">How many acceptable outcomes reach this vector (within ε); null when not counted (representative sets).</param>
/// <param name="Example">One outcome that reaches it.</param>
public sealed record FrontierPoint(ImmutableArray<double> Utilities, UInt128? Count, Outcome Example);

/// <summary>A bargaining solution: the package and its utility vector.</summary>
public sealed record BargainingPoint(BargainingSolution Solution, ImmutableArray<double> Utilities, Outcome Outcome);

/// <summary>
/// Everything the engine says about a settlement problem. Utility vectors list parties in the problem's order.
/// "Acceptable" means: no party's red line, every party's constraints respected, and uᵢ ≥ rᵢ for every party (exact double comparison, utilities summed in issue order).
/// </summary>
public sealed record SettlementResult
{
    /// <summary>The parties, in the order of every utility vector.</summary>
    public required ImmutableArray<string> Parties { get; init; }

    /// <summary>The size of the outcome space.</summary>
    public required BigInteger Outcomes { get; init; }

    /// <summary>How many outcomes are acceptable to all; null when too costly to count exactly.</summary>
    public required BigInteger? Acceptable { get; init; }

    /// <summary>
    /// The Pareto frontier among acceptable outcomes: distinct vectors (equal within ε count once) in canonical order,
    /// u₁ descending then u₂ …. When <see cref="FrontierComplete"/> is false this is a representative subset.
    /// </summary>
    public required ImmutableArray<FrontierPoint> Pareto { get; init; }

    /// <summary>True when <see cref="Pareto"/> is the whole frontier; false when it is a representative set.</summary>
    public required bool FrontierComplete { get; init; }

    /// <summary>An upper bound on the number of distinct frontier vectors (equal to the count when complete).</summary>
    public required BigInteger FrontierSizeBound { get; init; }

    /// <summary>idealᵢ: party i's best utility over all permitted outcomes (ignoring reservations).</summary>
    public required ImmutableArray<double> Ideal { get; init; }

    /// <summary>rᵢ per party.</summary>
    public required ImmutableArray<double> Reservations { get; init; }

    /// <summary>The Nash point, or null when no outcome is acceptable (or it could not be computed).</summary>
    public BargainingPoint? Nash { get; init; }

    /// <summary>The Kalai–Smorodinsky point, or null.</summary>
    public BargainingPoint? KalaiSmorodinsky { get; init; }

    /// <summary>The egalitarian point, or null.</summary>
    public BargainingPoint? Egalitarian { get; init; }

    /// <summary>The utilitarian point, or null.</summary>
    public BargainingPoint? Utilitarian { get; init; }

    /// <summary>min over permitted outcomes of ‖1 − u/ideal‖₂; null when not computed.</summary>
    public double? Opposition { get; init; }

    /// <summary>The bargaining point of the given kind.</summary>
    public BargainingPoint? Point(BargainingSolution solution) => solution switch
    {
        BargainingSolution.Nash => Nash,
        BargainingSolution.KalaiSmorodinsky => KalaiSmorodinsky,
        BargainingSolution.Egalitarian => Egalitarian,
        _ => Utilitarian,
    };
}
