using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

public sealed class DraftDifferTests
{
    private static DraftDiff Diff(string older, string newer) =>
        DraftDiffer.Compare(DraftParser.Parse(older, DraftFormat.PlainText), DraftParser.Parse(newer, DraftFormat.PlainText));

    [Fact]
    public void Compare_SameText_NoChanges()
    {
        var diff = Diff("A [b] c.\n\nD.", "A  [b]\nc.\n\nD.");
        Assert.Empty(diff.Provisions);
        Assert.Empty(diff.Brackets);
        Assert.Equal(2, diff.UnchangedProvisions);
    }

    [Fact]
    public void Compare_BracketLifted_IsAccepted()
    {
        var diff = Diff("Parties [shall] act.\n\nEnd.", "Parties shall act.\n\nEnd.");
        var change = Assert.Single(diff.Brackets);
        Assert.Equal(BracketChangeKind.Accepted, change.Kind);
        Assert.Equal("[shall]", change.OldText);
        var provision = Assert.Single(diff.Provisions);
        Assert.Equal(ProvisionChangeKind.Changed, provision.Kind);
    }

    [Fact]
    public void Compare_AlternativeDropped_IsDeleted()
    {
        var diff = Diff("Parties [shall][should] act.", "Parties [shall] act.");
        var change = Assert.Single(diff.Brackets);
        Assert.Equal((BracketChangeKind.Deleted, "[should]"), (change.Kind, change.OldText));
    }

    [Fact]
    public void Compare_BracketReworded_IsChanged()
    {
        var diff = Diff("A [developed country Parties shall provide finance].", "A [developed country Parties should provide finance].");
        var change = Assert.Single(diff.Brackets);
        Assert.Equal(BracketChangeKind.Changed, change.Kind);
        Assert.Equal("[developed country Parties should provide finance]", change.NewText);
    }

    [Fact]
    public void Compare_NewBracket_IsAdded()
    {
        var diff = Diff("Parties act.", "Parties [may] act.");
        Assert.Equal(BracketChangeKind.Added, Assert.Single(diff.Brackets).Kind);
        Assert.Equal(1, diff.WordsInserted);
        Assert.Equal(0, diff.WordsDeleted);
    }

    [Fact]
    public void Compare_WordEdits_ShowInsertedAndDeletedRuns()
    {
        var diff = Diff("one two three four", "one 2 three four five");
        var words = Assert.Single(diff.Provisions).Words;
        Assert.Equal(
            [new WordEdit(WordEditKind.Unchanged, "one"), new WordEdit(WordEditKind.Deleted, "two"), new WordEdit(WordEditKind.Inserted, "2"),
             new WordEdit(WordEditKind.Unchanged, "three four"), new WordEdit(WordEditKind.Inserted, "five")],
            words);
    }

    [Fact]
    public void Compare_ParagraphsAddedAndRemoved_AreReportedWithTheirBrackets()
    {
        var diff = Diff("Keep.\n\nGone [x].\n\nKeep too.", "Keep.\n\nKeep too.\n\nNew [y] [z].");
        Assert.Equal([ProvisionChangeKind.Removed, ProvisionChangeKind.Added], diff.Provisions.Select(p => p.Kind));
        Assert.Equal([BracketChangeKind.Deleted, BracketChangeKind.Added, BracketChangeKind.Added], diff.Brackets.Select(b => b.Kind));
        Assert.Equal(2, diff.UnchangedProvisions);
    }

    [Fact]
    public void Compare_ParisOct23ToDec12_MostBracketsGoAndShareRises()
    {
        var older = DraftParser.Parse(SharedData.Draft(SharedData.Oct23));
        var newer = DraftParser.Parse(SharedData.Draft(SharedData.Dec12));
        var diff = DraftDiffer.Compare(older, newer);
        Assert.Equal(0, diff.Count(BracketChangeKind.Added));
        Assert.Equal(older.Brackets.Count, diff.Count(BracketChangeKind.Accepted) + diff.Count(BracketChangeKind.Deleted));
        Assert.True(diff.After.AgreedShare > diff.Before.AgreedShare);
        Assert.True(diff.WordsDeleted > diff.WordsInserted);
    }

    [Fact]
    public void History_Convergence_ListsBracketsAndShareInOrder()
    {
        var history = new DraftHistory([
            new DraftVersion("23 Oct", new DateOnly(2015, 10, 23), DraftParser.Parse(SharedData.Draft(SharedData.Oct23))),
            new DraftVersion("12 Dec", new DateOnly(2015, 12, 12), DraftParser.Parse(SharedData.Draft(SharedData.Dec12))),
        ]);
        var series = history.Convergence();
        Assert.Equal(["23 Oct", "12 Dec"], series.Select(p => p.Label));
        Assert.Equal([1025, 0], series.Select(p => p.Opens));
        Assert.Equal(1.0, series[1].AgreedShare);
        Assert.NotEmpty(history.Compare("23 oct", "12 Dec").Brackets);
    }

    [Fact]
    public void History_DatesOutOfOrder_Throws()
    {
        var doc = DraftParser.Parse("x");
        Assert.Throws<ArgumentException>(() => new DraftHistory([
            new DraftVersion("b", new DateOnly(2015, 12, 12), doc), new DraftVersion("a", new DateOnly(2015, 10, 23), doc)]));
    }

    [Fact]
    public void History_DuplicateLabel_Throws()
    {
        var doc = DraftParser.Parse("x");
        Assert.Throws<ArgumentException>(() => new DraftHistory([new DraftVersion("v1", null, doc), new DraftVersion("V1", null, doc)]));
    }
}
