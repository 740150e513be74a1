using System.Text;

namespace Parley.Core.Formats;

/// <summary>
/// Reads a text export that does not say its encoding (ACLED and UCDP CSV). A byte-order mark wins (UTF-8, UTF-16);
/// otherwise the bytes must be valid UTF-8, and a file that is not — typically an export re-saved by Excel on
/// Windows — is read again, whole, as Windows-1252. Nothing is decoded with replacement characters, which would
/// change place and actor names without a word.
/// </summary>
public static class ExportText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252, the fallback for bytes that are not UTF-8.</summary>
    public static Encoding Windows1252 { get; } = CodePage(1252);

    private static Encoding CodePage(int number)
    {
        // .NET ships the Windows code pages but only decodes them once their provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(number);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the text of a stream from <paramref name="open"/>: as UTF-8 (or the encoding a
    /// byte-order mark names) and, when that meets bytes that are not UTF-8, once more from the start on a new stream
    /// as Windows-1252. <paramref name="read"/> must not keep anything from a reading that fails.
    /// </summary>
    /// <returns>The result of the reading that finished, and the encoding it used.</returns>
    public static (T Result, Encoding Encoding) Read<T>(Func<Stream> open, Func<TextReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            using var reader = new StreamReader(open(), StrictUtf8, detectEncodingFromByteOrderMarks: true);
            var result = read(reader);
            return (result, reader.CurrentEncoding);
        }
        catch (DecoderFallbackException)
        {
            using var reader = new StreamReader(open(), Windows1252, detectEncodingFromByteOrderMarks: false);
            return (read(reader), Windows1252);
        }
    }
}
