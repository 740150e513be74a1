using Microsoft.AspNetCore.Components;
using Parley.Core.Talks;
using Parley.Server.Components.Services;
using Parley.Server.Live;

namespace Parley.Server.Components.Talks;

/// <summary>
/// Base of the pages that show one negotiation as of a date (<c>?asOf=2025-12-15</c>; none means now): loads it,
/// computes the <see cref="TalksView"/>, and reloads whenever <see cref="NegotiationChanges"/> reports a change
/// to it — a change made by another user appears without a reload. While showing "now", the view is recomputed
/// every minute on the injected clock so that countdowns run.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private string? _subscribedTo;
    private ITimer? _tick;

    /// <summary>The services.</summary>
    [Inject] protected TalksWorkspace Workspace { get; set; } = null!;

    /// <summary>Change notifications.</summary>
    [Inject] protected NegotiationChanges Changes { get; set; } = null!;

    /// <summary>Navigation.</summary>
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>The as-of date from the query string, as typed.</summary>
    [SupplyParameterFromQuery(Name = "asOf")] public string? AsOfText { get; set; }

    /// <summary>The negotiation shown (null: none found yet).</summary>
    protected Negotiation? Negotiation { get; private set; }

    /// <summary>The negotiation as of the date.</summary>
    protected TalksView? View { get; private set; }

    /// <summary>Why the as-of date was not understood, if it was not.</summary>
    protected string? AsOfError { get; private set; }

    /// <summary>True once the first load finished.</summary>
    protected bool Loaded { get; private set; }

    /// <summary>The id of the negotiation to show, or null for the first stored one.</summary>
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
            _subscription = Changes.Subscribe(Negotiation.Id, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }
        _tick ??= Workspace.Clock.CreateTimer(_ => _ = InvokeAsync(Tick), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    private void Tick()
    {
        if (Negotiation is null || View is not { IsNow: true }) return;
        View = new TalksView(Negotiation, Workspace.Now, isNow: true);
        StateHasChanged();
    }

    /// <summary>Reloads the negotiation and recomputes the view.</summary>
    protected async Task LoadAsync()
    {
        var id = NegotiationId ?? (await Workspace.ListAsync()).FirstOrDefault()?.Id;
        Negotiation = id is null ? null : await Workspace.LoadAsync(id);
        AsOfError = null;
        var asOf = Workspace.Now;
        var isNow = true;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            if (AsOf.TryParse(AsOfText, out var at, out var error)) (asOf, isNow) = (at, false);
            else AsOfError = error;
        }
        View = Negotiation is null ? null : new TalksView(Negotiation, asOf, isNow);
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
        GC.SuppressFinalize(this);
    }
}
