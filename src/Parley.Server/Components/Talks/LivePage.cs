using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Server.Components.Services;
using Parley.Server.Live;

namespace Parley.Server.Components.Talks;

/// <summary>
/// Base of the pages that show one negotiation as of a date (<c>?asOf=2025-12-15</c>; none means now), as the signed-in
/// member sees it: resolves the <see cref="Viewer"/> (not a member: the negotiation does not exist for this user, and
/// the page says "not found"), loads the negotiation scoped to the viewer, computes the <see cref="TalksView"/>, and
/// reloads whenever <see cref="NegotiationChanges"/> reports a change the viewer may see — a change made by another
/// user appears without a reload. While showing "now", the view is recomputed every minute on the injected clock so
/// that countdowns run.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private string? _subscribedTo;
    private ITimer? _tick;
    private ShownMembership? _shown;

    /// <summary>The services.</summary>
    [Inject] protected TalksWorkspace Workspace { get; set; } = null!;

    /// <summary>Change notifications.</summary>
    [Inject] protected NegotiationChanges Changes { get; set; } = null!;

    /// <summary>Navigation.</summary>
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>What the header shows.</summary>
    [Inject] protected ShownNegotiation Shown { get; set; } = null!;

    /// <summary>The signed-in user.</summary>
    [CascadingParameter] protected Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The as-of date from the query string, as typed.</summary>
    [SupplyParameterFromQuery(Name = "asOf")] public string? AsOfText { get; set; }

    /// <summary>The signed-in member's role and party in the negotiation shown (null: not a member, or none found).</summary>
    protected Viewer? Viewer { get; private set; }

    /// <summary>The negotiation shown, scoped to <see cref="Viewer"/> (null: none found yet).</summary>
    protected Negotiation? Negotiation { get; private set; }

    /// <summary>The negotiation as of the date.</summary>
    protected TalksView? View { get; private set; }

    /// <summary>Why the as-of date was not understood, if it was not.</summary>
    protected string? AsOfError { get; private set; }

    /// <summary>True once the first load finished.</summary>
    protected bool Loaded { get; private set; }

    /// <summary>The id of the negotiation to show, or null for the first one the user is a member of.</summary>
    protected abstract string? NegotiationId { get; }

    /// <summary>The query string to keep on links to other pages (<c>?asOf=…</c> or empty).</summary>
    protected string AsOfQuery => View is { IsNow: false } v ? "?asOf=" + Format.IsoDate(v.AsOf) : "";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (!RendererInfo.IsInteractive || Negotiation is null) return;
        if (_subscribedTo != Negotiation.Id)
        {
            _subscription?.Dispose();
            _subscribedTo = Negotiation.Id;
            // The viewer is read at each change: a reload that finds the membership gone stops the deliveries.
            _subscription = Changes.Subscribe(Negotiation.Id, () => Viewer, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }
        _tick ??= Workspace.Clock.CreateTimer(_ => _ = InvokeAsync(Tick), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private void Tick()
    {
        if (Negotiation is null || Viewer is null || View is not { IsNow: true }) return;
        View = new TalksView(Negotiation, Viewer, Workspace.Now, isNow: true);
        StateHasChanged();
    }

    /// <summary>Resolves the viewer, reloads the negotiation as the viewer sees it, and recomputes the view.</summary>
    protected async Task LoadAsync()
    {
        var user = Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;
        (string Id, Viewer Viewer)? member = NegotiationId is { } id
            ? await Workspace.ViewerAsync(user, id) is { } v ? (id, v) : null
            : await Workspace.FirstAsync(user);
        Viewer = member?.Viewer;
        Negotiation = member is var (shownId, viewer) ? await Workspace.LoadAsync(shownId, viewer) : null;
        AsOfError = null;
        var asOf = Workspace.Now;
        var isNow = true;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            if (AsOf.TryParse(AsOfText, out var at, out var error)) (asOf, isNow) = (at, false);
            else AsOfError = error;
        }
        View = Negotiation is null || Viewer is null ? null : new TalksView(Negotiation, Viewer, asOf, isNow);
        var membership = View is { } shown
            ? new ShownMembership(shown.Negotiation.Id, shown.Negotiation.Title, shown.Viewer,
                shown.Viewer.Party is { } party ? shown.PartyName(party) : null)
            : null;
        Shown.Show(membership);
        _shown = Shown.Current;
        Loaded = true;
        await OnViewLoadedAsync();
    }

    /// <summary>Called after every (re)load, before rendering.</summary>
    protected virtual Task OnViewLoadedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
        Shown.Leave(_shown);
        GC.SuppressFinalize(this);
    }
}
