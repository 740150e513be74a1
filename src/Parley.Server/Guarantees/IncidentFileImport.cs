using System.Security.Cryptography;
using Parley.Core.Formats;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Ucdp;
using Parley.Core.Formats.Incidents;
using Parley.Data.Guarantees;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;

namespace Parley.Server.Guarantees;

/// <summary>What importing an incident file did: the file refused as a whole (nothing stored), or the counts and row errors.</summary>
/// <param name="Result">The counts and every rejected row (null when the file was refused as a whole).</param>
/// <param name="FileErrors">Why the whole file was refused (empty otherwise).</param>
public sealed record IncidentFileOutcome(ImportView? Result, IReadOnlyList<SourceProblem> FileErrors)
{
    /// <summary>True when nothing was stored because the file cannot be read as a whole.</summary>
    public bool FileRejected => Result is null;

    /// <summary>"Windows-1252" when the file was not valid UTF-8 and was read as that instead; null for UTF-8.</summary>
    public string? ReadAs { get; init; }
}

/// <summary>
/// Imports an ACLED or UCDP CSV into a negotiation: the API's <c>incidents/import</c> and the Guarantees page share it.
/// The bytes are UTF-8, or Windows-1252 when they are not valid UTF-8 (<see cref="ExportText"/>). Rows that do not
/// parse are listed with line, field and message; ids already stored are listed as rejected; the
/// rest are stored in one transaction. A file whose header makes every row unreadable stores nothing.
/// </summary>
public static class IncidentFileImport
{
    /// <summary>The formats, as the API and the page name them.</summary>
    public static readonly IReadOnlyList<string> Formats = ["acled", "ucdp"];

    /// <summary>Reads and stores <paramref name="content"/>; null when there is no such negotiation.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not acled or ucdp.</exception>
    public static async Task<IncidentFileOutcome?> ImportAsync(GuaranteesStore store, string negotiationId, byte[] content, string format,
        string actor, string source, CancellationToken ct = default)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"'{format}' is not acled or ucdp", nameof(format));
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var (import, encoding) = ExportText.Read(() => new MemoryStream(content, writable: false),
            reader => format == "ucdp" ? UcdpGedCsv.Read(reader) : AcledCsv.Read(reader));
        var readAs = encoding == ExportText.Windows1252 ? "Windows-1252" : null;
        if (import.FileRejected) return new IncidentFileOutcome(null, import.Errors) { ReadAs = readAs };
        var stored = await store.ImportIncidentsAsync(negotiationId, import.Incidents, actor, source, hash, ct: ct);
        if (stored is null) return null;
        var lines = import.Incidents.Select((i, k) => (i.Id, Line: import.Lines[k])).ToDictionary(x => x.Id, x => x.Line);
        var errors = import.Errors
            .Concat(stored.AlreadyStored.Select(r => new SourceProblem("", lines[r], 0, format == "ucdp" ? "id" : "event_id_cnty", $"id '{r}' is already stored")))
            .OrderBy(e => e.Line).Select(ProblemView.From).ToArray();
        return new IncidentFileOutcome(new ImportView(stored.Imported, import.Rejected + stored.AlreadyStored.Count, stored.DuplicatesGrouped, errors), [])
        {
            ReadAs = readAs,
        };
    }
}
