using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;

namespace Parley.Benchmarks.Settlement;

/// <summary>Seeded random additive problems and the shared GENIUS domains, for the benchmarks.</summary>
internal static class SyntheticProblems
{
    public static SettlementProblem Random(int seed, int parties, int[] sizes, double reservation = 0, int constraints = 0)
    {
        var rng = new Random(seed);
        var space = new OutcomeSpace(sizes.Select((s, i) => SettlementIssue.Discrete($"I{i}", Enumerable.Range(0, s).Select(o => $"o{o}"))));
        var conds = new List<CrossIssueConstraint>();
        for (var c = 0; c < constraints; c++)
        {
            var a = rng.Next(sizes.Length);
            var b = (a + 1 + rng.Next(sizes.Length - 1)) % sizes.Length;
            conds.Add(new CrossIssueConstraint(c % 2 == 0 ? ConstraintKind.Excludes : ConstraintKind.Requires,
                new OptionRef(a, rng.Next(sizes[a])), new OptionRef(b, rng.Next(sizes[b]))));
        }

        return new SettlementProblem(space, Enumerable.Range(0, parties).Select(p =>
        {
            var w = sizes.Select(_ => rng.NextDouble()).ToArray();
            var total = w.Sum();
            var values = sizes.Select(s => Enumerable.Range(0, s).Select(_ => rng.NextDouble()).ToArray());
            return new PreferenceProfile($"P{p}", new UtilityFunction(w.Select(x => x / total), values), reservation,
                constraints: p == 0 ? conds : null);
        }));
    }

    public static SettlementProblem Genius(string domain, string domainFile, params string[] profiles)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        var root = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Parley.slnx not found"), "tests", "data", "genius", domain);
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(root, domainFile)), domainFile);
        return new SettlementProblem(space, profiles.Select(p =>
            GeniusXmlReader.ReadProfile(File.ReadAllBytes(Path.Combine(root, p)), p, space, Path.GetFileNameWithoutExtension(p))));
    }
}
