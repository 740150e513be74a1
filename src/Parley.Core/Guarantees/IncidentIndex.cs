namespace Parley.Core.Guarantees;

/// <summary>How the evaluator finds the incidents to compare with a term.</summary>
public enum CandidateSearch
{
    /// <summary>Through the index by start time and admin1 area: only incidents in the term's covered periods and regions.</summary>
    Indexed,
    /// <summary>Every incident against every term. Same results, slower; for cross-checks and as a benchmark baseline.</summary>
    FullScan,
}

/// <summary>
/// Incident reports grouped into duplicates and indexed by start time, overall and per admin1 area, so that a
/// term over a window and region looks only at the reports that can fall in it. Built once, read by any number
/// of evaluations; immutable.
/// </summary>
public sealed class IncidentIndex
{
    private readonly long[] _starts;
    private readonly int[] _byStart;
    private readonly Dictionary<string, (long[] Starts, int[] Incidents)> _byAdmin1;
    private readonly Dictionary<string, int> _byId;

    private IncidentIndex(Incident[] incidents, IncidentGroups groups)
    {
        Items = incidents;
        Incidents = incidents;
        Groups = groups;
        _byStart = Enumerable.Range(0, incidents.Length).ToArray();
        _starts = incidents.Select(i => i.Time.Start.UtcTicks).ToArray();
        Array.Sort((long[])_starts.Clone(), _byStart);
        Array.Sort(_starts);
        _byAdmin1 = _byStart
            .GroupBy(i => incidents[i].Location.Admin1 ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g =>
            {
                var members = g.ToArray(); // already in start order
                return (members.Select(i => incidents[i].Time.Start.UtcTicks).ToArray(), members);
            }, StringComparer.OrdinalIgnoreCase);
        _byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < incidents.Length; i++) _byId.TryAdd(incidents[i].Id, i);
    }

    /// <summary>The reports, in input order.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>The same reports as an array, for the evaluator's inner loops.</summary>
    internal Incident[] Items { get; }

    /// <summary>Their duplicate groups.</summary>
    public IncidentGroups Groups { get; }

    /// <summary>Groups and indexes the reports.</summary>
    /// <exception cref="ArgumentException">Two reports share an id.</exception>
    public static IncidentIndex Build(IEnumerable<Incident> incidents, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in list)
            if (!seen.Add(i.Id)) throw new ArgumentException($"Incident id '{i.Id}' appears twice.", nameof(incidents));
        return new IncidentIndex(list, IncidentGroups.Group(list, policy));
    }

    /// <summary>The index of the report with this id, or -1.</summary>
    public int IndexOf(string id) => _byId.TryGetValue(id, out var i) ? i : -1;

    /// <summary>
    /// Reports that start in [<paramref name="from"/>, <paramref name="to"/>) and may lie in <paramref name="area"/>
    /// (the caller still checks the area exactly), in order of start time within each admin1 area.
    /// </summary>
    internal IEnumerable<int> Candidates(DateTimeOffset from, DateTimeOffset to, Area area, CandidateSearch search)
    {
        if (search == CandidateSearch.FullScan)
        {
            for (var i = 0; i < Incidents.Count; i++) yield return i;
            yield break;
        }
        if (area.Shape is null && area.Regions.Count > 0)
        {
            foreach (var admin1 in area.Regions.Select(r => r.Admin1).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_byAdmin1.TryGetValue(admin1, out var bucket)) continue;
                var (lo, hi) = Range(bucket.Starts, from, to);
                for (var k = lo; k < hi; k++) yield return bucket.Incidents[k];
            }
            yield break;
        }
        var (start, end) = Range(_starts, from, to);
        for (var k = start; k < end; k++) yield return _byStart[k];
    }

    private static (int Lo, int Hi) Range(long[] starts, DateTimeOffset from, DateTimeOffset to) =>
        (LowerBound(starts, from.UtcTicks), LowerBound(starts, to.UtcTicks));

    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
