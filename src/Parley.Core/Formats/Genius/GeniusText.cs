using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// Turns the bytes of a GENIUS file into text. A byte-order mark wins; then the encoding named by an XML declaration;
/// then strict UTF-8; and when the bytes are not valid UTF-8, Windows-1252 (GENIUS files written on Windows carry
/// no declaration). Nothing is guessed beyond that order.
/// </summary>
public static partial class GeniusText
{
    static GeniusText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/> as described above.</summary>
    /// <exception cref="SourceProblemException">The declared encoding is unknown.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false).GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var declared = Declaration().Match(head);
        if (declared.Success)
        {
            try
            {
                return Encoding.GetEncoding(declared.Groups[1].Value).GetString(bytes);
            }
            catch (ArgumentException e)
            {
                throw new SourceProblemException(file, 1, 1, "?xml", $"unknown encoding '{declared.Groups[1].Value}'", e);
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex Declaration();
}
