using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Server.Tests.Fuzz;

/// <summary>A request to send: method, URL, headers and body, and the mutations that made it (for the replay line).</summary>
public sealed record FuzzRequest(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body, string? ContentType, string Applied)
{
    /// <summary>A file body (scenario, draft, .docx, CSV) sent as bytes instead of <see cref="Body"/>.</summary>
    public byte[]? Raw { get; init; }

    /// <summary>The request as a replayable line (body cut to 300 characters).</summary>
    public override string ToString() =>
        $"{Method} {Url} [{Applied}] headers: {string.Join("; ", Headers.Select(h => $"{h.Name}: {Cut(h.Value)}"))} content-type: {ContentType} body: {(Raw is null ? Cut(Body) : $"{Raw.Length:N0} bytes (replay: the same seed and index)")}";

    private static string? Cut(string? s) => s is { Length: > 300 } ? s[..300] + $"… ({s.Length:N0} chars)" : s;
}

/// <summary>
/// Makes a request for an operation from its schema, then spoils it: wrong types, huge strings, unknown enum values,
/// bad dates, non-numbers in number slots, long and odd ids, extra and missing fields, broken JSON, deep nesting, odd
/// headers. One to three mutations per request; some requests are sent unspoiled. Half the calls of an endpoint that takes a
/// file send a spoiled real file instead (<see cref="FileBodies"/>).
/// </summary>
public sealed class RequestMutator(OpenApiOperations api, FileBodies files)
{
    private static readonly string[] OddValues = ["abc", "", " ", "-1", "0", "99999999999999999999", "1e309", "NaN", "2025-02-30T25:61:00Z", "9999-12-31T23:59:59Z",
        "0001-01-01", "null", "true", "[]", "{}", "%00", "..%2F..%2F", "💥", "\u202Eevil", "ua,ru", "party:", "party:nobody", "mediator ", "SHARED", "' OR 1=1 --",
        new string('x', 5_000), new string('9', 400), "-9223372036854775809", "P1Y", "1.5", "+1", "0x1F", "Infinity"];

    private static readonly string[] QueryNames = ["from", "to", "asOf", "as", "format", "viewer", "party", "page", "limit", "offset", "since", "version", "a", "b",
        "top", "issue", "kind", "status", "size", "start", "end", "first", "count", "tree", "old", "new"];

    private static readonly string[] HeaderNames = ["X-Parley-Actor", "Accept", "If-None-Match", "If-Modified-Since", "Accept-Language", "X-Forwarded-For",
        "Range", "Content-Language", "X-Requested-With", "Origin", "Cookie"];

