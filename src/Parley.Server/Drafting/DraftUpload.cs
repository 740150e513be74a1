using Parley.Core;
using System.Globalization;
using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Core.Talks;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;

namespace Parley.Server.Drafting;

/// <summary>
/// Reads an uploaded version: a Markdown or plain-text body (UTF-8), a raw .docx body, or a multipart form with a
/// <c>file</c> part (.docx, .md, .txt) and the metadata as form fields. Metadata may also come in the query:
/// <c>version</c> (required), <c>date</c> (yyyy-MM-dd), <c>author</c>, <c>format</c> (md or text). Anything unusable is an
/// <see cref="InvalidInputException"/> naming the field (a 400), with line and column for text that is not UTF-8.
/// </summary>
internal static class DraftUpload
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the request into a parsed version (not yet stored).</summary>
    public static async Task<DraftVersion> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection? form = null;
        byte[] bytes;
        string? fileName = null, contentType = request.ContentType;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidInputException("body", "the multipart form cannot be read: " + e.Message);
            }
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new InvalidInputException("file", "the form has no file part (name it 'file')");
            fileName = file.FileName;
            contentType = file.ContentType;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        string? Field(string name) => form?[name].FirstOrDefault() is { Length: > 0 } f ? f : request.Query[name].FirstOrDefault();

        string label = Field("version") is { } v && !string.IsNullOrWhiteSpace(v) ? v
            : throw new InvalidInputException("version", "a version label is required (?version=… or a 'version' form field)");
        DateOnly? date = Field("date") is { } d
            ? DateOnly.TryParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
                : throw new InvalidInputException("date", $"'{d}' is not a date (yyyy-MM-dd)")
            : null;
        var document = Parse(bytes, fileName, contentType, Field("format"));
        try
        {
            return new DraftVersion(label, date, document, Field("author"));
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName == "author" ? "author" : "version";
            throw new InvalidInputException(field, e.Reason());
        }
    }

    /// <summary>Parses an uploaded file: .docx by its extension or media type, else UTF-8 Markdown or plain text.</summary>
    /// <exception cref="InvalidInputException">The file is empty, not UTF-8, not a readable .docx, or the format is unknown.</exception>
    internal static DraftDocument Parse(byte[] bytes, string? fileName, string? contentType, string? format)
    {
        string extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        string mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (bytes.Length == 0) throw new InvalidInputException("text", "the draft is empty");
        if (extension == ".docx" || mediaType == DocxType)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var import = DocxDraftImporter.Import(stream);
            if (import.Markdown is not { } markdown) throw new InvalidInputException("file", "not a readable .docx: " + import.Error);
            return Checked(markdown, DraftFormat.Markdown);
        }
        var draftFormat = format?.Trim().ToLowerInvariant() switch
        {
            null or "" => extension is ".txt" || mediaType == "text/plain" && extension is not (".md" or ".markdown")
                ? DraftFormat.PlainText : DraftFormat.Markdown,
            "md" or "markdown" => DraftFormat.Markdown,
            "text" or "plain" => DraftFormat.PlainText,
            _ => throw new InvalidInputException("format", $"'{format}' is not a format (md or text)"),
        };
        string text = Decode(bytes);
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidInputException("text", "the draft is empty");
        return Checked(text, draftFormat);
    }

    /// <summary>The draft read from <paramref name="text"/>, once it is within <see cref="DraftLimits"/>.</summary>
    private static DraftDocument Checked(string text, DraftFormat format) =>
        DraftLimits.Refusal(text) is { } refusal
            ? throw new InvalidInputException("text", refusal)
            : DraftParser.Parse(text, format);

    /// <summary>UTF-8 without guessing: a byte that is not UTF-8 is reported at its line and column.</summary>
    private static string Decode(byte[] bytes)
    {
        int start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            int at = Math.Clamp(start + Math.Max(e.Index, 0), 0, bytes.Length);
            var before = bytes.AsSpan(0, at);
            int line = 1 + before.Count((byte)'\n');
            int lineStart = before.LastIndexOf((byte)'\n') + 1;
            int column = 1 + StrictUtf8.GetCharCount(bytes, lineStart, at - lineStart);
            throw new InvalidInputException("text", $"{line}:{column}: the text is not UTF-8 (byte 0x{bytes[at]:X2})");
        }
    }
}
