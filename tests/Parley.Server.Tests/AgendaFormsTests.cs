using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Guarantees;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;
using Parley.Core.Talks;
using Parley.Server.Components.Services;

namespace Parley.Server.Tests;

/// <summary>
/// The agenda forms' path (the drafts' model values through <see cref="TalksWorkspace.ChangeAsync"/>), on SQLite with the
/// Berlin demo and the clock at 16 Dec 2025 09:00 UTC: the role's permission and the negotiation's rules decide, as on the API.
/// </summary>
public sealed class AgendaFormsTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;
    private TalksWorkspace _workspace = null!;
    private static readonly Viewer Mediator = new(ParleyFactory.DefaultUser, MemberRole.Mediator);

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await _database.CreateAsync());
        _workspace = _factory.Services.GetRequiredService<TalksWorkspace>();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    private async Task<Negotiation> LoadAsync() => (await _workspace.LoadAsync(ParleyFactory.Demo, Mediator))!;

    private AgreementDraft PlantAgreed()
    {
        var draft = new AgreementDraft { Issue = "nuclear-plant", Option = "us-led-trilateral", Day = new DateOnly(2025, 12, 16) };
        draft.Parties.UnionWith(["ua", "ru", "us"]);
        return draft;
    }

    [Fact]
    public async Task Agreement_ByADelegation_IsRefusedByTheServerAndNothingIsStored()
    {
        var ukraine = new Viewer("kyiv", MemberRole.Delegation, "ua");
        await _factory.EnsureUserAsync("kyiv", administrator: false, (ParleyFactory.Demo, MemberRole.Delegation, "ua"));
        var before = (await LoadAsync()).Agreements.Count;
        var negotiation = (await _workspace.LoadAsync(ParleyFactory.Demo, ukraine))!;

        var outcome = await _workspace.ChangeAsync(ParleyFactory.Demo, ukraine, async (commands, viewer) =>
        {
            var agreement = PlantAgreed().ToModel(negotiation, _factory.Clock.GetUtcNow());
            return TalksWorkspace.Stored(await commands.RecordAgreementAsync(ParleyFactory.Demo, viewer, agreement), agreement.Visibility);
        });

        Assert.False(outcome.Succeeded);
        Assert.Equal("form", AgendaDraft.FieldOf(outcome.Field, AgreementDraft.Fields));
        Assert.Contains("may not change the agenda", outcome.Message);
        Assert.Equal(before, (await LoadAsync()).Agreements.Count);
    }

    [Fact]
    public async Task Agreement_ByTheMediator_IsStoredAndTheIssueIsAgreed()
    {
        var negotiation = await LoadAsync();
        var outcome = await _workspace.ChangeAsync(ParleyFactory.Demo, Mediator, async (commands, viewer) =>
        {
            var agreement = PlantAgreed().ToModel(negotiation, _factory.Clock.GetUtcNow());
            return TalksWorkspace.Stored(await commands.RecordAgreementAsync(ParleyFactory.Demo, viewer, agreement), agreement.Visibility);
        });

        Assert.True(outcome.Succeeded, outcome.Message);
        var report = TalksStatus.Compute(await LoadAsync(), _factory.Clock.GetUtcNow());
        Assert.Equal(IssueStatus.Agreed, report.Issues.Single(i => i.Issue == "nuclear-plant").Status);
    }

    [Fact]
    public async Task Contingency_RejectionByANonAddressee_IsTheNegotiationsRefusalOnTheTriggerField()
    {
        var negotiation = await LoadAsync();
        var draft = new ContingencyDraft { Owner = "ua", Proposal = "christmas-truce", By = "us" }; // the truce is addressed to Russia and Ukraine
        draft.Actions[0].Party = "de";
        draft.Actions[0].Text = "Host another round";
        Assert.False(draft.Check().Any);

        var outcome = await _workspace.ChangeAsync(ParleyFactory.Demo, Mediator, async (commands, viewer) =>
        {
            var contingency = draft.ToModel(negotiation);
            return TalksWorkspace.Stored(await commands.AddContingencyAsync(ParleyFactory.Demo, viewer, contingency), contingency.Visibility);
        });

        Assert.Equal("trigger", AgendaDraft.FieldOf(outcome.Field, ContingencyDraft.Fields));
        Assert.Contains("not an addressee", outcome.Message);
        Assert.DoesNotContain((await LoadAsync()).Contingencies, c => c.Trigger.Proposal == "christmas-truce");
    }

    [Fact]
    public void Drafts_EmptyForms_NameEveryMissingField()
    {
        var now = new DateTimeOffset(2025, 12, 16, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(["issue", "parties", "date"], new AgreementDraft().Check(now).All.Select(e => e.Key));
        Assert.Equal(["title", "start", "attendees"], new RoundDraft().Check().All.Select(e => e.Key));
        Assert.Equal(["name", "members"], new WorkingGroupDraft().Check().All.Select(e => e.Key));
        Assert.Equal(["owner", "trigger", "actions"], new ContingencyDraft().Check().All.Select(e => e.Key));
        Assert.Equal(["name"], new PartyDraft().Check().All.Select(e => e.Key));
        Assert.Equal(["title", "weight", "options"], new IssueDraft { Weight = "heavy" }.Check().All.Select(e => e.Key));
        var tomorrow = new AgreementDraft { Issue = "nato", Option = "forgo-membership", Day = new DateOnly(2025, 12, 17) };
        tomorrow.Parties.Add("ua");
        Assert.Contains("once made", tomorrow.Check(now)["date"]);
    }

    [Fact]
    public async Task Commitment_FromAProvision_OnlyAgreedTextByTheMediator_KeepsItsText()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var stored = (await drafts.ListAsync(ParleyFactory.Demo))[0];
        var version = (await drafts.LoadVersionAsync(ParleyFactory.Demo, stored.Draft, stored.Versions[^1].Version))!;
        var doc = version.Document;
        var agreed = Enumerable.Range(0, doc.Provisions.Count).First(k => ProvisionSource.IsAgreed(doc, k));
        var bracketed = doc.Brackets[0].Provision;
        var commands = scope.ServiceProvider.GetRequiredService<GuaranteeCommands>();
        Commitment Make(ProvisionSource source) => new Prohibition("grid", "No strikes on the grid", ["ru", "ua"], [new ConductRule("strikes", ["Battles"])]) { Source = source };

        var ukraine = new Viewer("kyiv", MemberRole.Delegation, "ua");
        await Assert.ThrowsAsync<AccessDeniedException>(() => commands.AddFromProvisionAsync(ParleyFactory.Demo, ukraine, stored.Draft, version.Label, agreed, Make));
        var open = await Assert.ThrowsAsync<ArgumentException>(() => commands.AddFromProvisionAsync(ParleyFactory.Demo, Mediator, stored.Draft, version.Label, bracketed, Make));
        Assert.Contains("bracketed", open.Message);

        await commands.AddFromProvisionAsync(ParleyFactory.Demo, Mediator, stored.Draft, version.Label, agreed, Make);
        var (commitments, _) = await scope.ServiceProvider.GetRequiredService<GuaranteesStore>().CommitmentsAsync(ParleyFactory.Demo);
        var made = Assert.Single(commitments, c => c.Id == "grid");
        Assert.Equal((stored.Draft, version.Label, agreed), (made.Source!.Draft, made.Source.Version, made.Source.Provision));
        Assert.Equal(doc.Text[doc.Provisions[agreed].Start..doc.Provisions[agreed].End].Trim(), made.Source.Text);
        Assert.Equal(commitments.Count - 1, commitments.ToList().IndexOf(made)); // after the others
        var again = await Assert.ThrowsAsync<RuleRefusal>(() => commands.AddFromProvisionAsync(ParleyFactory.Demo, Mediator, stored.Draft, version.Label, agreed, Make));
        Assert.Equal(RefusalKind.Conflict, again.Kind);
        Assert.Contains("taken", again.Message);
        var gone = await Assert.ThrowsAsync<RuleRefusal>(() => commands.AddFromProvisionAsync(ParleyFactory.Demo, Mediator, stored.Draft, "no such version", agreed, Make));
        Assert.Equal(RefusalKind.NotFound, gone.Kind);
    }
}
