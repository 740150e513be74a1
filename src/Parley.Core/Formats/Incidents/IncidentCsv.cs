using Parley.Core.Guarantees;
using System.Globalization;

namespace Parley.Core.Formats.Incidents;

/// <summary>A column of an incident CSV file, found by header name once per file.</summary>
/// <param name="Name">The header name, for error messages.</param>
/// <param name="Ordinal">The 0-based position in the file, or -1 when the file has no such column.</param>
internal readonly record struct CsvColumn(string Name, int Ordinal);

/// <summary>
/// The shared machinery of the incident CSV formats: finds columns by header name (case-insensitive, any order,
/// extra columns ignored), reads each record, lets the format map it, and collects line-exact errors.
/// </summary>
/// <remarks>
/// Fields are read as spans of the record; a string is made only for a value that is kept, and values that repeat
/// from row to row (types, places, actors, sources) are made once per file through a <see cref="StringPool"/>.
/// </remarks>
internal sealed class IncidentCsv
{
    private readonly Dictionary<string, int> _columns;
    private readonly string[] _header;
    private readonly List<SourceProblem> _rowErrors = [];
    private readonly string _file;
    private readonly CsvRecordReader _reader;
    private readonly StringPool _pool = new();
    private int _line;

    private IncidentCsv(string[] header, CsvRecordReader reader, string file)
    {
        _file = file;
        _header = header;
        _reader = reader;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i].Trim(), i);
    }

    /// <summary>Reads the whole input: <paramref name="columns"/> finds the format's columns once,
    /// <paramref name="map"/> turns a record into an incident or reports errors through the reader; <paramref name="file"/>
    /// only labels the errors.</summary>
    public static IncidentImport Read<TColumns>(TextReader reader, string format, IReadOnlyList<string> required,
        Func<IncidentCsv, TColumns> columns, Func<IncidentCsv, TColumns, Incident?> map, IProgress<int>? progress, string file = "")
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(reader);
        var csv = new CsvRecordReader(reader);
        var first = csv.Read();
        if (first is not { Ok: true } headerRow)
        {
            var error = first is { } broken
                ? new SourceProblem(file, broken.Line, 0, "header", broken.Error!)
                : new SourceProblem(file, 1, 0, "header", $"the file is empty; a {format} file starts with a header row");
            return new IncidentImport([], [error], 0, true);
        }
        var header = csv.FieldStrings();
        var fileErrors = new List<SourceProblem>();
        var seenHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
            if (!seenHeaders.Add(header[i].Trim()))
                fileErrors.Add(new SourceProblem(file, headerRow.Line, 0, header[i].Trim() is { Length: > 0 } name ? name : $"column {i + 1}",
                    "column appears twice in the header"));
        foreach (var name in required)
            if (!seenHeaders.Contains(name))
                fileErrors.Add(new SourceProblem(file, headerRow.Line, 0, name, $"required {format} column is missing from the header"));
        var rows = 0;
        if (fileErrors.Count > 0)
        {
            while (rows <= CsvLimits.MaxRows && csv.Read() is not null) rows++;
            return new IncidentImport([], fileErrors, rows, true);
        }

        csv.ExpectedFields = header.Length;
        var state = new IncidentCsv(header, csv, file);
        var cols = columns(state);
        var incidents = new List<Incident>();
        var lines = new List<int>();
        var errors = new List<SourceProblem>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read() is { } row)
        {
            if (++rows > CsvLimits.MaxRows)
                return new IncidentImport([], [new SourceProblem(file, row.Line, 0, "row",
                    $"the file holds more than {CsvLimits.MaxRows:N0} rows; Parley imports at most {CsvLimits.MaxRows:N0} at once (limit): nothing was imported")], rows, true);
            if (progress is not null && rows % 1000 == 0) progress.Report(rows);
            if (!row.Ok)
            {
                errors.Add(new SourceProblem(file, row.Line, 0, state.ColumnName(row.ErrorColumn), row.Error!));
                continue;
            }
            if (row.FieldCount != header.Length)
            {
                errors.Add(new SourceProblem(file, row.Line, 0, "row", $"has {row.FieldCount} fields; the header has {header.Length}"));
                continue;
            }
            state._line = row.Line;
            state._rowErrors.Clear();
            Incident? incident = null;
            try
            {
                incident = map(state, cols);
            }
            catch (ArgumentException ex)
            {
                // A value that parsed but breaks an invariant of the model (e.g. coordinates out of range).
                state._rowErrors.Add(new SourceProblem(file, row.Line, 0, ex.ParamName ?? "row", ex.Message));
            }
            if (state._rowErrors.Count > 0 || incident is null)
            {
                errors.AddRange(state._rowErrors);
                continue;
            }
            if (!ids.TryAdd(incident.Id, row.Line))
            {
                errors.Add(new SourceProblem(file, row.Line, 0, state.IdColumn, $"id '{incident.Id}' already appears on line {ids[incident.Id]}"));
                continue;
            }
            incidents.Add(incident);
            lines.Add(row.Line);
        }
        progress?.Report(rows);
        return new IncidentImport(incidents, errors, rows, false) { Lines = lines };
    }

    /// <summary>The header name of the id column, for duplicate-id errors.</summary>
    public string IdColumn { get; set; } = "id";

    /// <summary>The column named <paramref name="name"/> (case-insensitive); its ordinal is -1 when the file lacks it.</summary>
    public CsvColumn Column(string name) => new(name, _columns.TryGetValue(name, out var i) ? i : -1);

    /// <summary>The field's text, trimmed; empty when the column is absent or the field blank.</summary>
    public ReadOnlySpan<char> Span(CsvColumn column) => column.Ordinal < 0 ? default : _reader.Field(column.Ordinal).Trim();

    /// <summary>The field's text, trimmed, as a new string; null when the column is absent or the field blank.</summary>
    public string? Text(CsvColumn column)
    {
        var s = Span(column);
        return s.IsEmpty ? null : s.ToString();
    }

    /// <summary>Like <see cref="Text"/>, for a value that repeats across rows: equal values share one string per file.</summary>
    public string? Pooled(CsvColumn column)
    {
        var s = Span(column);
        return s.IsEmpty ? null : _pool.Get(s);
    }

    /// <summary>Adds the ';'-separated, trimmed, non-empty parts of the field to <paramref name="into"/>, pooled.</summary>
    public void SplitPooled(CsvColumn column, List<string> into)
    {
        var s = Span(column);
        while (!s.IsEmpty)
        {
            var semi = s.IndexOf(';');
            var part = (semi < 0 ? s : s[..semi]).Trim();
            if (!part.IsEmpty) into.Add(_pool.Get(part));
            s = semi < 0 ? default : s[(semi + 1)..];
        }
    }

    /// <summary>A required field's text; records an error and returns null when blank.</summary>
    public string? Required(CsvColumn column)
    {
        var s = Text(column);
        if (s is null) Fail(column, "is empty");
        return s;
    }

    /// <summary>A date in one of <see cref="CsvDates"/>' patterns; null (with an error unless blank and optional).</summary>
    public DateOnly? Date(CsvColumn column, bool required)
    {
        var s = Span(column);
        if (s.IsEmpty)
        {
            if (required) Fail(column, "is empty");
            return null;
        }
        if (CsvDates.TryParse(s, out var d)) return d;
        Fail(column, $"'{s}' is not a date ({CsvDates.Accepted})");
        return null;
    }

    /// <summary>An invariant-culture number within [min, max].</summary>
    public double? Number(CsvColumn column, bool required, double min, double max)
    {
        var s = Span(column);
        if (s.IsEmpty)
        {
            if (required) Fail(column, "is empty");
            return null;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            return v;
        Fail(column, $"'{s}' is not a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public int? Integer(CsvColumn column, bool required, int min, int max)
    {
        var s = Span(column);
        if (s.IsEmpty)
        {
            if (required) Fail(column, "is empty");
            return null;
        }
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        Fail(column, $"'{s}' is not a whole number in [{min}, {max}]");
        return null;
    }

    /// <summary>Records an error for this row's field.</summary>
    public void Fail(CsvColumn column, string message) => _rowErrors.Add(new SourceProblem(_file, _line, 0, column.Name, message));

    /// <summary>True once this row has an error.</summary>
    public bool Failed => _rowErrors.Count > 0;

    private string ColumnName(int index) =>
        index < 0 ? "row" : index < _header.Length && _header[index].Trim() is { Length: > 0 } name ? name : $"column {index + 1}";
}

/// <summary>
/// Makes one string per distinct value, so a file's 200,000 rows naming a few hundred places hold a few hundred
/// strings. Bounded: past <see cref="MaxEntries"/> distinct values, further ones are made fresh each time.
/// </summary>
internal sealed class StringPool
{
    /// <summary>The most distinct values kept.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Values longer than this are not pooled: long text rarely repeats.</summary>
    public const int MaxLength = 200;

    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty pool.</summary>
    public StringPool() => _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength) return value.ToString();
        if (_lookup.TryGetValue(value, out var s)) return s;
        s = value.ToString();
        if (_set.Count < MaxEntries) _set.Add(s);
        return s;
    }
}