    /// <summary>The request for input <paramref name="random"/> over <paramref name="operations"/>.</summary>
    public FuzzRequest Next(IReadOnlyList<ApiOperation> operations, Random random)
    {
        var op = operations[random.Next(operations.Count)];
        if (random.Next(5) == 0 && operations.Where(files.Accepts).ToList() is { Count: > 0 } fileOps) op = fileOps[random.Next(fileOps.Count)];
        var applied = new List<string>();
        var path = new Dictionary<string, string>();
        var query = new List<(string, string)>();
        var headers = new List<(string, string)>();
        foreach (var p in op.Parameters)
        {
            var value = OpenApiOperations.Known.TryGetValue(p.Name, out var known) ? known : Text(api.Sample(p.Schema, random));
            if (p.In == "path") path[p.Name] = value;
            else if (p.In == "query" && random.Next(2) == 0) query.Add((p.Name, value));
            else if (p.In == "header") headers.Add((p.Name, value));
        }
        if (random.Next(2) == 0 && files.For(op, random) is var (raw, rawType, rawQuery, rawApplied))
        {
            var target = op.Path;
            foreach (var (k, v) in path) target = target.Replace("{" + k + "}", Uri.EscapeDataString(v), StringComparison.Ordinal);
            return new FuzzRequest(op.Method, target + rawQuery, headers, null, rawType, rawApplied) { Raw = raw };
        }
        var body = op.BodySchema is null ? null : api.Sample(op.BodySchema, random);
        var bodyText = body?.ToJsonString();
        var contentType = op.BodyType;
        var mutations = random.Next(5) == 0 ? 0 : 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(9))
            {
                case 0 when path.Count > 0:
                    var key = path.Keys.ElementAt(random.Next(path.Count));
                    path[key] = Odd(random);
                    applied.Add($"path {key}");
                    break;
                case 1:
                    var name = op.Parameters.Where(p => p.In == "query").Select(p => p.Name).Concat(QueryNames).ElementAt(random.Next(op.Parameters.Count(p => p.In == "query") + QueryNames.Length));
                    query.Add((name, Odd(random)));
                    applied.Add($"query {name}");
                    break;
                case 2:
                    var header = HeaderNames[random.Next(HeaderNames.Length)];
                    headers.Add((header, random.Next(3) == 0 ? new string('a', 10_000) : Odd(random)));
                    applied.Add($"header {header}");
                    break;
                case 3 or 4 when body is JsonObject obj && obj.Count > 0:
                    var field = obj.ElementAt(random.Next(obj.Count)).Key;
                    obj[field] = OddJson(random);
                    bodyText = body.ToJsonString();
                    applied.Add($"body field {field}");
                    break;
                case 5 when body is JsonObject obj2:
                    obj2[random.Next(2) == 0 ? "unknownField" : QueryNames[random.Next(QueryNames.Length)]] = OddJson(random);
                    if (obj2.Count > 1 && random.Next(2) == 0) obj2.Remove(obj2.ElementAt(random.Next(obj2.Count)).Key);
                    bodyText = body.ToJsonString();
                    applied.Add("body fields added/removed");
                    break;
                case 6:
                    bodyText = random.Next(4) switch
                    {
                        0 => new string('[', 5_000) + new string(']', 5_000),
                        1 => (bodyText ?? "{}")[..Math.Max(0, (bodyText ?? "{}").Length - 1 - random.Next(3))],
                        2 => "",
                        _ => "{\"a\":" + new string('"', 1) + new string('x', 200_000) + "\"}",
                    };
                    applied.Add("body broken");
                    break;
                case 7:
                    contentType = new[] { "text/plain", "application/yaml", "application/json; charset=utf-7", "multipart/form-data", "application/xml", "garbage/", "text/csv" }[random.Next(7)];
                    applied.Add($"content-type {contentType}");
                    break;
                default:
                    body = OddJson(random);
                    bodyText = body?.ToJsonString() ?? "null";
                    contentType ??= "application/json";
                    applied.Add("body replaced");
                    break;
            }
        }
        var url = op.Path;
        foreach (var (k, v) in path) url = url.Replace("{" + k + "}", Uri.EscapeDataString(v), StringComparison.Ordinal);
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", "x"); // parameters the document did not list
        if (query.Count > 0) url += "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Item1)}={Uri.EscapeDataString(q.Item2)}"));
        return new FuzzRequest(op.Method, url, headers, bodyText, bodyText is null ? null : contentType ?? "application/json",
            applied.Count == 0 ? "unspoiled" : string.Join(", ", applied));
    }

    private static string Odd(Random random) => OddValues[random.Next(OddValues.Length)];

    private static JsonNode? OddJson(Random random) => random.Next(8) switch
    {
        0 => JsonValue.Create(Odd(random)),
        1 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : -1),
        2 => JsonValue.Create(1e308),
        3 => null,
        4 => new JsonArray(JsonValue.Create(Odd(random)), null),
        5 => new JsonObject { ["nested"] = JsonValue.Create(Odd(random)) },
        6 => JsonValue.Create(random.Next(2) == 0),
        _ => JsonValue.Create(new string('y', 100_000)),
    };

    private static string Text(JsonNode? node) => node switch
    {
        null => "x",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
