using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The text a reader gets from a response: the body as UTF-8, or for a Word document (the briefing) the text of its
/// paragraphs, one per line — a .docx is a zip, so a canary inside it is not in its bytes.
/// </summary>
public static class ResponseText
{
    /// <summary>The .docx media type.</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The response's text.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.Content.Headers.ContentType?.MediaType == Docx && bytes.Length > 0 ? OfDocx(bytes) : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The paragraphs of a .docx, one per line (table cells included).</summary>
    public static string OfDocx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
