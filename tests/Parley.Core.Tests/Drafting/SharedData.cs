namespace Parley.Core.Tests.Drafting;

/// <summary>Finds the developers' public data set: tests/data, the copy of ../shared/data inside the repository.</summary>
internal static class SharedData
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string DraftPath(string name) => Path.GetFullPath(Path.Combine(RepoRoot(), "tests", "data", "drafts", name));

    public static string Draft(string name) => File.ReadAllText(DraftPath(name));

    /// <summary>The Paris negotiating text of 23 Oct 2015 (with brackets).</summary>
    public const string Oct23 = "cop21-2015-10-23.md";

    /// <summary>The adopted Paris Agreement of 12 Dec 2015 (no brackets).</summary>
    public const string Dec12 = "cop21-2015-12-12.md";
}
