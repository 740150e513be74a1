using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Drafting;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using Parley.Data.History;
using Parley.Data.Mapping;
using Parley.Data.Rows;

namespace Parley.Data.Drafting;

/// <summary>
/// Keeps successive versions of drafts in a negotiation. Adding a version checks the draft's rules (label new, date not
/// before the versions before it — <see cref="DraftHistory.CheckNext"/>), writes the row and appends a
/// <c>draft.version-added</c> history entry in one transaction holding the writer lock, as <see cref="NegotiationStore"/>
/// does for the talks. Not thread-safe (one per request).
/// </summary>
/// <param name="db">The database, already migrated.</param>
/// <param name="clock">Source of record time for the history log.</param>
public sealed class DraftStore(ParleyDbContext db, TimeProvider clock)
{
    private readonly HistoryLog _history = new(db, clock);

    private DbSet<DraftVersionRow> Rows => db.Set<DraftVersionRow>();

    /// <summary>
    /// Adds <paramref name="version"/> as the newest version of draft <paramref name="draft"/> (created by its first version).
    /// History: <c>draft.version-added</c>, the change holding the whole version with its text. False when the negotiation
    /// does not exist.
    /// </summary>
    /// <exception cref="ArgumentException">The draft key is malformed or the actor blank.</exception>
    /// <exception cref="RuleRefusal">
    /// The label is used or the date is before an earlier version's (field <c>version</c> or <c>date</c>), or the text links to
    /// an issue or option the negotiation does not have (field <c>text</c>, each link as <c>line:column: message</c>;
    /// <see cref="DraftLinks"/>) — such a draft would make the negotiation's scenario export unreadable. Nothing is written.
    /// </exception>
    public async Task<bool> AddVersionAsync(string negotiationId, string draft, DraftVersion version, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        Key.Require(draft, nameof(draft));
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > 200)
            throw new ArgumentException("The actor must be named (at most 200 characters).", nameof(actor));
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (!await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct)) return false;
            var earlier = await Rows.AsNoTracking()
                .Where(r => r.NegotiationId == negotiationId && r.Draft == draft)
                .OrderBy(r => r.Ordinal)
                .Select(r => new { r.Version, r.Date })
                .ToListAsync(ct);
            DraftHistory.CheckNext(earlier.Select(e => (e.Version, e.Date)), version.Label, version.Date);
            await CheckLinksAsync(negotiationId, version, ct);
            var row = Row(negotiationId, draft, version, earlier.Count);
            Rows.Add(row);
            await _history.AppendAsync(negotiationId, actor, "draft.version-added", "draft-version", $"{draft}/{version.Label}",
                Core.Talks.Visibility.Shared, StoredJson.Write(Change(row)), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The drafts of a negotiation with their versions (no text), drafts by key (ordinal), versions oldest first.</summary>
    public async Task<IReadOnlyList<StoredDraft>> ListAsync(string negotiationId, CancellationToken ct = default)
    {
        var versions = await Summaries(Rows.AsNoTracking().Where(r => r.NegotiationId == negotiationId)).ToListAsync(ct);
        return versions
            .GroupBy(v => v.Draft, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StoredDraft(g.Key, g.OrderBy(v => v.Ordinal).ToArray()))
            .ToArray();
    }

    /// <summary>The versions of one draft (no text), oldest first; empty when the draft has none.</summary>
    public async Task<IReadOnlyList<StoredDraftVersion>> VersionsAsync(string negotiationId, string draft, CancellationToken ct = default) =>
        await Summaries(Rows.AsNoTracking().Where(r => r.NegotiationId == negotiationId && r.Draft == draft).OrderBy(r => r.Ordinal))
            .ToListAsync(ct);

    /// <summary>
    /// One version parsed, found by label (ignoring case, as labels are unique that way), or null. <c>latest</c> names the
    /// newest version.
    /// </summary>
    public async Task<DraftVersion?> LoadVersionAsync(string negotiationId, string draft, string version, CancellationToken ct = default)
    {
        var rows = Rows.AsNoTracking().Where(r => r.NegotiationId == negotiationId && r.Draft == draft);
        DraftVersionRow? row;
        if (string.Equals(version, "latest", StringComparison.OrdinalIgnoreCase))
        {
            row = await rows.OrderByDescending(r => r.Ordinal).FirstOrDefaultAsync(ct);
        }
        else
        {
            var label = version.Trim();
            // Labels are few per draft; matching in memory keeps the case rule identical on both providers.
            var labels = await rows.Select(r => r.Version).ToListAsync(ct);
            var match = labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
            row = match is null ? null : await rows.SingleAsync(r => r.Version == match, ct);
        }
        return row is null ? null : ToVersion(row);
    }

    /// <summary>Every version of a draft, parsed, oldest first; null when the draft has no version.</summary>
    public async Task<DraftHistory?> LoadAsync(string negotiationId, string draft, CancellationToken ct = default)
    {
        var rows = await Rows.AsNoTracking()
            .Where(r => r.NegotiationId == negotiationId && r.Draft == draft)
            .OrderBy(r => r.Ordinal)
            .ToListAsync(ct);
        return rows.Count == 0 ? null : History(negotiationId, draft, rows);
    }

    /// <summary>
    /// Every draft of a negotiation with all its versions, parsed, drafts by key (ordinal) and versions oldest first, in one
    /// query: what a scenario file's <c>drafts:</c> section holds. Empty when it has none.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">A stored draft no longer forms a valid history.</exception>
    public async Task<IReadOnlyList<ScenarioDraft>> ScenarioAsync(string negotiationId, CancellationToken ct = default)
    {
        var rows = await Rows.AsNoTracking().Where(r => r.NegotiationId == negotiationId).ToListAsync(ct);
        return rows.GroupBy(r => r.Draft, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScenarioDraft(g.Key, History(negotiationId, g.Key, g.OrderBy(r => r.Ordinal).ToList())))
            .ToArray();
    }

    /// <summary>
    /// Stores a scenario's drafts inside <see cref="NegotiationStore.ImportAsync(Parley.Core.Talks.Negotiation, IReadOnlyList{Parley.Core.Settlement.PartyPreferences}, ScenarioGuarantees, IReadOnlyList{ScenarioDraft}, string, bool, CancellationToken)"/>'s
    /// transaction, after its changes are saved: each version as a row and a <c>draft.version-added</c> entry, as
    /// <see cref="AddVersionAsync"/> writes them.
    /// </summary>
    /// <exception cref="ArgumentException">Two drafts have the same key; the caller's transaction is then rolled back.</exception>
    internal async Task StoreScenarioInTransactionAsync(string negotiationId, IReadOnlyList<ScenarioDraft> drafts, string actor, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null || db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("A scenario's drafts are stored inside the import's transaction, after its changes are saved.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in drafts)
            if (!keys.Add(d.Key)) throw new ArgumentException($"Draft '{d.Key}' appears twice.", nameof(drafts));
        foreach (var draft in drafts)
        {
            for (var k = 0; k < draft.History.Versions.Count; k++)
            {
                // Each append reads the head the previous one saved, so the chain stays linear within the transaction.
                db.ChangeTracker.Clear();
                var version = draft.History.Versions[k];
                var row = Row(negotiationId, draft.Key, version, k);
                Rows.Add(row);
                await _history.AppendAsync(negotiationId, actor, "draft.version-added", "draft-version", $"{draft.Key}/{version.Label}",
                    Core.Talks.Visibility.Shared, StoredJson.Write(Change(row)), ct);
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private static IQueryable<StoredDraftVersion> Summaries(IQueryable<DraftVersionRow> rows) =>
        rows.Select(r => new StoredDraftVersion(r.Draft, r.Version, r.Ordinal, r.Date, r.Author, r.Format, r.Text.Length));

    private async Task CheckLinksAsync(string negotiationId, DraftVersion version, CancellationToken ct)
    {
        var rows = await db.Issues.AsNoTracking().Where(i => i.NegotiationId == negotiationId).OrderBy(i => i.Ordinal)
            .Select(i => new { i.Id, i.OptionsJson }).ToListAsync(ct);
        var issues = rows.Select(i => (i.Id, (IReadOnlyList<string>)StoredJson.Read<OptionJson[]>(i.OptionsJson).Select(o => o.Id).ToArray())).ToArray();
        var links = DraftLinks.Check(version.Document, issues);
        if (links.Count > 0)
            throw new RuleRefusal("text", string.Join("; ", links));
    }

    private static DraftVersionRow Row(string negotiationId, string draft, DraftVersion version, int ordinal) => new()
    {
        NegotiationId = negotiationId,
        Draft = draft,
        Version = version.Label,
        Ordinal = ordinal,
        Date = version.Date,
        Author = version.Author,
        Format = version.Document.Format,
        Text = version.Document.Text,
    };

    /// <summary>What the history entry of an added version holds: the whole version with its text.</summary>
    private static object Change(DraftVersionRow row) =>
        new { draft = row.Draft, version = row.Version, date = row.Date, author = row.Author, format = row.Format, text = row.Text };

    private static DraftHistory History(string negotiationId, string draft, List<DraftVersionRow> rows)
    {
        try
        {
            return new DraftHistory(rows.Select(ToVersion));
        }
        catch (ArgumentException e)
        {
            throw new ParleyDatabaseException($"Stored draft '{draft}' of '{negotiationId}' is not valid any more: {e.Message}", e);
        }
    }

    private static DraftVersion ToVersion(DraftVersionRow row) =>
        new(row.Version, row.Date, DraftParser.Parse(row.Text, row.Format), row.Author);
}
