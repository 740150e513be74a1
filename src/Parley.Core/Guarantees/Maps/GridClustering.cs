namespace Parley.Core.Guarantees.Maps;

/// <summary>One located report (or <see cref="Count"/> reports at the same place) in a state.</summary>
public sealed record MapPoint(double Longitude, double Latitude, VerificationState State, int Count = 1);

/// <summary>
/// How many reports in one state fall in one grid cell, with the sums of their longitudes and latitudes (so that the
/// centre of a cell's reports can be found after merging counts) — the row a database grouping returns.
/// </summary>
public sealed record CellCount(int Column, int Row, VerificationState State, int Count, double LongitudeSum, double LatitudeSum);

/// <summary>
/// The reports of one grid cell: their count per state and their mean position (the centre of mass, drawn there
/// rather than at the cell's centre so a lone report stays where it happened).
/// </summary>
public sealed record MapCluster(int Column, int Row, double Longitude, double Latitude, IReadOnlyList<(VerificationState State, int Count)> States)
{
    /// <summary>Reports in the cell.</summary>
    public int Total => States.Sum(s => s.Count);

    /// <summary>The state most reports are in; ties go to the state later in <see cref="VerificationState"/>'s order.</summary>
    public VerificationState Dominant => States.OrderByDescending(s => s.Count).ThenByDescending(s => s.State).First().State;
}

/// <summary>
/// Grid clustering at the map's scale: reports in the same cell of a <see cref="MapGrid"/> (square in pixels) form one
/// cluster. <see cref="Count"/> is what the database computes with GROUP BY; <see cref="Merge"/> turns the per-state
/// rows into clusters. Output is ordered by row, then column, and states in enum order, so it is deterministic.
/// </summary>
public static class GridClustering
{
    /// <summary>Counts the points per cell and state (in memory; the desk does it in the database).</summary>
    public static IReadOnlyList<CellCount> Count(MapGrid grid, IEnumerable<MapPoint> points)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(points);
        var cells = new Dictionary<(int, int, VerificationState), (int Count, double Lon, double Lat)>();
        foreach (var p in points)
        {
            if (p.Count < 1) throw new ArgumentException("A point stands for at least one report.", nameof(points));
            var (column, row) = grid.CellOf(p.Longitude, p.Latitude);
            var key = (column, row, p.State);
            var c = cells.GetValueOrDefault(key);
            cells[key] = (c.Count + p.Count, c.Lon + p.Longitude * p.Count, c.Lat + p.Latitude * p.Count);
        }
        return cells.Select(c => new CellCount(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value.Count, c.Value.Lon, c.Value.Lat))
            .OrderBy(c => c.Row).ThenBy(c => c.Column).ThenBy(c => c.State).ToList();
    }

    /// <summary>
    /// One cluster per cell: the states' counts added up (rows for the same cell and state may repeat, as after an
    /// as-of correction), the position the mean of all its reports'. Cells with no report left are dropped.
    /// </summary>
    /// <exception cref="ArgumentException">A negative count, or a cell whose counts add up to less than zero.</exception>
    public static IReadOnlyList<MapCluster> Merge(IEnumerable<CellCount> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.GroupBy(c => (c.Column, c.Row))
            .Select(g =>
            {
                var states = g.GroupBy(c => c.State).Select(s => (State: s.Key, Count: s.Sum(c => c.Count)))
                    .Where(s => s.Count != 0).OrderBy(s => s.State).ToList();
                if (states.Any(s => s.Count < 0)) throw new ArgumentException($"Cell {g.Key} has a negative count.", nameof(cells));
                var total = states.Sum(s => s.Count);
                return total == 0 ? null : new MapCluster(g.Key.Column, g.Key.Row, g.Sum(c => c.LongitudeSum) / total,
                    g.Sum(c => c.LatitudeSum) / total, states);
            })
            .OfType<MapCluster>().OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
    }
}
