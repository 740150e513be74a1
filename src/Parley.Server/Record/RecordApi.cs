using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Data;
using Parley.Data.Record;
using Parley.Server.Access;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;

namespace Parley.Server.Record;

/// <summary>
/// The verifiable record of a negotiation, for members to check it themselves (docs/storage.md, "The record"): its
/// signed checkpoint, every leaf hash (which reveal no entry), the entries the caller may read with their salts,
/// inclusion proofs for those, and consistency proofs between sizes. The instance key's public half is open to all;
/// the start-up verification is for administrators.
/// </summary>
public static class RecordApi
{
    /// <summary>The size and root of a negotiation's tree, its origin, and where to get the signed checkpoint.</summary>
    public sealed record RecordSummary(string Origin, long Size, string Root, DateTimeOffset SignedAt, string Checkpoint);

    /// <summary>All leaf hashes (hex), in index order: enough to recompute the root without reading any entry.</summary>
    public sealed record RecordLeaves(long Size, IReadOnlyList<string> Leaves);

    /// <summary>An entry the caller may read, with its salt, entry hash, leaf hash and canonical bytes (base64).</summary>
    public sealed record RecordEntryView(HistoryEntry Entry, string LeafHash, string Canonical);

    /// <summary>An inclusion proof: the entry's leaf and the audit path up to the root of the tree of <c>treeSize</c> entries.</summary>
    public sealed record InclusionView(long Index, long TreeSize, string LeafHash, string Root, IReadOnlyList<string> Path);

    /// <summary>A consistency proof between the trees of <c>first</c> and <c>second</c> entries.</summary>
    public sealed record ConsistencyView(long First, long Second, string FirstRoot, string SecondRoot, IReadOnlyList<string> Path);

    /// <summary>The instance's checkpoint key: its name (origins are <c>{name}/{negotiation}</c>), key ID and public key.</summary>
    public sealed record KeyView(string Name, string KeyId, string PublicKeyPem);

