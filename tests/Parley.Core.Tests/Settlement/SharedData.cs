namespace Parley.Core.Tests.Settlement;

/// <summary>Finds tests/data, the copy of ../shared/data inside the repository.</summary>
internal static class SharedData
{
    public static string GeniusRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "tests", "data", "genius"));
            }

            throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
