using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;

namespace Parley.Cli.Drafting;

/// <summary>Reads a draft file for the CLI: .docx through the importer, .md/.markdown as Markdown, anything else as plain text.</summary>
internal static class DraftInput
{
    /// <summary>Loads and parses <paramref name="path"/>; on failure returns null and a message fit for the user.</summary>
    public static (DraftDocument? Document, string? Error) Load(string path, string? format)
    {
        if (Directory.Exists(path)) return (null, $"{path}: is a directory, not a draft file");
        if (!File.Exists(path)) return (null, $"{path}: file not found");
        try
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".docx")
            {
                using var stream = File.OpenRead(path);
                var import = DocxDraftImporter.Import(stream);
                return import.Error is not null ? (null, $"{path}: {import.Error}") : Checked(path, import.Markdown!, DraftFormat.Markdown);
            }
            var draftFormat = format?.ToLowerInvariant() switch
            {
                "md" or "markdown" => DraftFormat.Markdown,
                "text" or "plain" => DraftFormat.PlainText,
                _ => extension is ".md" or ".markdown" ? DraftFormat.Markdown : DraftFormat.PlainText,
            };
            NoCollections.ForDraft(new FileInfo(path).Length);
            // The opening brackets are counted as the file is read: a 50 MB draft is not read once more just for them.
            var text = TextFiles.ReadAllText(path, (byte)'[', out long opens);
            return DraftLimits.Refusal(opens) is { } refusal ? (null, $"{path}: {refusal}") : (DraftParser.Parse(text, draftFormat), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot be read: {e.Message}");
        }
    }

    /// <summary>The draft read from <paramref name="text"/>, or the reason it is not read (<see cref="DraftLimits"/>).</summary>
    private static (DraftDocument? Document, string? Error) Checked(string path, string text, DraftFormat format) =>
        DraftLimits.Refusal(text) is { } refusal ? (null, $"{path}: {refusal}") : (DraftParser.Parse(text, format), null);
}
