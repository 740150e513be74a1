using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Core.Access;
using Parley.Core.Record;

namespace Parley.Server.Tests.Record;

/// <summary>
/// A delegation checks the record itself, as docs/storage.md ("The record") tells another tool to: the checkpoint's
/// signature with the instance's public key, the root from every leaf, each entry it may read rebuilt from its fields
/// and salt, and its inclusion proof — and it is never handed an entry it may not read.
/// </summary>
public sealed class RecordApiTests : IAsyncLifetime
{
    private const string Talks = "/api/negotiations/berlin-2025";
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;

    public async Task InitializeAsync() => _factory = new ParleyFactory(await _database.CreateAsync());

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task Delegation_VerifiesCheckpointAndEveryEntryItMayRead_AndGetsNoOther()
    {
        using var ua = _factory.ClientAs("ua-delegate", MemberRole.Delegation, "ua");
        using var mediator = _factory.CreateClient();

        var (size, root) = await VerifiedCheckpointAsync(ua);
        var leaves = JsonNode.Parse(await ua.GetStringAsync($"{Talks}/record/leaves"))!["leaves"]!.AsArray().Select(l => Hash32.Parse(l!.GetValue<string>())).ToArray();
        Assert.Equal(size, leaves.Length);
        Assert.Equal(root, new MerkleTree(leaves).Root());

        var readable = JsonNode.Parse(await ua.GetStringAsync($"{Talks}/history"))!.AsArray();
        Assert.NotEmpty(readable);
        foreach (var entry in readable)
        {
            var index = entry!["index"]!.GetValue<long>();
            Assert.Equal(leaves[index], Leaf(entry));
            var proof = JsonNode.Parse(await ua.GetStringAsync($"{Talks}/record/entries/{index}/proof?size={size}"))!;
            Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[index], Path(proof), root), $"entry {index}'s proof");
        }

        // Russia's profile, the mediator's import and the memberships are in the tree but never handed to Ukraine.
        var all = JsonNode.Parse(await mediator.GetStringAsync($"{Talks}/history"))!.AsArray();
        var hidden = all.Where(e => e!["visibility"]!.GetValue<string>() is not ("shared" or "party:ua")).ToArray();
        Assert.Contains(hidden, e => e!["visibility"]!.GetValue<string>() == "party:ru");
        Assert.Equal(all.Count - hidden.Length, readable.Count);
        foreach (var entry in hidden)
        {
            var index = entry!["index"]!.GetValue<long>();
            Assert.Equal(HttpStatusCode.NotFound, (await ua.GetAsync($"{Talks}/record/entries/{index}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ua.GetAsync($"{Talks}/record/entries/{index}/proof")).StatusCode);
            Assert.Equal(leaves[index], Leaf(entry)); // the mediator can rebuild it; Ukraine holds only its hash
        }
    }

    [Fact]
    public async Task Checkpoint_AfterAChange_IsSignedAgainAndConsistentWithTheOneSavedBefore()
    {
        using var ua = _factory.ClientAs("ua-delegate", MemberRole.Delegation, "ua");
        var (before, beforeRoot) = await VerifiedCheckpointAsync(ua);

        var statement = new { id = "st-record", text = "We table a note on the record.", signatories = new[] { "ua" } };
        Assert.Equal(HttpStatusCode.Created, (await ua.PostAsJsonAsync($"{Talks}/statements", statement)).StatusCode);
        var (after, afterRoot) = await VerifiedCheckpointAsync(ua);

        Assert.Equal(before + 1, after);
        var proof = JsonNode.Parse(await ua.GetStringAsync($"{Talks}/record/consistency?from={before}&to={after}"))!;
        Assert.True(MerkleProofs.VerifyConsistency(before, after, Path(proof), beforeRoot, afterRoot));
        Assert.False(MerkleProofs.VerifyConsistency(before, after, Path(proof), afterRoot, afterRoot));
    }

    [Fact]
    public async Task Verification_ForAdministratorsOnly_ReportsAnAlteredRow()
    {
        using var admin = _factory.CreateClient();
        using var mediator = _factory.ClientAs("plain-mediator", MemberRole.Mediator);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync("/api/record/verification")).StatusCode);
        Assert.True(JsonNode.Parse(await admin.GetStringAsync("/api/record/verification"))!["ok"]!.GetValue<bool>());

        await using (var db = Data.ParleyDatabase.Open(await _database.CreateAsync()))
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "UPDATE positions SET note = 'edited by hand' WHERE id = (SELECT id FROM positions ORDER BY id LIMIT 1)");
        var result = JsonNode.Parse(await admin.GetStringAsync("/api/record/verification?refresh=true"))!;

        Assert.False(result["ok"]!.GetValue<bool>());
        var finding = result["negotiations"]!.AsArray().SelectMany(n => n!["findings"]!.AsArray()).Single()!;
        Assert.Equal("positions", finding["table"]!.GetValue<string>());
        Assert.StartsWith("(berlin-2025, ", finding["row"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_ByAdministrator_ErasesContentsButKeepsTheTree_MediatorMayNot()
    {
        using var admin = _factory.CreateClient();
        using var mediator = _factory.ClientAs("plain-mediator", MemberRole.Mediator);
        var (size, root) = await VerifiedCheckpointAsync(admin);
        var saved = await admin.GetStringAsync($"{Talks}/record/checkpoint");

        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.DeleteAsync(Talks)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Talks)).StatusCode);

        await using var db = Data.ParleyDatabase.Open(await _database.CreateAsync());
        var history = await new Data.NegotiationStore(db, TimeProvider.System).HistoryAsync("berlin-2025");
        Assert.Equal(size + 1, history.Count);
        Assert.All(history.Take((int)size), e => Assert.True(e.IsErased && e.Change == "" && e.Actor == ""));
        Assert.Equal("negotiation.deleted", history[^1].Action);
        using var key = Data.Record.RecordKey.LoadOrCreate(ParleyFactory.RecordKeyFile);
        var verdict = await new Data.Record.RecordVerifier(db).VerifyAsync(key, "berlin-2025", saved);
        Assert.True(verdict.Ok, string.Join("; ", verdict.Negotiations.SelectMany(n => n.Findings).Select(f => $"{f.Place}: {f.Message}")));
        Assert.Equal(root, new MerkleTree(history.Take((int)size).Select(e => RecordLeaf(e.EntryHash))).Root());
    }

    /// <summary>Fetches the checkpoint and the public key and checks the signature with the BCL alone (signed note, ECDSA P-256, type 0x02).</summary>
    private static async Task<(long Size, Hash32 Root)> VerifiedCheckpointAsync(HttpClient client)
    {
        var key = JsonNode.Parse(await client.GetStringAsync("/api/record/key"))!;
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key["publicKeyPem"]!.GetValue<string>());
        var note = await client.GetStringAsync($"{Talks}/record/checkpoint");

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        var text = note[..(split + 1)];
        var lines = text.Split('\n');
        Assert.Equal($"{key["name"]!.GetValue<string>()}/berlin-2025", lines[0]);
        var signature = note[(split + 2)..].TrimEnd('\n').Split(' ');
        Assert.Equal(("—", lines[0]), (signature[0], signature[1]));
        var bytes = Convert.FromBase64String(signature[2]);
        Assert.Equal(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo())[..4], bytes[..4]);
        Assert.True(ecdsa.VerifyData(Encoding.UTF8.GetBytes(text), bytes[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
            "the checkpoint's signature");
        Assert.StartsWith("time ", lines[3]);
        return (long.Parse(lines[1], CultureInfo.InvariantCulture), new Hash32(Convert.FromBase64String(lines[2])));
    }

    /// <summary>The leaf of an entry rebuilt from its JSON fields: SHA-256(0x00 ‖ SHA-256(salt ‖ netstrings of the fields)).</summary>
    private static Hash32 Leaf(JsonNode entry)
    {
        string F(string name) => entry[name]!.GetValue<string>();
        var recordedAt = DateTimeOffset.Parse(F("recordedAt"), CultureInfo.InvariantCulture).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var canonical = new StringBuilder();
        foreach (var field in new[] { "parley-record-v1", F("negotiationId"), entry["index"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture),
                     F("actor"), recordedAt, F("action"), F("itemKind"), F("itemId"), F("visibility"), F("change"), F("rows") })
            canonical.Append(Encoding.UTF8.GetByteCount(field)).Append(':').Append(field).Append(',');
        var entryHash = SHA256.HashData([.. Convert.FromHexString(F("salt")), .. Encoding.UTF8.GetBytes(canonical.ToString())]);
        Assert.Equal(F("entryHash"), Convert.ToHexStringLower(entryHash));
        return RecordLeaf(F("entryHash"));
    }

    private static Hash32 RecordLeaf(string entryHash) => new(SHA256.HashData([0x00, .. Convert.FromHexString(entryHash)]));

    private static Hash32[] Path(JsonNode proof) => proof["path"]!.AsArray().Select(h => Hash32.Parse(h!.GetValue<string>())).ToArray();
}
