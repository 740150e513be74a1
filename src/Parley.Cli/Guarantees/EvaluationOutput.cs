using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core.Guarantees;
using Parley.Core.Formats.Incidents;
using Parley.Application.Infrastructure;

namespace Parley.Cli.Guarantees;

/// <summary>Text and JSON renderings of evaluations and checks. JSON instants are ISO 8601 UTC; durations are seconds.</summary>
internal static class EvaluationOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteCheckJson(TextWriter output, IncidentImport import, int duplicates) =>
        output.WriteLine(JsonSerializer.Serialize(new
        {
            imported = import.Incidents.Count,
            rejected = import.Rejected,
            duplicatesGrouped = duplicates,
            errors = import.Errors.Select(ProblemView.From),
        }, Options));

    public static void WriteJson(TextWriter output, GuaranteesEvaluation result, IncidentImport? import, IncidentIndex index) =>
        output.WriteLine(JsonSerializer.Serialize(new
        {
            asOf = Instant(result.AsOf),
            incidents = new { read = index.Incidents.Count, rejected = import?.Rejected ?? 0, duplicatesGrouped = index.Groups.DuplicatesGrouped },
            commitments = result.Commitments.Select(c => new
            {
                id = c.Commitment.Id,
                kind = c.Commitment is Prohibition ? "prohibition" : "obligation",
                title = c.Commitment.Title,
                state = c.State.ToString(),
                transitions = c.Transitions.Select(t => new { from = t.From.ToString(), to = t.To.ToString(), at = Instant(t.At), cause = t.Cause }),
                breaches = c.Breaches.Select(b => new
                {
                    rule = b.RuleId, incidentId = b.IncidentId, incidentIds = b.IncidentIds, occurredAt = Instant(b.Time.Start),
                    timePrecision = b.Time.Precision.ToString(), responsibleParty = b.ResponsibleParty, verifiedAt = Instant(b.VerifiedAt),
                    explanation = b.Explanation,
                }),
                duties = c.Duties.Select(d => new
                {
                    debtor = d.Debtor, triggeredBy = d.TriggeredBy, incidentIds = d.IncidentIds, triggeredAt = Instant(d.TriggeredAt),
                    deadline = d.Deadline is { } dl ? Instant(dl) : null, timeLeftSeconds = d.TimeLeft?.TotalSeconds,
                    state = d.State.ToString(), fulfilledAt = d.FulfilledAt is { } f ? Instant(f) : null,
                }),
                notes = c.Notes,
            }),
        }, Options));

    public static void WriteText(TextWriter output, GuaranteesEvaluation result, IncidentImport? import, IncidentIndex index)
    {
        output.WriteLine($"as of {Instant(result.AsOf)}: {index.Incidents.Count} incidents ({index.Groups.DuplicatesGrouped} duplicates grouped, {import?.Rejected ?? 0} rows rejected)");
        foreach (var c in result.Commitments)
        {
            output.WriteLine();
            output.WriteLine($"{c.Commitment.Id}  {c.State}  {c.Commitment.Title}");
            foreach (var t in c.Transitions) output.WriteLine($"  {Instant(t.At)}  {t.From} -> {t.To}: {t.Cause}");
            if (c.Commitment is Prohibition) output.WriteLine($"  breaches: {c.Breaches.Count}");
            foreach (var b in c.Breaches) output.WriteLine($"    {b.IncidentId} ({b.IncidentIds.Count} reports) rule {b.RuleId} by {b.ResponsibleParty} at {b.Time}");
            foreach (var d in c.Duties)
            {
                var left = d.TimeLeft is { } l ? $", {Hours(l)} left" : "";
                var deadline = d.Deadline is { } dl ? Instant(dl) : "clock stopped (suspended)";
                output.WriteLine($"    {d.Debtor}: {d.State}, due {deadline}{left} — {d.TriggeredBy}");
            }
            foreach (var n in c.Notes) output.WriteLine($"  note: {n}");
        }
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m{t.Seconds:00}s");
}
