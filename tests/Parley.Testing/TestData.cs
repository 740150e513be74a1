namespace Parley.Testing;

/// <summary>Files under tests/data, found by walking up to the folder holding Parley.slnx.</summary>
public static class TestData
{
    /// <summary>The path of tests/data/PARTS….</summary>
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx")))
                return System.IO.Path.Combine([dir.FullName, "tests", "data", .. parts]);
        throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
    }
}
