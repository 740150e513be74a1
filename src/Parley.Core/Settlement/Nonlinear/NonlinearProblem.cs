using System.Collections.Immutable;

namespace Parley.Core.Settlement.Nonlinear;

/// <summary>
/// One party's GENIUS nonlinear profile: its <see cref="RectangleUtility"/>, its reservation value r (a package is
/// rational for the party when u ≥ r) and the discount factor the file states. The discount factor is reported, not
/// applied: the frontier is undiscounted, as for linear profiles.
/// </summary>
public sealed class NonlinearProfile
{
    /// <summary>Creates a profile.</summary>
    /// <exception cref="ArgumentException">A blank party, a reservation that is not finite, or a discount factor outside (0, 1].</exception>
    public NonlinearProfile(string party, RectangleUtility utility, double reservation = 0.0, double? discountFactor = null)
    {
        if (string.IsNullOrWhiteSpace(party)) throw new ArgumentException("A profile names its party.", nameof(party));
        if (!double.IsFinite(reservation)) throw new ArgumentException("The reservation value must be finite.", nameof(reservation));
        if (discountFactor is { } d && !(d > 0 && d <= 1)) throw new ArgumentException($"A discount factor lies in (0, 1]; it is {d}.", nameof(discountFactor));
        Party = party;
        Utility = utility ?? throw new ArgumentNullException(nameof(utility));
        Reservation = reservation;
        DiscountFactor = discountFactor;
    }

    /// <summary>The party.</summary>
    public string Party { get; }

    /// <summary>Its utility over packages.</summary>
    public RectangleUtility Utility { get; }

    /// <summary>r: the utility of no agreement.</summary>
    public double Reservation { get; }

    /// <summary>The file's discount factor, when it gives one (not applied).</summary>
    public double? DiscountFactor { get; }
}

/// <summary>An outcome space and the nonlinear profiles of the parties; utility vectors list parties in profile order.</summary>
public sealed class NonlinearProblem
{
    /// <summary>Creates a problem.</summary>
    /// <exception cref="ArgumentException">No profiles, two profiles of one party, or a profile made for another number of issues.</exception>
    public NonlinearProblem(OutcomeSpace space, IEnumerable<NonlinearProfile> profiles)
    {
        Space = space ?? throw new ArgumentNullException(nameof(space));
        Profiles = [.. profiles];
        if (Profiles.IsEmpty) throw new ArgumentException("A settlement needs at least one party.", nameof(profiles));
        if (Profiles.Select(p => p.Party).Distinct(StringComparer.Ordinal).Count() != Profiles.Length)
            throw new ArgumentException("Each party has one profile.", nameof(profiles));
        foreach (var p in Profiles)
        {
            if (p.Utility.IssueCount != space.Issues.Length)
                throw new ArgumentException($"Party '{p.Party}' values {p.Utility.IssueCount} issues; the space has {space.Issues.Length}.", nameof(profiles));
            foreach (var r in p.Utility.Rectangles)
                foreach (var b in r.Bounds)
                    if (b.MaxOption >= space.Issues[b.Issue].Count)
                        throw new ArgumentException($"Party '{p.Party}' bounds issue '{space.Issues[b.Issue].Name}' beyond its last option.", nameof(profiles));
        }
    }

    /// <summary>The packages.</summary>
    public OutcomeSpace Space { get; }

    /// <summary>One profile per party.</summary>
    public ImmutableArray<NonlinearProfile> Profiles { get; }

    /// <summary>(u₁, …, uₙ) of <paramref name="outcome"/>, each by <see cref="RectangleUtility.Evaluate"/>.</summary>
    public double[] Utilities(Outcome outcome)
    {
        Space.Check(outcome);
        return [.. Profiles.Select(p => p.Utility.Evaluate(outcome))];
    }

    /// <summary>The reservation values in party order.</summary>
    public ImmutableArray<double> Reservations => [.. Profiles.Select(p => p.Reservation)];
}
