using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Parley.Browser.Tests;

/// <summary>Helpers of the drafts and guarantees page tests: fetching what a page links to, and small files to upload.</summary>
public static class PageImages
{
    /// <summary>
    /// Fetches what <paramref name="element"/>'s <paramref name="attribute"/> (src or href) points to, resolved against the
    /// page, through the browser context (same cookies, no cache): status, media type and body.
    /// </summary>
    public static async Task<(int Status, string MediaType, byte[] Body)> FetchAsync(IPage page, ILocator element, string attribute)
    {
        var url = await element.EvaluateAsync<string>($"e => new URL(e.getAttribute('{attribute}'), document.baseURI).href");
        var response = await page.Context.APIRequest.GetAsync(url);
        var type = response.Headers.TryGetValue("content-type", out var t) ? t.Split(';')[0].Trim() : "";
        return (response.Status, type, await response.BodyAsync());
    }

    /// <summary>True when the image was decoded by the browser (it has a natural width).</summary>
    public static Task<bool> LoadedAsync(ILocator image) =>
        image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0");

    /// <summary>The PNG's width and height from its IHDR chunk; throws unless <paramref name="png"/> starts with the PNG signature.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        return (BigEndian(png, 16), BigEndian(png, 20));
    }

    /// <summary>A .docx whose body is <paramref name="paragraphs"/>, one Word paragraph each.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A file of the repository's <c>tests/data</c>.</summary>
    public static string TestData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No Parley.slnx above the tests."), "tests", "data", relative);
    }

    /// <summary>The outermost elements that stick out of the viewport, to say what to fix.</summary>
    public static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1 || e.parentElement === document.body)
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """);

    /// <summary>The serious and critical violations of an axe scan of the page as it is, one line each.</summary>
    public static async Task<string> SeriousAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return string.Join("\n", result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }
}
