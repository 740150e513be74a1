using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The scanner's growable array against <see cref="List{T}"/>: any sequence of appends, in-place changes through the
/// reference indexer, truncations and clears leaves the same elements in the same order, seen through every view
/// (indexer, <c>Last</c>, span, copy, enumeration, <see cref="IReadOnlyList{T}"/>); and out-of-range access throws.
/// </summary>
public sealed class ValueListTests
{
    /// <summary>An element holding a reference, as brackets do (their parties).</summary>
    public readonly record struct Item(int Number, string Name);

    /// <summary>One operation: 0–5 append (mostly, so that lists grow past several doublings), 6 change an element, 7 change
    /// the last, 8 truncate, 9 clear.</summary>
    public readonly record struct Step(int Kind, int Value);

    public static class Steps
    {
        public static Arbitrary<Step[]> All() =>
            (from kind in Gen.Frequency((40, Gen.Choose(0, 5)), (4, Gen.Choose(6, 7)), (2, Gen.Constant(8)), (1, Gen.Constant(9)))
             from value in Gen.Choose(0, 1_000)
             select new Step(kind, value)).ArrayOf().ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Steps)], MaxTest = 300, Replay = "(1414,23)")]
    public void AnySteps_SameElementsAsList(Step[] steps)
    {
        var list = new ValueList<Item>(steps.Length % 3);
        var expected = new List<Item>();
        foreach (var step in steps)
        {
            Apply(list, expected, step);
            Assert.Equal(expected.Count, list.Count);
        }
        Assert.Equal(expected, list.ToArray());
        Assert.Equal(expected, list.AsSpan().ToArray());
        Assert.Equal(expected, list);
        IReadOnlyList<Item> view = list;
        Assert.Equal(expected, Enumerable.Range(0, view.Count).Select(i => view[i]));
        if (expected.Count > 0) Assert.Equal(expected[^1], list.Last);
    }

    [Fact]
    public void Indexer_OutsideTheElements_Throws()
    {
        var list = new ValueList<int>(8);
        list.Add(1);
        list.Add(2);
        Assert.Equal(2, list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IReadOnlyList<int>)list)[2]);
        list.Truncate(1);
        // Room for eight is not eight elements: the dropped one is out of reach too.
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
    }

    [Fact]
    public void Truncate_BeyondCount_Throws()
    {
        var list = new ValueList<int>();
        list.Add(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Truncate(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Truncate(-1));
        Assert.Equal([5], list.ToArray());
    }

    [Fact]
    public void Last_Empty_Throws()
    {
        var list = new ValueList<int>(4);
        Assert.Throws<InvalidOperationException>(() => list.Last);
        list.Add(3);
        list.Clear();
        Assert.Throws<InvalidOperationException>(() => list.Last);
    }

    [Fact]
    public void Construction_NegativeCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueList<int>(-1));

    /// <summary>
    /// Two lists sharing one array (the split reading's), each filled by its own steps (past its room or not), then the first
    /// taking over the second's elements from some point, each adjusted: the first holds its own and those, the second
    /// nothing, and no stale element remains past the end (room appended afterwards holds default values), whether the
    /// elements moved within the array or were copied; further steps go on as on a list.
    /// </summary>
    [Property(Arbitrary = [typeof(Steps)], MaxTest = 300)]
    public void AdjoiningLists_TakeOver_SameAsAppendingToAList(Step[] firstSteps, Step[] secondSteps, Step[] after, NonNegativeInt from, bool separate)
    {
        var (first, second) = separate
            ? (new ValueList<Item>(firstSteps.Length % 7), new ValueList<Item>(secondSteps.Length % 5))
            : ValueList<Item>.Adjoining(firstSteps.Length % 7, secondSteps.Length % 5);
        var expected = Run(first, firstSteps, []);
        var taken = Run(second, secondSteps, []);
        int start = from.Get % (taken.Count + 1);

        first.TakeOver(second, start, (ref Item item) => item = item with { Number = item.Number + 1_000_000 });

        expected.AddRange(taken.Skip(start).Select(item => item with { Number = item.Number + 1_000_000 }));
        Assert.Equal(expected, first.ToArray());
        Assert.Empty(second);
        int more = after.Length % 9;
        Assert.All(first.Append(more).ToArray(), item => Assert.Equal(default, item));
        expected.AddRange(Enumerable.Repeat(default(Item), more));
        Assert.Equal(Run(first, after, expected), first.ToArray());
        // Past all the room the two had: the first grows as a list does.
        for (int i = 0; i < 16; i++)
        {
            first.Add(new Item(i, "past"));
            expected.Add(new Item(i, "past"));
        }
        Assert.Equal(expected, first.ToArray());
        second.Add(new Item(1, "again"));
        Assert.Equal([new Item(1, "again")], second.ToArray());
        Assert.Equal(expected, first.ToArray());
    }

    /// <summary>Applies <paramref name="steps"/> to the list and to the expected one; returns the expected one.</summary>
    private static List<Item> Run(ValueList<Item> list, Step[] steps, List<Item> expected)
    {
        foreach (var step in steps) Apply(list, expected, step);
        return expected;
    }

    /// <summary>One step on the list and the same on <paramref name="expected"/>.</summary>
    private static void Apply(ValueList<Item> list, List<Item> expected, Step step)
    {
        switch (step.Kind)
        {
            case <= 5:
                var item = new Item(step.Value, $"n{step.Value}");
                list.Add(item);
                expected.Add(item);
                break;
            case 6 when expected.Count > 0:
                int k = step.Value % expected.Count;
                list[k] = list[k] with { Number = -step.Value };
                expected[k] = expected[k] with { Number = -step.Value };
                break;
            case 7 when expected.Count > 0:
                list.Last = list.Last with { Name = "last" };
                expected[^1] = expected[^1] with { Name = "last" };
                break;
            case 8:
                int keep = step.Value % (expected.Count + 1);
                list.Truncate(keep);
                expected.RemoveRange(keep, expected.Count - keep);
                break;
            case 9:
                list.Clear();
                expected.Clear();
                break;
        }
    }
}
