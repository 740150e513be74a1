using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Parley.Browser.Tests;

/// <summary>Full-page screenshots in <c>artifacts/screenshots/&lt;test&gt;.png</c> under the repository root.</summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>The folder the screenshots go to (created on first use).</summary>
    public static string FolderPath => Folder.Value;

    /// <summary>Saves the whole page as <c>&lt;test&gt;.png</c> (or <c>&lt;test&gt;-&lt;suffix&gt;.png</c>).</summary>
    public static async Task SaveAsync(IPage page, string? suffix = null, [CallerMemberName] string test = "")
    {
        var name = suffix is null ? test : $"{test}-{suffix}";
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder.Value, name + ".png"), FullPage = true });
    }
}
