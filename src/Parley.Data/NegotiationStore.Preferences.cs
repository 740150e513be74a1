using Parley.Core;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data.Mapping;
using Parley.Data.Rows;

namespace Parley.Data;

// Preference profiles (Settlement): one row per (negotiation, party), private to the party by default. Every
// change appends a history entry in the same transaction: preferences.set (the whole profile) or preferences.removed.
public sealed partial class NegotiationStore
{
    private DbSet<PreferenceProfileRow> Profiles => db.Set<PreferenceProfileRow>();

    /// <summary>The stored negotiation and its preference profiles (in the order stored), or null when there is none with this id.</summary>
    /// <exception cref="ParleyDatabaseException">The stored rows no longer form a valid negotiation or profile.</exception>
    public async Task<(Negotiation Negotiation, IReadOnlyList<PartyPreferences> Preferences)?> LoadWithPreferencesAsync(string id, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        if (await ReadAsync(id, ct) is not { } negotiation) return null;
        return (negotiation, await ReadPreferencesAsync(negotiation, ct));
    }

    /// <summary>Adds or replaces a party's profile. History: <c>preferences.set</c>. False when the negotiation does not exist.</summary>
    /// <exception cref="RuleRefusal">The profile names a party, issue or option the negotiation does not have; nothing is written.</exception>
    public async Task<bool> SetPreferencesAsync(string id, PartyPreferences preferences, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (await ReadAsync(id, ct) is not { } negotiation) return false;
            preferences.CheckAgainst(negotiation);
            var ordinals = await Profiles.AsNoTracking().Where(r => r.NegotiationId == id).Select(r => new { r.Id, r.Ordinal }).ToListAsync(ct);
            var held = ordinals.FirstOrDefault(r => r.Id == preferences.Party);
            var row = PreferenceMapping.Row(id, held?.Ordinal ?? (ordinals.Count == 0 ? 0 : ordinals.Max(r => r.Ordinal) + 1), preferences);
            if (held is null) db.Add(row);
            else db.Update(row);
            await _history.AppendAsync(id, actor, "preferences.set", "preferences", preferences.Party, preferences.Visibility, StoredJson.Write(row), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Removes a party's profile. History: <c>preferences.removed</c>. False when there is no such profile.</summary>
    public async Task<bool> RemovePreferencesAsync(string id, string party, string actor, CancellationToken ct = default)
    {
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (await Profiles.Where(r => r.NegotiationId == id && r.Id == party).ExecuteDeleteAsync(ct) == 0) return false;
            await _history.AppendAsync(id, actor, "preferences.removed", "preferences", party, Visibility.PrivateTo(party), StoredJson.Write(new { party }), ct,
                new Record.RowChanges().Row<PreferenceProfileRow>(id, party));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Inside an import's transaction, after its own entry is saved: one row and one history entry per profile.</summary>
    private async Task AddPreferencesAsync(string id, IReadOnlyList<PartyPreferences> preferences, string actor, CancellationToken ct)
    {
        for (var k = 0; k < preferences.Count; k++)
        {
            // Each append reads the head the previous one saved, so the chain stays linear within the transaction.
            db.ChangeTracker.Clear();
            var row = PreferenceMapping.Row(id, k, preferences[k]);
            db.Add(row);
            await _history.AppendAsync(id, actor, "preferences.set", "preferences", row.Id, preferences[k].Visibility, StoredJson.Write(row), ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<IReadOnlyList<PartyPreferences>> ReadPreferencesAsync(Negotiation negotiation, CancellationToken ct)
    {
        var rows = await Profiles.AsNoTracking().Where(r => r.NegotiationId == negotiation.Id).OrderBy(r => r.Ordinal).ToListAsync(ct);
        try
        {
            var profiles = rows.Select(PreferenceMapping.Profile).ToArray();
            foreach (var p in profiles) p.CheckAgainst(negotiation);
            return profiles;
        }
        catch (Exception e) when (e is RuleRefusal or ArgumentException or JsonException)
        {
            var field = e is RuleRefusal r ? $" ({r.Field})" : "";
            throw new ParleyDatabaseException($"A stored preference profile of '{negotiation.Id}' is not valid any more{field}: {e.Message}", e);
        }
    }
}
