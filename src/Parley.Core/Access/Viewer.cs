using Parley.Core.Talks;

namespace Parley.Core.Access;

/// <summary>
/// Who is looking at one negotiation: a member with a role and, for a delegation (and optionally a guarantor), the
/// party it speaks for. Every read path asks <see cref="CanSee"/>; it is the one place that decides visibility.
/// </summary>
/// <remarks>
/// Visibility rules: a <see cref="VisibilityScope.Shared"/> item is seen by every member; a
/// <see cref="VisibilityScope.Party"/> item by the mediator and by members whose <see cref="Party"/> is its party
/// (its delegation, or a guarantor acting for that party); a <see cref="VisibilityScope.Mediator"/> item by the
/// mediator alone. The local operator (<see cref="Operator"/>, the CLI with database access) sees what the mediator
/// sees: database access is the trust boundary.
/// </remarks>
public sealed record Viewer
{
    /// <summary>Creates a viewer.</summary>
    /// <exception cref="ArgumentException">A blank user; a delegation without a party; a party for a mediator, monitor or observer.</exception>
    public Viewer(string user, MemberRole role, string? party = null)
    {
        if (string.IsNullOrWhiteSpace(user)) throw new ArgumentException("A viewer names its user.", nameof(user));
        if (!Enum.IsDefined(role)) throw new ArgumentException($"Unknown role {role}.", nameof(role));
        if (role == MemberRole.Delegation && party is null)
            throw new ArgumentException("A delegation speaks for a party; name it.", nameof(party));
        if (party is not null && role is not (MemberRole.Delegation or MemberRole.Guarantor))
            throw new ArgumentException($"{(role == MemberRole.Observer ? "An" : "A")} {role.ToString().ToLowerInvariant()} speaks for no party.", nameof(party));
        User = user;
        Role = role;
        Party = party is null ? null : Key.Require(party, nameof(party));
    }

    /// <summary>The user's name (what the history records as the actor).</summary>
    public string User { get; }

    /// <summary>The member's role in the negotiation.</summary>
    public MemberRole Role { get; }

    /// <summary>The party the member speaks for (a delegation always, a guarantor optionally), else null.</summary>
    public string? Party { get; }

    /// <summary>True for the mediator (and the local operator): sees everything.</summary>
    public bool SeesEverything => Role == MemberRole.Mediator;

    /// <summary>The local operator (the <c>parley</c> CLI on the database): sees and records what the mediator does.</summary>
    public static Viewer Operator(string user) => new(user, MemberRole.Mediator);

    /// <summary>True when this viewer may see an item with <paramref name="visibility"/>.</summary>
    public bool CanSee(Visibility visibility) => visibility.Scope switch
    {
        VisibilityScope.Shared => true,
        VisibilityScope.Party => SeesEverything || (Party is not null && visibility.Party == Party),
        _ => SeesEverything,
    };

    /// <summary>
    /// True when this viewer may record something on behalf of <paramref name="party"/>: the mediator for anyone, a
    /// delegation for its own party only.
    /// </summary>
    public bool ActsFor(string party) => SeesEverything || (Role == MemberRole.Delegation && Party == party);

    /// <summary>
    /// True when this viewer may label a new item with <paramref name="visibility"/>: the mediator any label; others only
    /// labels they can see themselves and that are not mediator-only (a delegation cannot file an item it could not read back).
    /// </summary>
    public bool MayLabel(Visibility visibility) =>
        SeesEverything || (visibility.Scope != VisibilityScope.Mediator && CanSee(visibility));

    /// <inheritdoc />
    public override string ToString() => Party is null ? $"{User} ({Role})" : $"{User} ({Role} of {Party})";
}
