using Parley.Core.Talks;

namespace Parley.Data.Rows;

/// <summary>
/// What every item row has: its key within the negotiation, its place in the aggregate's list (so a load
/// rebuilds the lists in the order they were added) and its visibility.
/// </summary>
public abstract class ItemRow
{
    /// <summary>The negotiation the item belongs to.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The item's key, unique within its kind and negotiation.</summary>
    public required string Id { get; set; }

    /// <summary>Zero-based index in the aggregate's list of this kind.</summary>
    public int Ordinal { get; set; }

    /// <summary>Who may see the item.</summary>
    public VisibilityScope VisibilityScope { get; set; }

    /// <summary>The owning party when <see cref="VisibilityScope"/> is <see cref="VisibilityScope.Party"/>.</summary>
    public string? VisibilityParty { get; set; }

    /// <summary>The stored visibility as the model's value.</summary>
    public Visibility ToVisibility() => new(VisibilityScope, VisibilityScope == VisibilityScope.Party ? VisibilityParty : null);
}
