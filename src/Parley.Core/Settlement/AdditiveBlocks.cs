using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>
/// A problem rewritten as a sum over independent blocks, so that u(x) = Σ_b u_b(x_b) for every party.
/// Issues linked by any party's constraint or interaction are fused into one block whose options are the
/// combinations of their options that break no constraint and no red line, each valued with its interaction
/// bonuses; every other issue is a block of its own, minus red-lined options. The feasible outcomes of the
/// problem are then exactly the products of one option per block.
/// </summary>
internal sealed class AdditiveBlocks
{
    private AdditiveBlocks(int parties, ImmutableArray<Block> blocks)
    {
        Parties = parties;
        Blocks = blocks;
    }

    /// <summary>The number of parties (the length of every utility vector).</summary>
    public int Parties { get; }

    /// <summary>The blocks, ordered by their first issue.</summary>
    public ImmutableArray<Block> Blocks { get; }

    /// <summary>One block: its issues, its feasible option combinations and their utility vectors.</summary>
    /// <param name="Issues">Positions of the issues fused into the block, ascending.</param>
    /// <param name="Choices">For option k, the choice on each of <paramref name="Issues"/> at [k·|Issues| + j].</param>
    /// <param name="Utilities">For option k, party p's utility at [k·parties + p].</param>
    public sealed record Block(ImmutableArray<int> Issues, int[] Choices, double[] Utilities)
    {
        /// <summary>The number of feasible options.</summary>
        public int Count => Choices.Length / Issues.Length;
    }

    /// <summary>
    /// Fuses the problem into blocks; returns null when a fused block would exceed <paramref name="maxBlockOptions"/>
    /// combinations (the caller then needs the optimisation path).
    /// </summary>
    public static AdditiveBlocks? Build(SettlementProblem problem, long maxBlockOptions)
    {
        var space = problem.Space;
        var n = space.Issues.Length;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);
        foreach (var p in problem.Profiles)
        {
            foreach (var c in p.Constraints) Union(c.If.Issue, c.Then.Issue);
            foreach (var t in p.Utility.Interactions) Union(t.First.Issue, t.Second.Issue);
        }

        var banned = new HashSet<OptionRef>(problem.Profiles.SelectMany(p => p.RedLines));
        var groups = Enumerable.Range(0, n).GroupBy(Find).Select(g => g.OrderBy(i => i).ToArray()).OrderBy(g => g[0]).ToList();
        var blocks = ImmutableArray.CreateBuilder<Block>(groups.Count);
        foreach (var members in groups)
        {
            var allowed = members.Select(i => Enumerable.Range(0, space.Issues[i].Count).Where(o => !banned.Contains(new OptionRef(i, o))).ToArray()).ToArray();
            long combos = 1;
            foreach (var a in allowed)
            {
                combos *= Math.Max(a.Length, 1);
                if (combos > maxBlockOptions) return null;
            }

            blocks.Add(BuildBlock(problem, members, allowed));
        }

        return new AdditiveBlocks(problem.PartyCount, blocks.MoveToImmutable());
    }

    private static Block BuildBlock(SettlementProblem problem, int[] members, int[][] allowed)
    {
        var memberSet = members.ToHashSet();
        var constraints = problem.Profiles.SelectMany(p => p.Constraints).Where(c => memberSet.Contains(c.If.Issue)).ToArray();
        var choices = new List<int>();
        var utilities = new List<double>();
        if (allowed.Any(a => a.Length == 0)) return new Block([.. members], [], []);

        // Odometer over the allowed options of the member issues; a scratch outcome holds the choices so the
        // profile's own constraint and interaction types can be evaluated unchanged.
        var scratch = new int[problem.Space.Issues.Length];
        var digit = new int[members.Length];
        while (true)
        {
            for (var j = 0; j < members.Length; j++) scratch[members[j]] = allowed[j][digit[j]];
            var outcome = new Outcome(scratch);
            if (constraints.All(c => c.IsSatisfiedBy(outcome)))
            {
                foreach (var j in members) choices.Add(scratch[j]);
                foreach (var p in problem.Profiles)
                {
                    var u = 0.0;
                    foreach (var i in members) u += p.Utility.Contribution(i, scratch[i]);
                    foreach (var t in p.Utility.Interactions)
                        if (memberSet.Contains(t.First.Issue) && t.First.IsChosenBy(outcome) && t.Second.IsChosenBy(outcome)) u += t.Bonus;
                    utilities.Add(u);
                }
            }

            var k = members.Length - 1;
            while (k >= 0 && ++digit[k] == allowed[k].Length) digit[k--] = 0;
            if (k < 0) break;
        }

        return new Block([.. members], [.. choices], [.. utilities]);
    }

    /// <summary>Writes block option <paramref name="option"/> of block <paramref name="block"/> into a full choice array.</summary>
    public void Apply(int block, int option, int[] choices)
    {
        var b = Blocks[block];
        var width = b.Issues.Length;
        for (var j = 0; j < width; j++) choices[b.Issues[j]] = b.Choices[option * width + j];
    }
}
