namespace Parley.Core.Tests.Settlement;

/// <summary>Finds ../shared/data next to the folder holding Parley.slnx.</summary>
internal static class SharedData
{
    public static string GeniusRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "genius"));
            }

            throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
