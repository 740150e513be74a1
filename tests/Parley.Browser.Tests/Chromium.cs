using Microsoft.Playwright;

namespace Parley.Browser.Tests;

/// <summary>
/// Headless Debian Chromium driven by Playwright (no browser download): one persistent context per user, each
/// in a fresh user-data folder, with the flags that work as root. A missing Chromium fails the test with the
/// command that installs it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>The Chromium the tests drive.</summary>
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly List<(IBrowserContext Context, string Folder)> _contexts = [];

    private Chromium(IPlaywright playwright) => _playwright = playwright;

    /// <summary>Starts Playwright.</summary>
    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(Executable))
            Assert.Fail($"Chromium is missing at {Executable}; the browser tests need it. Install it with: " +
                        "apt-get update && apt-get install -y chromium chromium-driver (./test.sh does this).");
        return new Chromium(await Playwright.CreateAsync());
    }

    /// <summary>A new user: a fresh browser context with one page, at 1280×800 unless told otherwise.</summary>
    public async Task<IPage> NewUserAsync(int width = 1280, int height = 800)
    {
        var folder = Path.Combine(Path.GetTempPath(), "parley-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var context = await _playwright.Chromium.LaunchPersistentContextAsync(folder, new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Flags,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        _contexts.Add((context, folder));
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (context, folder) in _contexts)
        {
            await context.CloseAsync();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException)
            {
                // Chromium may still be writing its last files; the folder is in /tmp and goes with it.
            }
        }
        _playwright.Dispose();
    }
}
