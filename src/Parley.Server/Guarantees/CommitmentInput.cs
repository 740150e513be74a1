using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Core.Formats;
using Parley.Core.Formats.Guarantees;
using Parley.Application.Infrastructure;
using Parley.Core.Guarantees;
using Parley.Server.Infrastructure;

namespace Parley.Server.Guarantees;

/// <summary>
/// The body of <c>POST /api/negotiations/{id}/commitments</c>: one commitment in the guarantees file's schema (JSON,
/// snake_case: docs/guarantees.md, "Guarantees file"), whose <c>provision</c> names the agreed provision it is made
/// from — <c>{draft, version, number}</c>, number counted from 1 as the drafts page shows it; the text is the stored
/// version's, never the request's.
/// </summary>
public static class CommitmentInput
{
    private const string Prefix = "commitments[0].";

    /// <summary>The provision cited and the commitment (without its source yet), or the problems of the body.</summary>
    /// <exception cref="InvalidInputException">The body is not a JSON object or its <c>provision</c> is missing or malformed.</exception>
    public static (string Draft, string Version, int Provision, Commitment? Commitment, IReadOnlyList<SourceProblem> Problems) Read(string body)
    {
        JsonObject commitment;
        try { commitment = JsonNode.Parse(body) as JsonObject ?? throw new InvalidInputException("body", "a commitment is a JSON object"); }
        catch (JsonException e) { throw new InvalidInputException("body", $"not JSON: {e.Message}"); }
        if (commitment["provision"] is not JsonObject provision)
            throw new InvalidInputException("provision", "a commitment made through the API names its agreed provision: {draft, version, number}");
        var draft = Text(provision, "draft");
        var version = Text(provision, "version");
        if (provision["number"] is not JsonValue n || !n.TryGetValue<int>(out var number) || number < 1)
            throw new InvalidInputException("provision.number", "a provision's number is a whole number from 1");
        if (provision.Select(p => p.Key).FirstOrDefault(k => k is not ("draft" or "version" or "number")) is { } extra)
            throw new InvalidInputException($"provision.{extra}", "unknown key; allowed: draft, version, number (the text is the stored version's)");
        commitment.Remove("provision");
        var file = new JsonObject { ["commitments"] = new JsonArray(commitment) }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var (read, errors) = GuaranteesFile.Read(new StringReader(file), "commitment");
        var problems = errors.Select(p => p.Field.StartsWith(Prefix, StringComparison.Ordinal)
            ? new SourceProblem(p.File, p.Line, p.Column, p.Field[Prefix.Length..], p.Message, p.Excerpt) : p).ToList();
        return (draft, version, number - 1, read?.Commitments.Single(), problems);
    }

    private static string Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s
            : throw new InvalidInputException($"provision.{key}", "required text");
}
