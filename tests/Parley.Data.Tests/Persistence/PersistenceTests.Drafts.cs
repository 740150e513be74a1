using Parley.Core;
using System.Text.Json;
using Parley.Core.Drafting;
using Parley.Data.Drafting;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

// Drafts stored in a negotiation: versions come back as written, each addition is one history entry in the same
// transaction, refusals write nothing.
public abstract partial class PersistenceTests
{
    private const string OlderText = "# Territory <!-- issue: territory -->\n\nThe line [#freeze UA: at signing][#withdraw RU: after withdrawal] is final.\n";
    private const string NewerText = "# Territory <!-- issue: territory -->\n\nThe line at signing is final — «agreed» ✓.\n";

    private async Task<T> WithDrafts<T>(Func<DraftStore, Task<T>> action)
    {
        await using var db = Open();
        return await action(new DraftStore(db, Clock));
    }

    private static DraftVersion Version(string label, DateOnly? date, string text, string? author = null,
        DraftFormat format = DraftFormat.Markdown) => new(label, date, DraftParser.Parse(text, format), author);

    [Fact]
    public async Task AddDraftVersion_TwoVersions_LoadBackInOrderAsWritten()
    {
        await ImportAsync(Samples.Small());
        Assert.True(await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("14 Dec", new(2025, 12, 14), OlderText, "us"), "mediator")));
        Assert.True(await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("rev.2", null, NewerText, null, DraftFormat.PlainText), "mediator")));

        var history = await WithDrafts(s => s.LoadAsync("small", "framework"));
        Assert.NotNull(history);
        Assert.Equal(["14 Dec", "rev.2"], history.Versions.Select(v => v.Label));
        Assert.Equal(OlderText, history.Versions[0].Document.Text);
        Assert.Equal(NewerText, history.Versions[1].Document.Text);
        Assert.Equal(new DateOnly(2025, 12, 14), history.Versions[0].Date);
        Assert.Null(history.Versions[1].Date);
        Assert.Equal("us", history.Versions[0].Author);
        Assert.Null(history.Versions[1].Author);
        Assert.Equal(DraftFormat.PlainText, history.Versions[1].Document.Format);
        Assert.Equal(2, history.Versions[0].Document.Metrics.Opens);

        var versions = await WithDrafts(s => s.VersionsAsync("small", "framework"));
        Assert.Equal([0, 1], versions.Select(v => v.Ordinal));
        Assert.Equal(OlderText.Length, versions[0].Characters);
        var latest = await WithDrafts(s => s.LoadVersionAsync("small", "framework", "latest"));
        Assert.Equal("rev.2", latest!.Label);
        var byOtherCase = await WithDrafts(s => s.LoadVersionAsync("small", "framework", "14 DEC"));
        Assert.Equal("14 Dec", byOtherCase!.Label);
        Assert.Null(await WithDrafts(s => s.LoadVersionAsync("small", "framework", "nope")));
    }

    [Fact]
    public async Task AddDraftVersion_AppendsOneHistoryEntryWithTheText_AndTheChainVerifies()
    {
        await ImportAsync(Samples.Small());
        Clock.Advance(TimeSpan.FromMinutes(5));
        await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v1", new(2025, 12, 14), OlderText, "us"), "drafter"));

        var entry = (await HistoryAsync("small")).Last();
        Assert.Equal("draft.version-added", entry.Action);
        Assert.Equal("draft-version", entry.ItemKind);
        Assert.Equal("framework/v1", entry.ItemId);
        Assert.Equal("drafter", entry.Actor);
        Assert.Equal(Clock.GetUtcNow(), entry.RecordedAt);
        using var change = JsonDocument.Parse(entry.Change);
        Assert.Equal(OlderText, change.RootElement.GetProperty("text").GetString());
        Assert.Equal("2025-12-14", change.RootElement.GetProperty("date").GetString());
        Assert.True((await VerifyAsync()).Ok);
    }

    [Theory]
    [InlineData("V1", "2025-12-20", "version")]
    [InlineData("v2", "2025-12-13", "date")]
    public async Task AddDraftVersion_LabelUsedOrDatedBeforeTheLast_IsRefusedAndWritesNothing(string label, string date, string field)
    {
        await ImportAsync(Samples.Small());
        await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v1", new(2025, 12, 14), OlderText), "drafter"));
        var before = await HistoryCountAsync();

        var refused = await Assert.ThrowsAsync<RuleRefusal>(() =>
            WithDrafts(s => s.AddVersionAsync("small", "framework", Version(label, DateOnly.Parse(date), NewerText), "drafter")));

        Assert.Equal(field, refused.Field);
        Assert.Equal(before, await HistoryCountAsync());
        Assert.Single((await WithDrafts(s => s.LoadAsync("small", "framework")))!.Versions);
        // The same store is usable after a refusal.
        Assert.True(await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v2", new(2025, 12, 15), NewerText), "drafter")));
    }

    [Fact]
    public async Task AddDraftVersion_UnknownNegotiation_IsFalseAndWritesNothing()
    {
        Assert.False(await WithDrafts(s => s.AddVersionAsync("nope", "framework", Version("v1", null, OlderText), "drafter")));
        Assert.Equal(0, await HistoryCountAsync());
    }

    [Fact]
    public async Task AddDraftVersion_MalformedDraftKey_IsArgumentException()
    {
        await ImportAsync(Samples.Small());
        await Assert.ThrowsAsync<ArgumentException>(() =>
            WithDrafts(s => s.AddVersionAsync("small", "no spaces please", Version("v1", null, OlderText), "drafter")));
    }

    [Fact]
    public async Task ListDrafts_TwoDraftsInTwoNegotiations_ListsOnlyThisNegotiationsByKey()
    {
        await ImportAsync(Samples.Small());
        await ImportAsync(Samples.Small("other"));
        await WithDrafts(s => s.AddVersionAsync("small", "zeta", Version("v1", null, OlderText), "drafter"));
        await WithDrafts(s => s.AddVersionAsync("small", "alpha", Version("v1", null, OlderText), "drafter"));
        await WithDrafts(s => s.AddVersionAsync("small", "alpha", Version("v2", null, NewerText), "drafter"));
        await WithDrafts(s => s.AddVersionAsync("other", "beta", Version("v1", null, OlderText), "drafter"));

        var drafts = await WithDrafts(s => s.ListAsync("small"));

        Assert.Equal(["alpha", "zeta"], drafts.Select(d => d.Draft));
        Assert.Equal(["v1", "v2"], drafts[0].Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task DeleteNegotiation_WithDrafts_DeletesTheDraftsToo()
    {
        await ImportAsync(Samples.Small());
        await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v1", null, OlderText), "drafter"));

        Assert.True(await WithStore(s => s.DeleteAsync("small", "admin")));

        Assert.Null(await WithDrafts(s => s.LoadAsync("small", "framework")));
        await ImportAsync(Samples.Small());
        Assert.Empty(await WithDrafts(s => s.ListAsync("small")));
    }
}
