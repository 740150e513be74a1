using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Drafting;
using Parley.Core.Formats.Scenario;
using Parley.Data.Drafting;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

// A scenario's drafts travel with it: import stores every version in the import's transaction, replace replaces them,
// export reads them back exactly.
public abstract partial class PersistenceTests
{
    private static ScenarioDraft[] TwoDrafts() =>
    [
        new("framework", new DraftHistory([
            Version("14 Dec", new(2025, 12, 14), OlderText, "us"),
            Version("rev.2", new(2025, 12, 15), NewerText, null, DraftFormat.PlainText)])),
        new("annex", new DraftHistory([Version("v1", null, "Annex\twith a tab and trailing spaces  \r\n")])),
    ];

    private Task<ImportOutcome> ImportWithDrafts(IReadOnlyList<ScenarioDraft> drafts, bool replace = false) =>
        WithStore(s => s.ImportAsync(Samples.Small(), [], ScenarioGuarantees.Empty, drafts, "importer", replace));

    private static IEnumerable<(string, string, DateOnly?, string?, DraftFormat, string)> Flat(IEnumerable<ScenarioDraft> drafts) =>
        drafts.SelectMany(d => d.History.Versions.Select(v => (d.Key, v.Label, v.Date, v.Author, v.Document.Format, v.Document.Text)));

    [Fact]
    public async Task ImportScenario_WithDrafts_StoresEveryVersion_AndExportReadsThemBackExactly()
    {
        Assert.Equal(ImportOutcome.Created, await ImportWithDrafts(TwoDrafts()));

        var back = await WithDrafts(s => s.ScenarioAsync("small"));

        Assert.Equal(["annex", "framework"], back.Select(d => d.Key));
        Assert.Equal(Flat(TwoDrafts()).OrderBy(f => f.Item1, StringComparer.Ordinal), Flat(back));
        Assert.Equal(["negotiation.imported", "draft.version-added", "draft.version-added", "draft.version-added"],
            (await HistoryAsync("small")).Select(h => h.Action));
        Assert.Equal(["framework/14 Dec", "framework/rev.2", "annex/v1"], (await HistoryAsync("small")).Skip(1).Select(h => h.ItemId));
        Assert.True((await VerifyAsync()).Ok);
        // A stored version takes the next one as if it had been added by hand.
        Assert.True(await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("rev.3", new(2025, 12, 16), NewerText), "drafter")));
        Assert.Equal([0, 1, 2], (await WithDrafts(s => s.VersionsAsync("small", "framework"))).Select(v => v.Ordinal));
    }

    [Fact]
    public async Task ImportScenario_ExportImportExport_GivesTheSameFile()
    {
        await ImportWithDrafts(TwoDrafts());
        var negotiation = await LoadAsync("small");
        var first = ScenarioWriter.Write(negotiation!, drafts: await WithDrafts(s => s.ScenarioAsync("small")));

        var read = ScenarioReader.Read(first, "small.yaml");
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        await WithStore(s => s.ImportAsync(read.Negotiation!, read.Preferences, read.Guarantees, read.Drafts, "importer", replace: true));
        var second = ScenarioWriter.Write((await LoadAsync("small"))!, drafts: await WithDrafts(s => s.ScenarioAsync("small")));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ImportScenario_Replace_ReplacesTheStoredDraftsWithTheFiles()
    {
        await ImportWithDrafts(TwoDrafts());
        await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("rev.3", null, NewerText), "drafter"));
        var only = new ScenarioDraft("memo", new DraftHistory([Version("v1", null, "Memo.\n")]));

        Assert.Equal(ImportOutcome.Replaced, await ImportWithDrafts([only], replace: true));

        Assert.Equal(["memo"], (await WithDrafts(s => s.ListAsync("small"))).Select(d => d.Draft));
        Assert.Null(await WithDrafts(s => s.LoadAsync("small", "framework")));
        Assert.Equal(ImportOutcome.Replaced, await ImportWithDrafts([], replace: true));
        Assert.Empty(await WithDrafts(s => s.ListAsync("small")));
    }

    [Fact]
    public async Task ImportScenario_DraftKeyTwice_StoresNothing_AndAReplaceKeepsWhatWasStored()
    {
        var twice = new[] { TwoDrafts()[0], TwoDrafts()[0] };

        await Assert.ThrowsAsync<ArgumentException>(() => ImportWithDrafts(twice));
        Assert.Null(await LoadAsync("small"));
        Assert.Equal(0, await HistoryCountAsync());

        await ImportWithDrafts(TwoDrafts());
        var before = await HistoryCountAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => ImportWithDrafts(twice, replace: true));
        Assert.Equal(Flat(TwoDrafts()).OrderBy(f => f.Item1, StringComparer.Ordinal), Flat(await WithDrafts(s => s.ScenarioAsync("small"))));
        Assert.Equal(before, await HistoryCountAsync());
        await using var db = Open();
        Assert.Equal(3, await db.Set<DraftVersionRow>().CountAsync());
    }

    [Theory]
    [InlineData("# Plant <!-- issue: plant -->\n\nText.\n", "1:9: unknown issue 'plant'")]
    [InlineData("# Territory <!-- issue: territory -->\n\nThe line [#freeze UA: a][#cede RU: b].\n", "3:25: unknown option 'cede' of issue 'territory' (options: freeze, withdraw)")]
    public async Task AddDraftVersion_LinkTheNegotiationCannotResolve_IsRefusedOnTextAndWritesNothing(string text, string message)
    {
        await ImportAsync(Samples.Small());
        var before = await HistoryCountAsync();

        var refused = await Assert.ThrowsAsync<RuleRefusal>(() =>
            WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v1", null, text), "drafter")));

        Assert.Equal("text", refused.Field);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await HistoryCountAsync());
        Assert.Empty(await WithDrafts(s => s.ListAsync("small")));
        // An option in a provision tagged with no issue links to nothing and is stored.
        Assert.True(await WithDrafts(s => s.AddVersionAsync("small", "framework", Version("v1", null, "Text [#any UA: a][#other RU: b].\n"), "drafter")));
    }
}
