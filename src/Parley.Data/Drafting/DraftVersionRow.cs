using Parley.Core.Drafting;

namespace Parley.Data.Drafting;

/// <summary>
/// One version of a draft stored in a negotiation: the source text as uploaded (Markdown or plain text; a .docx is stored
/// as the Markdown it imports to) with its label, date and author. Keyed by (negotiation, draft, version); deleting the
/// negotiation deletes its drafts.
/// </summary>
public sealed class DraftVersionRow
{
    /// <summary>The negotiation the draft belongs to.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The draft's key within the negotiation (<c>berlin-framework</c>).</summary>
    public required string Draft { get; set; }

    /// <summary>The version's label as written (<c>15 Dec</c>); unique per draft, ignoring case.</summary>
    public required string Version { get; set; }

    /// <summary>Zero-based place in the draft's history, oldest first.</summary>
    public int Ordinal { get; set; }

    /// <summary>The date the version was tabled (valid time), if known.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Who tabled it, if known.</summary>
    public string? Author { get; set; }

    /// <summary>How the text is read.</summary>
    public DraftFormat Format { get; set; }

    /// <summary>The source text.</summary>
    public required string Text { get; set; }
}
