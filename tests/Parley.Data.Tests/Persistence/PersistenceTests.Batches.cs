using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Talks;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

// Group commit: talks changes arriving together are written in one transaction, each failing alone.
public abstract partial class PersistenceTests
{
    private static Statement Said(string id, int minute, Visibility visibility = default) =>
        new(id, Samples.At(12, 20, 9, 0).AddMinutes(minute), $"Statement {id}.", ["ua"], visibility: visibility);

    /// <summary>
    /// Starts one write per statement at once, each on its own context, while another transaction holds
    /// the writer lock, so that they queue and are written together once it is released. Returns each writer's outcome.
    /// </summary>
    private Task<Task<bool>[]> WriteTogetherAsync(IReadOnlyList<Statement> statements, INegotiationVersions? versions = null,
        History.IHistoryListener? listener = null) =>
        WriteTogetherAsync(statements.Select(s => (Func<NegotiationStore, Task<bool>>)(store => store.AddStatementAsync("small", s, "writer"))).ToArray(),
            versions, listener);

    /// <summary>As above, for any talks changes.</summary>
    private async Task<Task<bool>[]> WriteTogetherAsync(IReadOnlyList<Func<NegotiationStore, Task<bool>>> changes, INegotiationVersions? versions = null,
        History.IHistoryListener? listener = null)
    {
        await using var holder = Open();
        var holding = await holder.BeginWriteAsync(CancellationToken.None);
        var start = new TaskCompletionSource();
        var writes = changes.Select(change => Task.Run(async () =>
        {
            await start.Task;
            await using var db = Open();
            db.HistoryListener = listener;
            return await change(new NegotiationStore(db, Clock, versions));
        })).ToArray();
        start.SetResult();
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // let them queue (the assertions hold however they are grouped)
        await holding.CommitAsync();
        await holding.DisposeAsync();
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        return writes;
    }

    [Fact]
    public async Task ChangesArrivingTogether_OneRefusedByTheRules_FailsAloneAndTheOthersAreStored()
    {
        await ImportAsync(Samples.Small());
        // Every fifth write repeats the id of the one before it: the talks' rules refuse whichever comes second.
        var statements = Enumerable.Range(0, 30).Select(i => Said(i % 5 == 4 ? $"said-{i - 1}" : $"said-{i}", i)).ToArray();

        var writes = await WriteTogetherAsync(statements);

        var refused = writes.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException).ToArray();
        Assert.Equal(6, refused.Length);
        Assert.All(refused, e => Assert.Contains("duplicate statement id", Assert.IsType<RuleRefusal>(e).Message, StringComparison.Ordinal));
        Assert.All(writes.Where(w => !w.IsFaulted), w => Assert.True(w.Result));
        var stored = (await LoadAsync("small"))!.Statements.Select(s => s.Id).Where(id => id.StartsWith("said-", StringComparison.Ordinal));
        Assert.Equal(statements.Select(s => s.Id).Distinct().Order(), stored.Order());
        Assert.Equal(24, (await HistoryAsync("small")).Count(h => h.Action == "statement.added"));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task ChangesArrivingTogether_TwoAnswersToOneProposal_BothStoredWithTheStatementsBetween()
    {
        await ImportAsync(Samples.Small());
        // The proposal's row is written twice in one transaction, with other rows in between.
        Func<NegotiationStore, Task<bool>>[] changes =
        [
            store => store.AddStatementAsync("small", Said("before", 1), "writer"),
            store => store.RespondAsync("small", "p1", new Response("ua", ResponseKind.Accept, Samples.At(12, 15, 9, 0)), "writer"),
            store => store.AddStatementAsync("small", Said("between", 2), "writer"),
            store => store.RespondAsync("small", "p1", new Response("ru", ResponseKind.Reject, Samples.At(12, 15, 10, 0)), "writer"),
            store => store.AddStatementAsync("small", Said("after", 3), "writer"),
        ];

        var writes = await WriteTogetherAsync(changes);

        Assert.All(writes, w => Assert.True(w.Result));
        var stored = (await LoadAsync("small"))!;
        Assert.Equal([("ru", ResponseKind.Reject), ("ua", ResponseKind.Accept)],
            stored.FindProposal("p1")!.Responses.Select(r => (r.Party, r.Kind)).Order());
        Assert.Equal(["after", "before", "between"], stored.Statements.Select(s => s.Id).Where(id => id is "before" or "between" or "after").Order());
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task ChangesArrivingTogether_OneRefusedByTheDatabase_IsRolledBackAloneAndTheOthersAreStored()
    {
        await ImportAsync(Samples.Small());
        // The database refuses one change's history entry, after its statement row was written in the same transaction.
        await RefuseHistoryOfSaidRefusedAsync();
        var statements = Enumerable.Range(0, 12).Select(i => Said(i == 5 ? "said-refused" : $"said-{i}", i)).ToArray();
        var versions = new HeldVersions();
        versions.Hold(await WithStore(s => s.HeadAsync("small")), (await LoadAsync("small"))!);

        var writes = await WriteTogetherAsync(statements, versions);

        var refused = Assert.Single(writes, w => w.IsFaulted);
        Assert.Same(writes[5], refused);
        Assert.IsType<DbUpdateException>(refused.Exception!.InnerException);
        var stored = (await LoadAsync("small"))!.Statements.Select(s => s.Id).Where(id => id.StartsWith("said-", StringComparison.Ordinal));
        Assert.DoesNotContain("said-refused", stored);
        Assert.Equal(11, stored.Count());
        Assert.Equal(11, (await HistoryAsync("small")).Count(h => h.Action == "statement.added"));
        // What the writers handed over to be kept in memory is what is stored, at the stored head.
        Assert.Equal(await WithStore(s => s.HeadAsync("small")), versions.Head);
        Assert.Equal((await LoadAsync("small"))!.Statements.Select(s => s.Id), versions.Negotiation!.Statements.Select(s => s.Id));
        var verdict = await VerifyAsync();
        Assert.True(verdict.Ok, string.Join("; ", verdict.Negotiations.SelectMany(n => n.Findings).Select(f => f.Place + ": " + f.Message)));
    }

    /// <summary>A trigger that makes the database refuse the history entry of the item <c>said-refused</c>.</summary>
    private async Task RefuseHistoryOfSaidRefusedAsync()
    {
        await using var db = Open();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_history() RETURNS trigger AS $$
                BEGIN IF NEW.item_id = 'said-refused' THEN RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_history BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION refuse_history();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_history BEFORE INSERT ON history WHEN NEW.item_id = 'said-refused' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END;");
        }
    }

    /// <summary>One negotiation held in memory at one head, as the server's read cache holds it.</summary>
    private sealed class HeldVersions : INegotiationVersions
    {
        public long Head { get; private set; }

        public Negotiation? Negotiation { get; private set; }

        public void Hold(long head, Negotiation negotiation) => (Head, Negotiation) = (head, negotiation);

        public Negotiation? Find(string id, long head) => head == Head ? Negotiation : null;

        public void Committing(string id) { }

        public void Committed(string id, long previousHead, long head, Negotiation negotiation)
        {
            if (previousHead == Head) Hold(head, negotiation);
        }

        public void Abandoned(string id) { }
    }
}
