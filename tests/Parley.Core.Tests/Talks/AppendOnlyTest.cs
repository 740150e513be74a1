using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

/// <summary>
/// The shared-chunk list and the shared-table index a negotiation's statements are kept in, against a plain list and
/// dictionary per version: a tree of versions, each a copy of another, all growing in any order, must each keep exactly
/// its own items — a copy never sees what another version added after it, across chunk edges and merges.
/// </summary>
public sealed class AppendOnlyTest
{
    private sealed record Item(int Number);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void VersionTree_EachVersionKeepsItsOwnItems(int seed)
    {
        var random = new Random(seed);
        var lists = new List<AppendOnlyList<Item>> { new() };
        var indexes = new List<AppendOnlyIndex<Item>> { new() };
        var models = new List<List<Item>> { new() };
        var next = 0;
        for (var step = 0; step < 6_000; step++)
        {
            // Mostly the newest versions grow, as a negotiation's do; now and then an old one is copied or grows again.
            var v = random.Next(4) == 0 ? random.Next(lists.Count) : lists.Count - 1 - random.Next(Math.Min(3, lists.Count));
            if (random.Next(10) == 0)
            {
                lists.Add(lists[v].Copy());
                indexes.Add(indexes[v].Copy());
                models.Add([.. models[v]]);
                continue;
            }
            var burst = random.Next(3) == 0 ? random.Next(1, 1_500) : 1; // long bursts cross chunk edges and merges
            for (var k = 0; k < burst; k++)
            {
                var item = new Item(next++);
                lists[v].Add(item);
                indexes[v].Add($"i{item.Number}", item);
                models[v].Add(item);
            }
        }

        for (var v = 0; v < lists.Count; v++)
        {
            Assert.Equal(models[v].Count, lists[v].Count);
            Assert.Equal(models[v].Count, indexes[v].Count);
            Assert.True(models[v].SequenceEqual(lists[v]), $"version {v} enumerates other items");
            for (var k = 0; k < models[v].Count; k += 1 + random.Next(50))
            {
                Assert.Same(models[v][k], lists[v][k]);
                Assert.Same(models[v][k], indexes[v].Find($"i{models[v][k].Number}"));
            }
        }
        // An item another version added is not in this one's index.
        for (var v = 0; v < lists.Count; v++)
        {
            var own = models[v].Select(i => i.Number).ToHashSet();
            for (var probe = 0; probe < 200; probe++)
            {
                var number = random.Next(next);
                Assert.Equal(own.Contains(number), indexes[v].Contains($"i{number}"));
            }
        }
    }

    [Fact]
    public void StartsWith_IsTrueExactlyForTheItemsOfAnEarlierVersion()
    {
        var earlier = new AppendOnlyList<Item>();
        for (var k = 0; k < 2 * AppendOnlyList<Item>.ChunkSize + 5; k++) earlier.Add(new Item(k));
        var later = earlier.Copy();
        for (var k = 0; k < 3 * AppendOnlyList<Item>.ChunkSize; k++) later.Add(new Item(-k));

        Assert.True(later.StartsWith(earlier));
        Assert.True(earlier.StartsWith(earlier.Copy()));
        Assert.False(earlier.StartsWith(later));

        // The same numbers in other instances are other items, in a shared chunk's place or in the partial one's.
        var lookalike = new AppendOnlyList<Item>();
        foreach (var item in earlier) lookalike.Add(item.Number == 7 ? new Item(7) : item);
        Assert.False(lookalike.StartsWith(earlier));
        var lastDiffers = new AppendOnlyList<Item>();
        foreach (var item in earlier) lastDiffers.Add(item.Number == earlier.Count - 1 ? new Item(item.Number) : item);
        Assert.False(lastDiffers.StartsWith(earlier));
    }

    [Fact]
    public void OutOfRange_AndDuplicateIds_AreRefused()
    {
        var list = new AppendOnlyList<Item>();
        list.Add(new Item(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);

        var index = new AppendOnlyIndex<Item>();
        for (var k = 0; k <= AppendOnlyIndex<Item>.MergeAt; k++) index.Add($"i{k}", new Item(k));
        var merged = index.Copy(); // past MergeAt: the ids are now in the copy's shared table
        Assert.Throws<ArgumentException>(() => merged.Add("i3", new Item(3)));
        Assert.Throws<ArgumentException>(() => index.Add("i3", new Item(3)));
        merged.Add("new", new Item(-1));
        Assert.False(index.Contains("new"));
    }
}
