using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class VisibilityTest
{
    [Fact]
    public void Default_Unlabelled_IsShared()
    {
        Assert.Equal(Visibility.Shared, default(Visibility));
        Assert.Equal("shared", default(Visibility).ToString());
    }

    [Fact]
    public void PrivateTo_AParty_NamesTheParty()
    {
        var visibility = Visibility.PrivateTo("ua");

        Assert.Equal((VisibilityScope.Party, "ua"), (visibility.Scope, visibility.Party));
        Assert.Equal("party:ua", visibility.ToString());
    }

    [Fact]
    public void Construction_PartyScopeWithoutParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Visibility(VisibilityScope.Party));
    }

    [Fact]
    public void Construction_MediatorScopeNamingAParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Visibility(VisibilityScope.Mediator, "ua"));
    }

    // Covers

    private static readonly Visibility[] Labels =
        [Visibility.Shared, Visibility.MediatorOnly, Visibility.PrivateTo("a"), Visibility.PrivateTo("b")];

    /// <summary>The readers at a table of parties a and b: (role, party spoken for).</summary>
    private static readonly (string Role, string? Party)[] Readers =
        [("mediator", null), ("delegation", "a"), ("delegation", "b"), ("guarantor", "a"), ("monitor", null), ("observer", null)];

    // The rule in words, independently of Viewer: the mediator reads everything; a party's delegation (or a guarantor
    // acting for it) reads shared items and that party's; everyone else reads shared items only.
    private static bool Reads((string Role, string? Party) reader, Visibility label) =>
        reader.Role == "mediator"
        || label.Scope == VisibilityScope.Shared
        || (label.Scope == VisibilityScope.Party && reader.Party == label.Party);

    [Fact]
    public void Covers_EveryPairOfLabels_ExactlyWhenEveryReaderOfTheOtherReadsThisOne()
    {
        foreach (var self in Labels)
            foreach (var other in Labels)
            {
                var expected = Readers.All(r => !Reads(r, other) || Reads(r, self));
                Assert.True(expected == self.Covers(other), $"{self}.Covers({other}) should be {expected}");
            }
    }

    [Fact]
    public void Covers_Examples_SharedCoversAllAndAPartysCoversNeitherSharedNorAnotherParty()
    {
        Assert.True(Visibility.Shared.Covers(Visibility.PrivateTo("a")));
        Assert.True(Visibility.PrivateTo("a").Covers(Visibility.MediatorOnly));
        Assert.False(Visibility.PrivateTo("a").Covers(Visibility.Shared));
        Assert.False(Visibility.PrivateTo("a").Covers(Visibility.PrivateTo("b")));
        Assert.False(Visibility.MediatorOnly.Covers(Visibility.PrivateTo("a")));
    }
}
