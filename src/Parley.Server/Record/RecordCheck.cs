using Parley.Data;
using Parley.Data.Record;

namespace Parley.Server.Record;

/// <summary>
/// The server's check of every record (<see cref="RecordVerifier"/> with the instance key): run once in the background
/// when the server starts, logged, kept for administrators, re-run on request. A failed check does not stop the server
/// — the talks must go on — but it is logged as an error and shown to administrators.
/// </summary>
public sealed class RecordCheck(IServiceScopeFactory scopes, RecordKey key, ILogger<RecordCheck> log) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private RecordVerification? _last;

    /// <summary>The last result, or a fresh one when there is none yet or <paramref name="refresh"/> asks for it.</summary>
    public async Task<RecordVerification> ResultAsync(bool refresh, CancellationToken ct)
    {
        if (!refresh && _last is { } last) return last;
        await _running.WaitAsync(ct);
        try
        {
            if (!refresh && _last is { } done) return done;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var result = await new RecordVerifier(db).VerifyAsync(key, ct: ct);
            Log(result);
            return _last = result;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResultAsync(refresh: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ParleyDatabaseException or InvalidOperationException)
        {
            log.LogError(e, "The record could not be verified at start");
        }
    }

    private void Log(RecordVerification result)
    {
        if (result.Ok)
        {
            log.LogInformation("Record verified: {Negotiations} negotiations, {Entries} entries, no finding",
                result.Negotiations.Count, result.Negotiations.Sum(n => n.Entries));
            return;
        }
        foreach (var n in result.Negotiations)
            foreach (var f in n.Findings)
                log.LogError("Record of {Negotiation}: {Place}: {Message}", n.Id, f.Place, f.Message);
    }
}
