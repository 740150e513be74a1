namespace Parley.Core.Guarantees;

/// <summary>
/// When two reports describe the same incident: same event type and sub-type (case-insensitive), within
/// <see cref="RadiusKm"/> of each other (great-circle; reports without coordinates must instead name the same
/// admin1, admin2 and place), and close in time: when both times are imprecise (a day, a week…) their intervals
/// must overlap — two same-day ACLED reports of one kind at one place are one incident, reports of consecutive days
/// are two —; otherwise (at least one exact time) they are at most <see cref="MaxGap"/> apart.
/// </summary>
public sealed record DuplicatePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not positive or the gap is negative.</exception>
    public DuplicatePolicy(double radiusKm = 1.0, TimeSpan? maxGap = null)
    {
        if (!(radiusKm > 0) || radiusKm > 1000) throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "The radius is in (0, 1000] km.");
        var gap = maxGap ?? TimeSpan.FromHours(2);
        if (gap < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxGap), gap, "The gap is not negative.");
        RadiusKm = radiusKm;
        MaxGap = gap;
    }

    /// <summary>The default: 1 km and 2 hours.</summary>
    public static DuplicatePolicy Default { get; } = new();

    /// <summary>Largest distance between two reports of one incident, in kilometres (inclusive).</summary>
    public double RadiusKm { get; }

    /// <summary>Largest time between two reports of one incident (inclusive).</summary>
    public TimeSpan MaxGap { get; }
}

/// <summary>
/// Reports partitioned into duplicate groups. Each group has a primary — its earliest report (ties by id) — and
/// every other member is a near-duplicate of the primary itself, so groups never chain.
/// </summary>
public sealed class IncidentGroups
{
    private readonly int[] _groupOf;
    private readonly int[][] _members;

    private IncidentGroups(IReadOnlyList<Incident> incidents, int[] groupOf, int[][] members)
    {
        Incidents = incidents;
        _groupOf = groupOf;
        _members = members;
    }

    /// <summary>The reports, in input order.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>Number of groups (distinct incidents).</summary>
    public int Count => _members.Length;

    /// <summary>Reports folded into another report's group: reports minus groups.</summary>
    public int DuplicatesGrouped => Incidents.Count - _members.Length;

    /// <summary>The group of the report at <paramref name="incidentIndex"/>.</summary>
    public int GroupOf(int incidentIndex) => _groupOf[incidentIndex];

    /// <summary>The indexes of a group's reports, primary first, then by time.</summary>
    public IReadOnlyList<int> Members(int group) => _members[group];

    /// <summary>Groups the reports under <paramref name="policy"/>; linear in the reports after an O(n log n) sort.</summary>
    /// <remarks><inheritdoc cref="Assign" path="/remarks"/></remarks>
    public static IncidentGroups Group(IReadOnlyList<Incident> incidents, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var groupOf = new int[incidents.Count];
        var members = new List<List<int>>();
        foreach (var (report, primary) in Assign(incidents, policy))
        {
            if (report == primary)
            {
                groupOf[report] = members.Count;
                members.Add([]);
            }
            else groupOf[report] = groupOf[primary];
            members[groupOf[report]].Add(report);
        }
        return new IncidentGroups(incidents, groupOf, members.Select(m => m.ToArray()).ToArray());
    }

    /// <summary>
    /// The same grouping as <see cref="Group"/>, as it is found: every report once, in order of start time (ties by
    /// id), with the index of its group's primary — itself when it opens a group. A primary always comes before its
    /// members, so a caller can store each report as soon as it is yielded.
    /// </summary>
    /// <remarks>
    /// Candidates are found in a grid of cells at least <see cref="DuplicatePolicy.RadiusKm"/> wide up to 85° of
    /// latitude (closer to the poles some duplicates may be missed); the grid wraps at the antimeridian.
    /// </remarks>
    public static IEnumerable<(int Report, int Primary)> Assign(IReadOnlyList<Incident> incidents, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return AssignSorted(incidents, policy ?? DuplicatePolicy.Default);
    }

