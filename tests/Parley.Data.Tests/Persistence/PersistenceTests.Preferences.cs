using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data.Rows;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

/// <summary>Preference profiles: written on import, loaded with the negotiation, changed with history, private by default.</summary>
public abstract partial class PersistenceTests
{
    private static PartyPreferences UaProfile(double reservation = 0.4) => new("ua",
        [new IssuePreference("territory", 0.75, [new("freeze", 1), new("withdraw", 0.125)])],
        reservation,
        redLines: [new OptionKey("territory", "withdraw")],
        note: "Illustrative.");

    private static PartyPreferences RuProfile() => new("ru",
        [new IssuePreference("territory", 2, [new("withdraw", 1)])],
        constraints: [],
        interactions: [],
        visibility: Visibility.MediatorOnly);

    private static PartyPreferences RichProfile() => new("ua",
        [new IssuePreference("territory", 0.5, [new("freeze", 1)]), new IssuePreference("guarantees", 0.5, [new("art5", 1), new("none", 0.25)])],
        0.3,
        [new OptionKey("guarantees", "none")],
        [new PreferenceConstraint(ConstraintKind.Requires, new("territory", "freeze"), new("guarantees", "art5")),
         new PreferenceConstraint(ConstraintKind.Excludes, new("znpp", "joint"), new("guarantees", "none"))],
        [new PreferenceInteraction(new("territory", "freeze"), new("guarantees", "art5"), -0.0625)]);

    private static void SameProfile(PartyPreferences expected, PartyPreferences actual)
    {
        Assert.Equal((expected.Party, expected.Reservation, expected.Note, expected.Visibility), (actual.Party, actual.Reservation, actual.Note, actual.Visibility));
        Assert.Equal(expected.Issues.Select(i => (i.Issue, i.Weight, string.Join(",", i.Values))), actual.Issues.Select(i => (i.Issue, i.Weight, string.Join(",", i.Values))));
        Assert.Equal(expected.RedLines.ToArray(), actual.RedLines.ToArray());
        Assert.Equal(expected.Constraints.ToArray(), actual.Constraints.ToArray());
        Assert.Equal(expected.Interactions.ToArray(), actual.Interactions.ToArray());
    }

    [Fact]
    public async Task Preferences_Import_LoadedWithTheNegotiationInOrder()
    {
        await WithStore(s => s.ImportAsync(Samples.Rich(), [RichProfile(), RuProfile()], "importer", replace: false));

        var loaded = await WithStore(s => s.LoadWithPreferencesAsync("rich"));

        Assert.NotNull(loaded);
        Assert.Equal(["ua", "ru"], loaded.Value.Preferences.Select(p => p.Party));
        SameProfile(RichProfile(), loaded.Value.Preferences[0]);
        SameProfile(RuProfile(), loaded.Value.Preferences[1]);
        Assert.Equal("rich", loaded.Value.Negotiation.Id);
    }

