using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Parley.Data.Rows;

namespace Parley.Data.History;

/// <summary>
/// The hash of an entry: lower-case hex SHA-256 of the UTF-8 canonical form, a JSON object with, in this order,
/// sequence, negotiation, actor, recordedAt (UTC, "yyyy-MM-ddTHH:mm:ss.ffffffZ"), action, itemKind, itemId,
/// change (as a string) and previousHash. The form depends only on stored values, so either provider verifies it.
/// </summary>
internal static class HistoryChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(HistoryRow row)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", row.Sequence);
            w.WriteString("negotiation", row.NegotiationId);
            w.WriteString("actor", row.Actor);
            w.WriteString("recordedAt", row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("action", row.Action);
            w.WriteString("itemKind", row.ItemKind);
            w.WriteString("itemId", row.ItemId);
            w.WriteString("change", row.Change);
            w.WriteString("previousHash", row.PreviousHash);
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
