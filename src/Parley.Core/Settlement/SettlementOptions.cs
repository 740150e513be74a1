namespace Parley.Core.Settlement;

/// <summary>
/// An exact optimiser for bargaining points on problems whose frontier is too large to list or whose linked
/// issues are too many to fuse (implemented with CP-SAT in Parley.Solver).
/// </summary>
public interface IBargainingSolver
{
    /// <summary>The solutions this solver can compute.</summary>
    IReadOnlySet<BargainingSolution> Supports { get; }

    /// <summary>The point for <paramref name="solution"/> over acceptable outcomes, or null when none is acceptable.</summary>
    BargainingPoint? Solve(SettlementProblem problem, BargainingSolution solution, CancellationToken cancellationToken = default);
}

/// <summary>Limits and hooks of <see cref="SettlementAnalyzer"/>; the defaults suit an interactive call.</summary>
public sealed record SettlementOptions
{
    /// <summary>Two parties: the most frontier vectors a layer may hold before the engine falls back to a representative set.</summary>
    public int MaxFrontier { get; init; } = 2_000_000;

    /// <summary>Three or more parties (pairwise filtering, quadratic in the frontier): the same limit.</summary>
    public int MaxFrontierMany { get; init; } = 5_000;

    /// <summary>The most option combinations a block of linked issues may have before the solver path is needed.</summary>
    public long MaxBlockOptions { get; init; } = 1 << 20;

    /// <summary>The most partial vectors per half when counting acceptable outcomes by meet-in-the-middle.</summary>
    public int MaxCountHalf { get; init; } = 1 << 22;

    /// <summary>H − n for the representative set's weight grid (see <see cref="SettlementAnalyzer"/>).</summary>
    public int RepresentativeDivisions { get; init; } = 8;

    /// <summary>Optional exact optimiser used when the frontier cannot be listed.</summary>
    public IBargainingSolver? Solver { get; init; }

    /// <summary>Called after each block with (blocks done, blocks in all); must not throw.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>
    /// Stops the analysis (<see cref="OperationCanceledException"/>) when cancelled: checked between stages, after each
    /// block of the frontier, while counting and inside the solver. For a closed request or a spent time budget.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
