using Parley.Core.Guarantees;
namespace Parley.Core.Formats.Incidents;

/// <summary>
/// What one incident CSV import (ACLED or UCDP GED) may hold. A field past <see cref="MaxFieldLength"/> or a record
/// past <see cref="MaxColumns"/> rejects its record (the header: the whole file) with its line and column; a file past
/// <see cref="MaxRows"/> data records is refused whole at the first record too many, and nothing of it is imported.
/// </summary>
/// <remarks>
/// The limits are far above real exports (ACLED's widest export has 31 columns, its longest notes about 2,000
/// characters; the ACLED sample in tests/data holds 1,000 rows, a country-year export about 60,000) and far below what
/// hurts: a quoted field that never closes stops growing at <see cref="MaxFieldLength"/> instead of swallowing the file,
/// and an endless stream of rows stops at <see cref="MaxRows"/>.
/// </remarks>
public static class CsvLimits
{
    /// <summary>The most characters in one field: 65,536 (64 K), quotes and escapes not counted.</summary>
    public const int MaxFieldLength = 65_536;

    /// <summary>The most fields in one record, the header included: 500.</summary>
    public const int MaxColumns = 500;

    /// <summary>The most data records in one import (the header not counted): 1,000,000.</summary>
    public const int MaxRows = 1_000_000;
}
