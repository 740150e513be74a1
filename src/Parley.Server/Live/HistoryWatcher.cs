using Parley.Data;
using Parley.Data.History;

namespace Parley.Server.Live;

/// <summary>
/// Carries changes made outside this app node to its open pages: every <c>Parley:WatchSeconds</c> (default 1; 0
/// turns it off) it asks the history log which negotiations changed since it last looked and publishes them on
/// <see cref="NegotiationChanges"/>. Changes made through this node are published at once by the node itself; this
/// watcher adds those of other nodes sharing a PostgreSQL database and of the <c>parley</c> CLI writing to the same
/// database. Each change is published with the visibility its history entry carries, so it reaches only the pages
/// whose viewer may see it. Polling the single head row was preferred to PostgreSQL LISTEN/NOTIFY because it works the same on
/// SQLite and costs one indexed read per interval. The interval runs on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class HistoryWatcher(
    IServiceScopeFactory scopes, NegotiationChanges changes, TimeProvider clock, IConfiguration configuration,
    ILogger<HistoryWatcher> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Interval();
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        long? seen = null;
        do
        {
            seen = await LookAsync(seen, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary><c>Parley:WatchSeconds</c>; a value that is not a number is reported and the default used, not a failed start.</summary>
    private double Interval()
    {
        const double standard = 1;
        if (configuration["Parley:WatchSeconds"] is not { } text) return standard;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds)) return seconds;
        log.LogError("Parley:WatchSeconds is '{Value}', not a number of seconds; watching every {Default} s.", text, standard);
        return standard;
    }

    /// <summary>Publishes what changed after <paramref name="seen"/> (on the first look, only notes the head); returns the new point.</summary>
    private async Task<long?> LookAsync(long? seen, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var feed = scope.ServiceProvider.GetRequiredService<HistoryFeed>();
            if (seen is not { } after) return await feed.HeadAsync(ct);
            var head = await feed.HeadAsync(ct);
            if (head < after) return head; // the database was replaced: restart from its head
            foreach (var changed in await feed.ChangesAsync(after, head, ct: ct))
                changes.Publish(changed.NegotiationId, changed.Visibility);
            return head;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database briefly unreachable must not stop the watcher; the next interval tries again from the same point.
            log.LogWarning(e, "Could not read the history log to look for changes made elsewhere; trying again.");
            return seen;
        }
    }
}
