using Microsoft.Playwright;

namespace Parley.Browser.Tests;

/// <summary>A fresh app and a fresh Chromium for each test.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    /// <summary>The app under test.</summary>
    protected BrowserApp App { get; private set; } = null!;

    /// <summary>The browser.</summary>
    protected Chromium Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Browser = await Chromium.StartAsync();
        App = await BrowserApp.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }

    /// <summary>
    /// Opens <paramref name="path"/> and waits until the page is interactive (the Blazor circuit is connected):
    /// clicks made before that are lost. The page must be signed in already (<see cref="OpenAsync(IPage, string, string)"/>).
    /// </summary>
    protected async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(App.Address, path).ToString());
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Signs <paramref name="page"/>'s browser in as the demo account <paramref name="account"/> (<c>mediator</c>, <c>ua</c>,
    /// <c>ru</c>, <c>us</c>, <c>monitor</c>, <c>observer</c>) through <c>/demo/sign-in/{account}</c>, which returns to
    /// <paramref name="path"/>, and waits until that page is interactive.
    /// </summary>
    protected async Task OpenAsync(IPage page, string path, string account)
    {
        var response = await page.GotoAsync(App.SignInUrl(account, path).ToString());
        Assert.True(response?.Ok == true, $"signing in as {account} answered {response?.Status}");
        Assert.Equal(new Uri(App.Address, path).PathAndQuery, new Uri(page.Url).PathAndQuery);
        await WaitInteractiveAsync(page);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="outcome"/> shows: a click can still be lost while the
    /// circuit settles.
    /// </summary>
    protected static async Task ClickUntilAsync(ILocator button, ILocator outcome, int attempts = 4)
    {
        for (var k = 0; k < attempts; k++)
        {
            await button.ClickAsync();
            try
            {
                await outcome.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (k < attempts - 1)
            {
                // Not yet: the click fell before the circuit was ready; click again.
            }
        }
    }

    /// <summary>
    /// Chooses <paramref name="file"/> in <paramref name="input"/> until <paramref name="submit"/> is enabled: like a click,
    /// the input's change can still be lost while the circuit settles, and the form then never learns of the file.
    /// </summary>
    protected static async Task ChooseFileUntilEnabledAsync(ILocator input, FilePayload file, ILocator submit, int attempts = 4)
    {
        for (var k = 0; k < attempts; k++)
        {
            await input.SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(submit).ToBeEnabledAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (k < attempts - 1)
            {
                // Not yet: the change fell before the circuit was ready; choose the file again.
            }
        }
    }
}