    [Fact]
    public async Task Preferences_Import_OneHistoryEntryPerProfileAndTheChainHolds()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile(), RuProfile()], "importer", replace: false));

        var history = await HistoryAsync("small");

        Assert.Equal(["negotiation.imported", "preferences.set", "preferences.set"], history.Select(h => h.Action));
        Assert.Equal(["small", "ua", "ru"], history.Select(h => h.ItemId));
        Assert.Contains("\"reservation\":0.4", history[1].Change);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Preferences_ProfileNamingUnknownOption_ImportRefusedNothingWritten()
    {
        var bad = new PartyPreferences("ua", [new IssuePreference("territory", 1, [new("cede", 1)])]);

        var e = await Assert.ThrowsAsync<RuleRefusal>(() => WithStore(s => s.ImportAsync(Samples.Small(), [bad], "importer", replace: false)));

        Assert.Equal("issues.territory.values.cede", e.Field);
        Assert.Null(await LoadAsync("small"));
        Assert.Equal(0, await HistoryCountAsync());
    }

    [Fact]
    public async Task Preferences_Set_ReplacesKeepsOrderAndAppendsHistory()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile(), RuProfile()], "importer", replace: false));
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await WithStore(s => s.SetPreferencesAsync("small", UaProfile(reservation: 0.55), "analyst")));
        var us = new PartyPreferences("us", [new IssuePreference("territory", 1, [new("freeze", 0.5)])]);
        Assert.True(await WithStore(s => s.SetPreferencesAsync("small", us, "analyst")));

        var loaded = (await WithStore(s => s.LoadWithPreferencesAsync("small")))!.Value.Preferences;
        Assert.Equal(["ua", "ru", "us"], loaded.Select(p => p.Party));
        Assert.Equal(0.55, loaded[0].Reservation);
        var history = await HistoryAsync("small");
        Assert.Equal(("preferences.set", "analyst", "ua"), (history[^2].Action, history[^2].Actor, history[^2].ItemId));
        Assert.Equal(Clock.GetUtcNow(), history[^1].RecordedAt);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Preferences_SetUnknownParty_RefusedNothingWritten()
    {
        await ImportAsync(Samples.Small());
        var before = await HistoryCountAsync();
        var stranger = new PartyPreferences("cn", [new IssuePreference("territory", 1, [new("freeze", 1)])]);

        var e = await Assert.ThrowsAsync<RuleRefusal>(() => WithStore(s => s.SetPreferencesAsync("small", stranger, "analyst")));

        Assert.Equal("party", e.Field);
        Assert.Equal(before, await HistoryCountAsync());
        Assert.Empty((await WithStore(s => s.LoadWithPreferencesAsync("small")))!.Value.Preferences);
    }

    [Fact]
    public async Task Preferences_SetOnMissingNegotiation_False() =>
        Assert.False(await WithStore(s => s.SetPreferencesAsync("nothing", UaProfile(), "analyst")));

    [Fact]
    public async Task Preferences_Remove_GoneWithHistory()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile(), RuProfile()], "importer", replace: false));

        Assert.True(await WithStore(s => s.RemovePreferencesAsync("small", "ua", "analyst")));
        Assert.False(await WithStore(s => s.RemovePreferencesAsync("small", "ua", "analyst")));

        Assert.Equal(["ru"], (await WithStore(s => s.LoadWithPreferencesAsync("small")))!.Value.Preferences.Select(p => p.Party));
        Assert.Equal("preferences.removed", (await HistoryAsync("small"))[^1].Action);
    }

    [Fact]
    public async Task Preferences_ReplaceAndDelete_ProfilesFollowTheNegotiation()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile(), RuProfile()], "importer", replace: false));

        await WithStore(s => s.ImportAsync(Samples.Small(), [RuProfile()], "importer", replace: true));
        Assert.Equal(["ru"], (await WithStore(s => s.LoadWithPreferencesAsync("small")))!.Value.Preferences.Select(p => p.Party));

        await WithStore(s => s.DeleteAsync("small", "importer"));
        await using var db = Open();
        Assert.Equal(0, await db.Set<PreferenceProfileRow>().CountAsync());
    }

    [Fact]
    public async Task Preferences_StoredPrivateToTheParty()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile()], "importer", replace: false));

        await using var db = Open();
        var row = await db.Set<PreferenceProfileRow>().SingleAsync();
        Assert.Equal((VisibilityScope.Party, "ua"), (row.VisibilityScope, row.VisibilityParty));
    }

    [Fact]
    public async Task Preferences_DamagedRow_ClearErrorOnLoad()
    {
        await WithStore(s => s.ImportAsync(Samples.Small(), [UaProfile()], "importer", replace: false));
        // Braces doubled: raw SQL goes through string.Format.
        await ExecuteSqlAsync("UPDATE preference_profiles SET issues_json = '[{{\"issue\":\"nowhere\",\"weight\":1,\"values\":[{{\"option\":\"x\",\"value\":1}}]}}]'");

        var e = await Assert.ThrowsAsync<ParleyDatabaseException>(() => WithStore(s => s.LoadWithPreferencesAsync("small")));

        Assert.Contains("unknown issue 'nowhere'", e.Message);
    }
}
