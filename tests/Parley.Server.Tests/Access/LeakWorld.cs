using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Core.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The randomized leak test's world: small negotiations, their members, and a seeded stream of random changes whose
/// private items carry unique canaries (<c>cnry17x</c>) in their ids and texts. It remembers the visibility of every
/// canary it hands out, so a response body can be checked: a canary found there must be one the reader may see.
/// </summary>
public sealed partial class LeakWorld(int seed)
{
    private readonly Random _random = new(seed);
    private int _next;

    /// <summary>Canary → (negotiation, visibility label) of the item that carries it.</summary>
    public Dictionary<string, (string Negotiation, string Visibility)> Canaries { get; } = [];

    /// <summary>The negotiations.</summary>
    public static readonly string[] Negotiations = ["leak-a", "leak-b"];

    /// <summary>The principal parties of every negotiation; <c>g</c> is a guarantor.</summary>
    public static readonly string[] Parties = ["p1", "p2", "p3"];

    /// <summary>The members of each negotiation: user suffix → (role, party).</summary>
    public static readonly IReadOnlyDictionary<string, (MemberRole Role, string? Party)> Members = new Dictionary<string, (MemberRole, string?)>
    {
        ["mediator"] = (MemberRole.Mediator, null),
        ["p1"] = (MemberRole.Delegation, "p1"),
        ["p2"] = (MemberRole.Delegation, "p2"),
        ["p3"] = (MemberRole.Delegation, "p3"),
        ["g"] = (MemberRole.Guarantor, "g"),
        ["monitor"] = (MemberRole.Monitor, null),
        ["observer"] = (MemberRole.Observer, null),
    };

    /// <summary>The user name of a member of a negotiation.</summary>
    public static string User(string negotiation, string member) => $"{negotiation}-{member}";

    /// <summary>True when a member may see an item labelled <paramref name="visibility"/> (the design's rule, restated).</summary>
    public static bool MaySee(string member, string visibility) =>
        visibility == "shared" || member == "mediator" || (visibility.StartsWith("party:", StringComparison.Ordinal) && Members[member].Party == visibility[6..]);

    /// <summary>Every canary in <paramref name="body"/> that <paramref name="member"/> of <paramref name="negotiation"/> may not see.</summary>
    public IEnumerable<string> Leaks(string negotiation, string member, string body)
    {
        foreach (Match m in CanaryPattern().Matches(body))
        {
            var canary = m.Value.ToLowerInvariant();
            if (!Canaries.TryGetValue(canary, out var where)) yield return canary + " (unknown)";
            else if (where.Negotiation != negotiation || !MaySee(member, where.Visibility)) yield return $"{canary} ({where.Negotiation}, {where.Visibility})";
        }
    }

    [GeneratedRegex("cnry[0-9]+x", RegexOptions.IgnoreCase)]
    private static partial Regex CanaryPattern();

    /// <summary>A new canary for an item labelled <paramref name="visibility"/> in <paramref name="negotiation"/>.</summary>
    public string Canary(string negotiation, string visibility)
    {
        var canary = $"cnry{++_next}x";
        Canaries[canary] = (negotiation, visibility);
        return canary;
    }

    /// <summary>Picks one element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A random visibility label <paramref name="member"/> may give: shared, its own party's, or (mediator) any.</summary>
    public string Label(string member) => member == "mediator"
        ? Pick(["shared", "mediator", "party:p1", "party:p2", "party:p3", "party:g"])
        : Chance(0.5) ? "shared" : $"party:{Members[member].Party}";

    /// <summary>A random time in December 2025.</summary>
    public string Time() => new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(0, 30 * 24 * 60))
        .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// A scenario file for <paramref name="negotiation"/>: three principals, a guarantor, three issues of three options (one
    /// issue mediator-only and one private to p1, each with a canary in its id), and a profile per principal with a private
    /// canary note and a random reservation (p1's also values its own private issue; no profile may name an issue its
    /// party cannot see).
    /// </summary>
    public string Scenario(string negotiation)
    {
        var hiddenIssue = "i-" + Canary(negotiation, "mediator");
        var p1Issue = "i-" + Canary(negotiation, "party:p1");
        var yaml = new StringBuilder();
        yaml.AppendLine($"negotiation: {{id: {negotiation}, title: Leak test {negotiation}}}");
        yaml.AppendLine("parties:");
        foreach (var p in Parties) yaml.AppendLine($"  - {{id: {p}, name: Party {p}, roles: [principal]}}");
        yaml.AppendLine("  - {id: g, name: Guarantor, roles: [guarantor]}");
        yaml.AppendLine("issues:");
        foreach (var (issue, visibility) in new[] { ("i1", "shared"), (hiddenIssue, "mediator"), (p1Issue, "party:p1") })
            yaml.AppendLine($"  - {{id: {issue}, title: Issue {issue}, visibility: '{visibility}', options: [{{id: o1, label: One}}, {{id: o2, label: Two}}, {{id: o3, label: Three}}]}}");
        yaml.AppendLine("preferences:");
        foreach (var p in Parties)
        {
            yaml.AppendLine($"  - party: {p}");
            yaml.AppendLine(string.Create(CultureInfo.InvariantCulture, $"    reservation: {_random.Next(10, 40) / 100.0:0.00}"));
            yaml.AppendLine("    issues:");
            yaml.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"      i1: {{weight: 0.5, values: {{o1: {_random.Next(0, 11) / 10.0:0.0}, o2: {_random.Next(0, 11) / 10.0:0.0}, o3: 1}}}}"));
            if (p == "p1") yaml.AppendLine($"      {p1Issue}: {{weight: 0.2, values: {{o2: 1, o3: 0.4}}}}");
            yaml.AppendLine($"    note: private note {Canary(negotiation, $"party:{p}")}");
        }
        return yaml.ToString();
    }
}
