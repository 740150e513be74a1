using System.Globalization;
using Parley.Core.Drafting;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Writes the <c>drafts:</c> section (docs/scenario-format.md, "Drafts"): each draft's key and its versions oldest first,
/// the text as a YAML literal block whenever that keeps it exact (<see cref="YamlOut.Block"/>). Defaults are left out:
/// the Markdown format, an unknown date or author.
/// </summary>
internal static class ScenarioDraftsWriter
{
    /// <summary>Writes <paramref name="drafts"/> in the order given; nothing when there is none.</summary>
    public static void Write(YamlOut y, IReadOnlyList<ScenarioDraft> drafts)
    {
        if (drafts.Count == 0) return;
        y.Key("drafts").BeginList();
        foreach (var draft in drafts)
        {
            y.BeginMap().Field("id", draft.Key).Key("versions").BeginList();
            foreach (var v in draft.History.Versions)
            {
                y.BeginMap().Field("label", v.Label);
                if (v.Date is { } date) y.Key("date").Plain(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (v.Author is { } author) y.Field("author", author);
                if (v.Document.Format != DraftFormat.Markdown) y.Key("format").Plain(ScenarioDraftsReader.Formats.Name(v.Document.Format));
                y.Key("text").Block(v.Document.Text);
                y.EndMap();
            }
            y.EndList().EndMap();
        }
        y.EndList();
    }
}
