using System.Globalization;

namespace Parley.Core.Guarantees.Import;

/// <summary>
/// The shared machinery of the incident CSV formats: finds columns by header name (case-insensitive, any order,
/// extra columns ignored), reads each record, lets the format map it, and collects line-exact errors.
/// </summary>
internal sealed class IncidentCsv
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[] _header;
    private readonly List<ImportError> _rowErrors = [];
    private string[] _fields = [];
    private int _line;

    private IncidentCsv(string[] header)
    {
        _header = header;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i].Trim(), i);
    }

    /// <summary>Reads the whole input; <paramref name="map"/> turns a record into an incident or reports errors through the reader.</summary>
    public static IncidentImport Read(TextReader reader, string format, IReadOnlyList<string> required,
        Func<IncidentCsv, Incident?> map, IProgress<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var csv = new CsvRecordReader(reader);
        var first = csv.Read();
        if (first is not { Fields: { } header })
        {
            var error = first is { } broken
                ? new ImportError(broken.Line, "header", broken.Error!)
                : new ImportError(1, "header", $"the file is empty; a {format} file starts with a header row");
            return new IncidentImport([], [error], 0, true);
        }
        var fileErrors = new List<ImportError>();
        var seenHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header)
            if (!seenHeaders.Add(name.Trim()))
                fileErrors.Add(new ImportError(first.Value.Line, name.Trim(), "column appears twice in the header"));
        foreach (var name in required)
            if (!seenHeaders.Contains(name))
                fileErrors.Add(new ImportError(first.Value.Line, name, $"required {format} column is missing from the header"));
        var rows = 0;
        if (fileErrors.Count > 0)
        {
            while (csv.Read() is not null) rows++;
            return new IncidentImport([], fileErrors, rows, true);
        }

        csv.ExpectedFields = header.Length;
        var state = new IncidentCsv(header);
        var incidents = new List<Incident>();
        var lines = new List<int>();
        var errors = new List<ImportError>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read() is { } row)
        {
            rows++;
            if (progress is not null && rows % 1000 == 0) progress.Report(rows);
            if (row.Fields is null)
            {
                errors.Add(new ImportError(row.Line, state.ColumnName(row.ErrorColumn), row.Error!));
                continue;
            }
            if (row.Fields.Length != header.Length)
            {
                errors.Add(new ImportError(row.Line, "row", $"has {row.Fields.Length} fields; the header has {header.Length}"));
                continue;
            }
            state._fields = row.Fields;
            state._line = row.Line;
            state._rowErrors.Clear();
            Incident? incident = null;
            try
            {
                incident = map(state);
            }
            catch (ArgumentException ex)
            {
                // A value that parsed but breaks an invariant of the model (e.g. coordinates out of range).
                state._rowErrors.Add(new ImportError(row.Line, ex.ParamName ?? "row", ex.Message));
            }
            if (state._rowErrors.Count > 0 || incident is null)
            {
                errors.AddRange(state._rowErrors);
                continue;
            }
            if (ids.TryGetValue(incident.Id, out var firstLine))
            {
                errors.Add(new ImportError(row.Line, state.IdColumn, $"id '{incident.Id}' already appears on line {firstLine}"));
                continue;
            }
            ids[incident.Id] = row.Line;
            incidents.Add(incident);
            lines.Add(row.Line);
        }
        progress?.Report(rows);
        return new IncidentImport(incidents, errors, rows, false) { Lines = lines };
    }

    /// <summary>The header name of the id column, for duplicate-id errors.</summary>
    public string IdColumn { get; set; } = "id";

    /// <summary>The field's text, trimmed; null when the column is absent or the field blank.</summary>
    public string? Text(string column) =>
        _columns.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(_fields[i]) ? _fields[i].Trim() : null;

    /// <summary>A required field's text; records an error and returns null when blank.</summary>
    public string? Required(string column)
    {
        var s = Text(column);
        if (s is null) Fail(column, "is empty");
        return s;
    }

    /// <summary>A date in one of <see cref="CsvDates"/>' patterns; null (with an error unless blank and optional).</summary>
    public DateOnly? Date(string column, bool required)
    {
        var s = required ? Required(column) : Text(column);
        if (s is null) return null;
        if (CsvDates.TryParse(s, out var d)) return d;
        Fail(column, $"'{s}' is not a date ({CsvDates.Accepted})");
        return null;
    }

    /// <summary>An invariant-culture number within [min, max].</summary>
    public double? Number(string column, bool required, double min, double max)
    {
        var s = required ? Required(column) : Text(column);
        if (s is null) return null;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            return v;
        Fail(column, $"'{s}' is not a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public int? Integer(string column, bool required, int min, int max)
    {
        var s = required ? Required(column) : Text(column);
        if (s is null) return null;
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        Fail(column, $"'{s}' is not a whole number in [{min}, {max}]");
        return null;
    }

    /// <summary>Records an error for this row's field.</summary>
    public void Fail(string column, string message) => _rowErrors.Add(new ImportError(_line, column, message));

    /// <summary>True once this row has an error.</summary>
    public bool Failed => _rowErrors.Count > 0;

    private string ColumnName(int index) =>
        index < 0 ? "row" : index < _header.Length ? _header[index].Trim() : $"column {index + 1}";
}
