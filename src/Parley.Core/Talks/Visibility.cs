namespace Parley.Core.Talks;

/// <summary>Who may see an item: everyone at the table, one party (and the mediator), or the mediator alone.</summary>
public enum VisibilityScope
{
    /// <summary>Every party at the table sees it.</summary>
    Shared,

    /// <summary>Only the owning party's delegation and the mediator see it.</summary>
    Party,

    /// <summary>Only the mediator sees it.</summary>
    Mediator,
}

/// <summary>
/// The visibility of one item. <see cref="Party"/> is set exactly when <see cref="Scope"/> is
/// <see cref="VisibilityScope.Party"/>. Enforcement (who is served what) lives in the server; the core only
/// carries the label so that nothing private is ever stored without one.
/// </summary>
public readonly record struct Visibility
{
    /// <summary>Creates a visibility; a party scope needs the party id, the others must not name one.</summary>
    /// <exception cref="ArgumentException">The party is missing for <see cref="VisibilityScope.Party"/> or given for another scope.</exception>
    public Visibility(VisibilityScope scope, string? party = null)
    {
        if (scope == VisibilityScope.Party && string.IsNullOrWhiteSpace(party))
            throw new ArgumentException("A party-private item must name its party.", nameof(party));
        if (scope != VisibilityScope.Party && party is not null)
            throw new ArgumentException($"A {scope} item names no party.", nameof(party));
        Scope = scope;
        Party = party;
    }

    /// <summary>The scope.</summary>
    public VisibilityScope Scope { get; }

    /// <summary>The owning party when private to a party; otherwise null.</summary>
    public string? Party { get; }

    /// <summary>Visible to everyone at the table.</summary>
    public static Visibility Shared => new(VisibilityScope.Shared);

    /// <summary>Visible to the mediator only.</summary>
    public static Visibility MediatorOnly => new(VisibilityScope.Mediator);

    /// <summary>Visible to <paramref name="party"/> and the mediator.</summary>
    public static Visibility PrivateTo(string party) => new(VisibilityScope.Party, party);

    /// <summary>
    /// True when everyone who may see an item labelled <paramref name="other"/> may also see one labelled with this
    /// visibility: shared covers everything; a party's covers its own party's and the mediator's; the mediator's covers
    /// only the mediator's.
    /// </summary>
    public bool Covers(Visibility other) => Scope switch
    {
        VisibilityScope.Shared => true,
        VisibilityScope.Party => other.Scope == VisibilityScope.Mediator || (other.Scope == VisibilityScope.Party && other.Party == Party),
        _ => other.Scope == VisibilityScope.Mediator,
    };

    /// <summary>Reads <c>shared</c>, <c>mediator</c> or <c>party:ID</c> (the form <see cref="ToString"/> writes).</summary>
    public static bool TryParse(string? text, out Visibility visibility)
    {
        visibility = Shared;
        switch (text?.Trim())
        {
            case null or "" or "shared": return true;
            case "mediator": visibility = MediatorOnly; return true;
            case { } t when t.StartsWith("party:", StringComparison.Ordinal) && Key.IsValid(t[6..]):
                visibility = PrivateTo(t[6..]);
                return true;
            default: return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Scope == VisibilityScope.Party ? $"party:{Party}" : Scope.ToString().ToLowerInvariant();
}
