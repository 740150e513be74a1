namespace Parley.Data.Rows;

/// <summary>
/// A party's preference profile (Settlement), one per (negotiation, party): <see cref="ItemRow.Id"/> is the party's
/// id. Issues, red lines, constraints and interactions are JSON. Private to the party by default (visibility columns).
/// </summary>
public sealed class PreferenceProfileRow : ItemRow
{
    /// <summary>The utility of no agreement.</summary>
    public double Reservation { get; set; }

    /// <summary>Issues: <c>[{"issue","weight","values":[{"option","value"}]}]</c>.</summary>
    public required string IssuesJson { get; set; }

    /// <summary>Red lines stated in the profile: <c>[{"issue","option"}]</c>.</summary>
    public required string RedLinesJson { get; set; }

    /// <summary>Constraints: <c>[{"kind","if":{"issue","option"},"then":{...}}]</c>.</summary>
    public required string ConstraintsJson { get; set; }

    /// <summary>Interactions: <c>[{"first":{...},"second":{...},"bonus"}]</c>.</summary>
    public required string InteractionsJson { get; set; }

    /// <summary>Analyst's note.</summary>
    public required string Note { get; set; }
}
