using Parley.Core.Drafting;
using Parley.Data.Drafting;

namespace Parley.Server.Drafting;

/// <summary>The demo's draft framework (scenarios/drafts/berlin-framework-2025.md), stored with the Berlin scenario.</summary>
public static class BerlinDraftSeed
{
    /// <summary>The draft's key in the demo negotiation.</summary>
    public const string Draft = "berlin-framework";

    /// <summary>The draft's text, embedded in this assembly.</summary>
    public static string Markdown()
    {
        using var stream = typeof(BerlinDraftSeed).Assembly.GetManifestResourceStream("berlin-framework-2025.md")
            ?? throw new InvalidOperationException("The Berlin demo draft is not embedded in Parley.Server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Stores the draft as version "15 Dec" (tabled by the US mediators on 15 Dec 2025) of the demo negotiation.</summary>
    public static async Task AddAsync(IServiceProvider services, string negotiationId, CancellationToken ct)
    {
        var version = new DraftVersion("15 Dec", new DateOnly(2025, 12, 15), DraftParser.Parse(Markdown(), DraftFormat.Markdown), "us");
        await services.GetRequiredService<DraftStore>().AddVersionAsync(negotiationId, Draft, version, "parley-demo", ct);
    }
}
