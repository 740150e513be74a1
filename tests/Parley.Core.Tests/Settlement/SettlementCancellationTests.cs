using Parley.Core.Drafting;
using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

using Drafting = Parley.Core.Tests.Drafting;

/// <summary>A closed request or a spent budget stops the long computations part-way, not after they finish.</summary>
public sealed class SettlementCancellationTests
{
    [Fact]
    public void Analyze_CancelledAfterTheFirstBlock_StopsBeforeTheSecond()
    {
        var problem = RandomProblems.Create(7, 3, issues: 6, maxOptions: 4);
        using var cancel = new CancellationTokenSource();
        var blocksDone = new List<int>();
        var options = new SettlementOptions
        {
            Cancellation = cancel.Token,
            Progress = (done, _) => { blocksDone.Add(done); cancel.Cancel(); },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => SettlementAnalyzer.Analyze(problem, options));
        Assert.Equal([1], blocksDone);
        Assert.NotNull(SettlementAnalyzer.Analyze(problem).Nash); // the same problem, uncancelled, completes
    }

    [Fact]
    public void DraftDiff_Cancelled_StopsInsteadOfComparingEveryProvision()
    {
        var older = DraftParser.Parse(Drafting.SharedData.Draft(Drafting.SharedData.Oct23));
        var newer = DraftParser.Parse(Drafting.SharedData.Draft(Drafting.SharedData.Dec12));

        Assert.ThrowsAny<OperationCanceledException>(() => DraftDiffer.Compare(older, newer, new CancellationToken(canceled: true)));
        Assert.NotEmpty(DraftDiffer.Compare(older, newer).Provisions);
    }
}
