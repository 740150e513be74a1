using Parley.Core.Drafting;

namespace Parley.Core.Guarantees;

/// <summary>
/// The provision of a draft a commitment was made from: the draft's key, the version, the provision's position in it
/// (<see cref="DraftDocument.Provisions"/>, 0-based) and its text as it stood then, kept so that the commitment still
/// cites its words when later versions change or the draft is replaced.
/// </summary>
public sealed record ProvisionSource
{
    /// <summary>Creates the link.</summary>
    /// <exception cref="ArgumentException">A blank draft, version or text, or a negative index.</exception>
    public ProvisionSource(string draft, string version, int provision, string text)
    {
        if (string.IsNullOrWhiteSpace(draft)) throw new ArgumentException("A provision's source names its draft.", nameof(draft));
        if (string.IsNullOrWhiteSpace(version)) throw new ArgumentException("A provision's source names the draft's version.", nameof(version));
        ArgumentOutOfRangeException.ThrowIfNegative(provision);
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A provision's source keeps its text.", nameof(text));
        Draft = draft.Trim();
        Version = version.Trim();
        Provision = provision;
        Text = text.Trim();
    }

    /// <summary>The draft's key.</summary>
    public string Draft { get; }

    /// <summary>The version's label.</summary>
    public string Version { get; }

    /// <summary>The provision's position in the version (0-based).</summary>
    public int Provision { get; }

    /// <summary>The provision's text in that version.</summary>
    public string Text { get; }

    /// <summary>True when provision <paramref name="index"/> of <paramref name="document"/> is agreed text: a paragraph with no bracket in it.</summary>
    public static bool IsAgreed(DraftDocument document, int index) =>
        index >= 0 && index < document.Provisions.Count && document.Provisions[index].Kind == ProvisionKind.Paragraph
        && !document.Brackets.Any(b => b.Provision == index);

    /// <summary>
    /// The link to provision <paramref name="index"/> of <paramref name="document"/>, which must be agreed text: a paragraph
    /// with no bracket in it (a bracket is text still under negotiation, and nobody is bound by it yet).
    /// </summary>
    /// <exception cref="ArgumentException">No such provision, a heading, or a provision holding a bracket.</exception>
    public static ProvisionSource Agreed(string draft, string version, DraftDocument document, int index)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (index < 0 || index >= document.Provisions.Count)
            throw new ArgumentException($"Version '{version}' of draft '{draft}' has no provision {index + 1}.", "provision");
        var provision = document.Provisions[index];
        if (provision.Kind != ProvisionKind.Paragraph)
            throw new ArgumentException($"Provision {index + 1} is a heading; a commitment is made from a paragraph.", "provision");
        if (document.Brackets.Any(b => b.Provision == index))
            throw new ArgumentException($"Provision {index + 1} still holds bracketed text; a commitment is made from agreed text only.", "provision");
        return new ProvisionSource(draft, version, index, document.Text[provision.Start..provision.End]);
    }
}
