namespace Parley.Core.Talks;

/// <summary>The roles a party can hold at the table; a party may hold several (the US mediates and guarantees).</summary>
public enum PartyRole
{
    /// <summary>A party whose consent the agreement needs.</summary>
    Principal,

    /// <summary>Runs the talks; sees every party's private material.</summary>
    Mediator,

    /// <summary>Guarantees the agreement; joins the principals of the issues that bind it.</summary>
    Guarantor,

    /// <summary>Attends without a say in the outcome.</summary>
    Observer,

    /// <summary>Reports and verifies incidents once a deal is in force.</summary>
    Monitor,
}

/// <summary>One person on a party's delegation.</summary>
/// <param name="Id">The person's key, unique within the negotiation.</param>
/// <param name="Name">Full name as the press writes it.</param>
/// <param name="Title">Office held, e.g. "President of Ukraine"; may be empty.</param>
public sealed record PartyDelegate(string Id, string Name, string Title)
{
    /// <summary>The person's key.</summary>
    public string Id { get; } = Key.Require(Id, nameof(Id));

    /// <summary>The person's name.</summary>
    public string Name { get; } = Text.Require(Name, nameof(Name));

    /// <summary>The office held.</summary>
    public string Title { get; } = Title ?? "";
}

/// <summary>A party to the talks: a state, a coalition or an organisation, with its roles and delegates.</summary>
public sealed record Party
{
    /// <summary>Creates a party.</summary>
    /// <exception cref="ArgumentException">The id or name is malformed, or no role is given.</exception>
    public Party(string id, string name, IEnumerable<PartyRole> roles, IEnumerable<PartyDelegate>? delegates = null, Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Name = Text.Require(name, nameof(name));
        Roles = roles.Distinct().Order().ToArray();
        if (Roles.Count == 0) throw new ArgumentException($"Party '{id}' needs at least one role.", nameof(roles));
        Delegates = (delegates ?? []).ToArray();
        Duplicates.Check(Delegates.Select(d => d.Id), $"party '{id}' delegates");
        Visibility = visibility;
    }

    /// <summary>The party's key.</summary>
    public string Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Roles held, distinct, in enum order.</summary>
    public IReadOnlyList<PartyRole> Roles { get; }

    /// <summary>The people on the delegation.</summary>
    public IReadOnlyList<PartyDelegate> Delegates { get; }

    /// <summary>Who may see that this party takes part (normally shared).</summary>
    public Visibility Visibility { get; }

    /// <summary>True when the party holds <paramref name="role"/>.</summary>
    public bool Has(PartyRole role) => Roles.Contains(role);
}
