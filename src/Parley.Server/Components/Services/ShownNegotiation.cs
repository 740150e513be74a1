using Parley.Core.Access;

namespace Parley.Server.Components.Services;

/// <summary>The negotiation a page shows and who the user is in it: the header's "who you are".</summary>
/// <param name="Id">The negotiation's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Viewer">The signed-in member's role and party there.</param>
/// <param name="PartyName">The display name of the viewer's party, or null.</param>
public sealed record ShownMembership(string Id, string Title, Viewer Viewer, string? PartyName);

/// <summary>
/// Which negotiation the page on screen shows, per circuit (a scoped service): the negotiation pages set it after
/// each load and clear it when they go, and the layout's header reads it, so the header names the user's role in the
/// negotiation on screen without loading it a second time.
/// </summary>
public sealed class ShownNegotiation
{
    /// <summary>The membership on screen, or null on a page about no single negotiation.</summary>
    public ShownMembership? Current { get; private set; }

    /// <summary>Raised when <see cref="Current"/> changes.</summary>
    public event Action? Changed;

    /// <summary>Sets what is on screen.</summary>
    public void Show(ShownMembership? shown)
    {
        if (Equals(shown, Current)) return;
        Current = shown;
        Changed?.Invoke();
    }

    /// <summary>Clears <paramref name="shown"/> when it is still what is on screen (a page going away; the next may have set its own already).</summary>
    public void Leave(ShownMembership? shown)
    {
        if (shown is not null && ReferenceEquals(shown, Current)) Show(null);
    }
}
