using Parley.Core.Formats.Scenario;
using Parley.Server.Infrastructure;

namespace Parley.Server.Drafting;

/// <summary>
/// The demo's draft framework: draft <c>berlin-framework</c>, version "15 Dec" (tabled by the US mediators on 15 Dec 2025),
/// in the <c>drafts:</c> section of scenarios/berlin-2025.yaml. <see cref="DemoSeed"/> stores it with the rest of the
/// scenario, in the same import.
/// </summary>
public static class BerlinDraftSeed
{
    /// <summary>The draft's key in the demo negotiation.</summary>
    public const string Draft = "berlin-framework";

    /// <summary>The draft's text (Markdown), as the embedded demo scenario holds it.</summary>
    public static string Markdown()
    {
        var read = ScenarioReader.Read(DemoSeed.BerlinYaml(), "berlin-2025.yaml");
        var draft = read.Drafts.FirstOrDefault(d => d.Key == Draft)
            ?? throw new InvalidOperationException("The embedded Berlin demo has no draft '" + Draft + "': " + string.Join("; ", read.Errors));
        return draft.History.Versions[0].Document.Text;
    }
}