    /// <summary>Maps <c>/api/negotiations/{id}/record</c> and <c>/api/record</c>.</summary>
    public static RouteGroupBuilder MapRecordApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}/record").WithTags("Record").WithRefusals();
        api.MapGet("", Summary).WithName("GetRecord").WithSummary("The tree's size and root, as of the latest signed checkpoint.")
            .Requires(Permission.ReadTalks);
        api.MapGet("checkpoint", CheckpointNote).WithName("GetCheckpoint")
            .WithSummary("The latest signed checkpoint (C2SP tlog-checkpoint, signed note): save it to check the record later.")
            .Requires(Permission.ReadTalks);
        api.MapGet("leaves", Leaves).WithName("GetRecordLeaves").WithSummary("Every leaf hash, in order; they reveal no entry.")
            .Requires(Permission.ReadTalks);
        api.MapGet("entries/{index:long}", Entry).WithName("GetRecordEntry")
            .WithSummary("One entry the caller may read, with its salt and canonical form; 404 for one it may not.")
            .Requires(Permission.ReadTalks);
        api.MapGet("entries/{index:long}/proof", Inclusion).WithName("GetInclusionProof")
            .WithSummary("The inclusion proof of an entry the caller may read, in the tree of 'size' entries (default: all).")
            .Requires(Permission.ReadTalks);
        api.MapGet("consistency", Consistency).WithName("GetConsistencyProof")
            .WithSummary("The proof that the tree of 'from' entries is a prefix of the tree of 'to' entries (default: all).")
            .Requires(Permission.ReadTalks);
        var instance = app.MapGroup("api/record").WithTags("Record").WithRefusals();
        instance.MapGet("key", Key).WithName("GetRecordKey").WithSummary("The instance's checkpoint key (public half).")
            .AllowAnonymousBecause("the public half of the checkpoint key: anyone holding a checkpoint verifies with it");
        instance.MapGet("verification", Verification).WithName("GetRecordVerification")
            .WithSummary("The verification of every record made at start (or now, with ?refresh=true).")
            .Requires(InstanceRequirement.Administrator);
        return api;
    }

    private static async Task<Results<Ok<RecordSummary>, NotFound>> Summary(string id, RecordStore record, RecordKey key, CancellationToken ct)
    {
        if (await record.CheckpointAsync(id, key, ct) is not { } latest) return TypedResults.NotFound();
        var body = latest.Checkpoint;
        return TypedResults.Ok(new RecordSummary(body.Origin, body.Size, body.Root.ToString(), latest.SignedAt, $"/api/negotiations/{id}/record/checkpoint"));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> CheckpointNote(string id, RecordStore record, RecordKey key, HttpContext http, CancellationToken ct)
    {
        if (await record.CheckpointAsync(id, key, ct) is not { } latest) return TypedResults.NotFound();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-checkpoint-{latest.TreeSize}.txt\"";
        return TypedResults.Content(latest.Note, "text/plain", Encoding.UTF8);
    }

    private static async Task<Ok<RecordLeaves>> Leaves(string id, RecordStore record, CancellationToken ct)
    {
        var leaves = await record.LeavesAsync(id, ct);
        return TypedResults.Ok(new RecordLeaves(leaves.Count, leaves.Select(l => l.ToString()).ToArray()));
    }

    private static async Task<Results<Ok<RecordEntryView>, NotFound>> Entry(string id, long index, CurrentViewer viewer, RecordStore record, CancellationToken ct)
    {
        if (await ReadableAsync(id, index, viewer, record, ct) is not { } entry) return TypedResults.NotFound();
        var leaf = RecordEntry.Leaf(Core.Record.Hash32.Parse(entry.EntryHash));
        return TypedResults.Ok(new RecordEntryView(entry, leaf.ToString(), entry.IsErased ? "" : Convert.ToBase64String(RecordEntry.Canonical(entry))));
    }

    private static async Task<Results<Ok<InclusionView>, NotFound>> Inclusion(
        string id, long index, CurrentViewer viewer, RecordStore record, long? size = null, CancellationToken ct = default)
    {
        if (await ReadableAsync(id, index, viewer, record, ct) is null) return TypedResults.NotFound();
        if (size is < 1) throw new InvalidInputException("size", "must be at least 1");
        if (await record.InclusionProofAsync(id, index, size, ct) is not { } proof)
            throw new InvalidInputException("size", $"entry {index} is not in a tree of {size} entries");
        return TypedResults.Ok(new InclusionView(proof.Index, proof.TreeSize, proof.LeafHash.ToString(), proof.Root.ToString(),
            proof.Path.Select(h => h.ToString()).ToArray()));
    }

    private static async Task<Ok<ConsistencyView>> Consistency(string id, long from, RecordStore record, long? to = null, CancellationToken ct = default)
    {
        if (await record.ConsistencyProofAsync(id, from, to, ct) is not { } proof)
            throw new InvalidInputException("from", $"needs 1 ≤ from ≤ to ≤ the tree's size ({await record.SizeAsync(id, ct)})");
        return TypedResults.Ok(new ConsistencyView(proof.First, proof.Second, proof.FirstRoot.ToString(), proof.SecondRoot.ToString(),
            proof.Path.Select(h => h.ToString()).ToArray()));
    }

    private static Ok<KeyView> Key(RecordKey key) => TypedResults.Ok(new KeyView(key.Name, key.KeyId.ToString("x8"), key.PublicKeyPem));

    private static async Task<Ok<RecordVerification>> Verification(RecordCheck check, bool refresh = false, CancellationToken ct = default) =>
        TypedResults.Ok(await check.ResultAsync(refresh, ct));

    /// <summary>The entry, when there is one at that index and the viewer may read it (the one rule: <see cref="TalksReader.CanRead"/>).</summary>
    private static async Task<HistoryEntry?> ReadableAsync(string id, long index, CurrentViewer viewer, RecordStore record, CancellationToken ct) =>
        await record.EntryAsync(id, index, ct) is { } entry && TalksReader.CanRead(viewer.Viewer, entry) ? entry : null;
}
