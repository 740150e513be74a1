using Parley.Core.Guarantees;
namespace Parley.Core.Formats.Incidents;

/// <summary>
/// The outcome of reading an incident file: every row that parsed, and an error for every one that did not.
/// Nothing is stored while reading; a caller that stores the result stores <see cref="Incidents"/> in one
/// transaction, so a failure half-way leaves nothing partial. When <see cref="FileRejected"/> is true (a required
/// column is missing), no row is imported.
/// </summary>
/// <param name="Incidents">The rows that parsed, in file order, as Reported incidents.</param>
/// <param name="Errors">
/// Errors in line order, each at the 1-based physical line where its record starts, its field the column's header name
/// ("row" when the record as a whole is broken, "header" for the header); a rejected row may have several (one per bad field).
/// </param>
/// <param name="RowsRead">Data records seen (accepted or rejected), not counting the header.</param>
/// <param name="FileRejected">True when the header makes every row unreadable.</param>
public sealed record IncidentImport(IReadOnlyList<Incident> Incidents, IReadOnlyList<SourceProblem> Errors, int RowsRead,
    bool FileRejected)
{
    /// <summary>The 1-based line each of <see cref="Incidents"/> starts on (same order); empty when not read from a file.</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];

    /// <summary>Rows rejected: the number of distinct lines with errors (the whole file counts as every row).</summary>
    public int Rejected => FileRejected ? RowsRead : Errors.Select(e => e.Line).Distinct().Count();
}
