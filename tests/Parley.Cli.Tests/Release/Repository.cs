namespace Parley.Cli.Tests.Release;

/// <summary>The repository the tests run in: the folder holding Parley.slnx above the test assembly.</summary>
internal static class Repository
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path under the root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
    }
}