    private static IEnumerable<(int Report, int Primary)> AssignSorted(IReadOnlyList<Incident> incidents, DuplicatePolicy policy)
    {
        // The keys are copied out once so the comparison reads two arrays, not four objects through an interface.
        var order = new int[incidents.Count];
        var starts = new long[incidents.Count];
        var ids = new string[incidents.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            starts[i] = incidents[i].Time.Start.UtcTicks;
            ids[i] = incidents[i].Id;
        }
        SortInTwo(order, new ByStartThenId(starts, ids));

        var dLat = policy.RadiusKm / 110.574;
        var cellsX = Math.Max(1, (int)Math.Floor(360 / (policy.RadiusKm / (111.320 * Math.Cos(85 * Math.PI / 180)))));
        var dLon = 360.0 / cellsX;
        var types = new Dictionary<(string Type, string? Sub), int>(TypeComparer.Instance);
        var open = new Dictionary<(int Type, long X, long Y), List<int>>();
        var openByName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var primaries = new List<int>();

        foreach (var i in order)
        {
            var incident = incidents[i];
            var type = TypeId(types, incident);
            int found = -1;
            if (incident.Location.Latitude is double lat && incident.Location.Longitude is double lon)
            {
                var cy = (long)Math.Floor((lat + 90) / dLat);
                var cx = (long)Math.Floor((lon + 180) / dLon) % cellsX;
                for (var k = 0; k < Math.Min(3, cellsX); k++) // the cell and its east and west neighbours, wrapping at ±180°
                {
                    var nx = cellsX < 3 ? k : (cx - 1 + k + cellsX) % cellsX;
                    for (var ny = cy - 1; ny <= cy + 1; ny++)
                        if (open.TryGetValue((type, nx, ny), out var list))
                            found = Best(found, FindIn(list, incidents, primaries, incident, policy));
                }
                if (found < 0) Add(open, (type, cx, cy), primaries.Count);
            }
            else if (incident.Location.Place is not null)
            {
                var key = $"{type}|{incident.Location.Admin1}|{incident.Location.Admin2}|{incident.Location.Place}";
                if (openByName.TryGetValue(key, out var list)) found = FindIn(list, incidents, primaries, incident, policy);
                if (found < 0) Add(openByName, key, primaries.Count);
            }
            if (found < 0)
            {
                found = primaries.Count;
                primaries.Add(i);
            }
            yield return (i, primaries[found]);
        }
    }

    /// <summary>
    /// Sorts a large array as two halves on two threads and merges them: the sort is the one step of a large import
    /// that nothing else can overlap (the first report to store is the earliest).
    /// </summary>
    private static void SortInTwo(int[] order, ByStartThenId comparer)
    {
        if (order.Length < 20_000)
        {
            order.AsSpan().Sort(comparer);
            return;
        }
        var half = order.Length / 2;
        var left = order[..half];
        var right = order[half..];
        Parallel.Invoke(() => left.AsSpan().Sort(comparer), () => right.AsSpan().Sort(comparer));
        int l = 0, r = 0, k = 0;
        while (l < left.Length && r < right.Length) order[k++] = comparer.Compare(left[l], right[r]) <= 0 ? left[l++] : right[r++];
        left.AsSpan(l).CopyTo(order.AsSpan(k));
        right.AsSpan(r).CopyTo(order.AsSpan(k + left.Length - l));
    }

    /// <summary>Report order: start, then id (ordinal). A struct, so the sort calls it directly instead of through a delegate.</summary>
    private readonly struct ByStartThenId(long[] starts, string[] ids) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var c = starts[a].CompareTo(starts[b]);
            return c != 0 ? c : string.CompareOrdinal(ids[a], ids[b]);
        }
    }

    private static int TypeId(Dictionary<(string Type, string? Sub), int> types, Incident incident)
    {
        var key = (incident.EventType, incident.SubEventType);
        if (!types.TryGetValue(key, out var id)) types[key] = id = types.Count;
        return id;
    }

    /// <summary>Event type and sub-type compared ignoring case, without building a joined key per report.</summary>
    private sealed class TypeComparer : IEqualityComparer<(string Type, string? Sub)>
    {
        public static TypeComparer Instance { get; } = new();

        public bool Equals((string Type, string? Sub) a, (string Type, string? Sub) b) =>
            string.Equals(a.Type, b.Type, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Sub ?? "", b.Sub ?? "", StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Type, string? Sub) k) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(k.Type), StringComparer.OrdinalIgnoreCase.GetHashCode(k.Sub ?? ""));
    }

    private static int Best(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);

    /// <summary>The earliest open group whose primary is a duplicate of the incident; drops groups that can no longer match.</summary>
    private static int FindIn(List<int> groups, IReadOnlyList<Incident> incidents, List<int> primaries, Incident incident,
        DuplicatePolicy policy)
    {
        var best = -1;
        for (var k = groups.Count - 1; k >= 0; k--)
        {
            var primary = incidents[primaries[groups[k]]];
            // Reports arrive in order of start time, so a primary this far behind can match no later report either.
            if (primary.Time.End + policy.MaxGap < incident.Time.Start)
            {
                groups[k] = groups[^1];
                groups.RemoveAt(groups.Count - 1);
                continue;
            }
            if (IsDuplicate(primary, incident, policy)) best = Best(best, groups[k]);
        }
        return best;
    }

    private static bool IsDuplicate(Incident a, Incident b, DuplicatePolicy policy)
    {
        if (!string.Equals(a.EventType, b.EventType, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(a.SubEventType, b.SubEventType, StringComparison.OrdinalIgnoreCase))
            return false;
        if (a.Time.Precision != TimePrecision.Exact && b.Time.Precision != TimePrecision.Exact)
        {
            if (!(a.Time.Start < b.Time.End && b.Time.Start < a.Time.End)) return false;
        }
        else if (a.Time.DistanceTo(b.Time) > policy.MaxGap) return false;
        if (a.Location.DistanceKmTo(b.Location) is double km) return km <= policy.RadiusKm;
        return a.Location.Latitude is null && b.Location.Latitude is null && a.Location.Place is not null
            && string.Equals(a.Location.Place, b.Location.Place, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Location.Admin1, b.Location.Admin1, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Location.Admin2, b.Location.Admin2, StringComparison.OrdinalIgnoreCase);
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int group) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(group);
    }
}
