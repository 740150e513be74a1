using System.CommandLine;
using System.Globalization;
using Parley.Core.Guarantees;
using Parley.Core.Formats.Guarantees;
using Parley.Core.Formats.Incidents;

namespace Parley.Cli.Guarantees;

/// <summary>
/// <c>parley guarantees evaluate</c> and <c>parley incidents check</c>: thin shells that read files, call the
/// Guarantees engine and print text or JSON. Exit code 0 on success, 1 on unreadable or rejected input.
/// </summary>
public static class GuaranteesCommands
{
    /// <summary>The commands to add to the root; <paramref name="clock"/> supplies "now" when --as-of is absent.</summary>
    public static IEnumerable<Command> Create(TimeProvider? clock = null) => [Guarantees(clock ?? TimeProvider.System), Incidents()];

    private static Option<string> FormatOption(bool required)
    {
        var format = new Option<string>("--format") { Description = "Incident file format: acled or ucdp", Required = required, DefaultValueFactory = _ => "acled" };
        format.AcceptOnlyFromAmong(IncidentFiles.Formats);
        return format;
    }

    private static Command Guarantees(TimeProvider clock)
    {
        var commitments = new Option<FileInfo?>("--commitments") { Description = "Guarantees file (YAML or JSON): commitments, events, reviews" };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "Scenario file whose commitments and incidents sections are evaluated (instead of --commitments)" };
        var incidents = new Option<FileInfo?>("--incidents") { Description = "Incident file (CSV)" };
        var format = FormatOption(required: false);
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this instant (ISO 8601; default now)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var evaluate = new Command("evaluate", "Which terms are breached, which guarantees are triggered, who owes what by when")
        {
            commitments, scenario, incidents, format, asOf, json,
        };
        evaluate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var when = clock.GetUtcNow();
            if (parse.GetValue(asOf) is { } text
                && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out when))
            {
                error.WriteLine($"--as-of: '{text}' is not a date-time (ISO 8601, e.g. 2026-01-02T12:00:00Z)");
                return 1;
            }
            if ((parse.GetValue(commitments) is null) == (parse.GetValue(scenario) is null))
            {
                error.WriteLine("give exactly one of --commitments FILE or --scenario FILE");
                return 1;
            }
            IncidentImport? import = null;
            if (parse.GetValue(incidents) is { } incidentFile)
            {
                import = IncidentFiles.Read(incidentFile.FullName, parse.GetValue(format)!, error);
                if (import is null) return 1;
                ProblemPrinter.Print(error, import.Errors);
                if (import.FileRejected) return 1;
            }
            if (parse.GetValue(scenario) is { } scenarioFile)
                return EvaluateScenario(scenarioFile, import, when, parse.GetValue(json), output, error);
            var file = ReadGuarantees(parse.GetValue(commitments)!, error);
            if (file is null) return 1;
            var (reviewed, problems) = file.Apply(import?.Incidents ?? []);
            foreach (var p in problems) error.WriteLine(p);
            var index = IncidentIndex.Build(reviewed, file.Duplicates);
            var result = GuaranteeEvaluator.Evaluate(file.Commitments, index, file.Events, when);
            if (parse.GetValue(json)) EvaluationOutput.WriteJson(output, result, import, index);
            else EvaluationOutput.WriteText(output, result, import, index);
            return 0;
        });
        return new Command("guarantees", "Ceasefire terms and guarantees checked against incidents") { evaluate };
    }

    private static Command Incidents()
    {
        var path = new Argument<FileInfo>("FILE") { Description = "Incident file (CSV)" };
        var format = FormatOption(required: true);
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var check = new Command("check", "Parse an incident file and report what would be imported, without storing anything")
        {
            path, format, json,
        };
        check.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(path) is { Exists: true } file) NoCollections.ForIncidents(file.Length);
            var import = IncidentFiles.Read(parse.GetValue(path)!.FullName, parse.GetValue(format)!, error);
            if (import is null) return 1;
            var duplicates = import.FileRejected ? 0 : IncidentGroups.Group(import.Incidents).DuplicatesGrouped;
            if (parse.GetValue(json))
                EvaluationOutput.WriteCheckJson(output, import, duplicates);
            else
            {
                output.WriteLine($"imported {import.Incidents.Count}, rejected {import.Rejected}, duplicates grouped {duplicates}");
                ProblemPrinter.Print(output, import.Errors);
            }
            return import.Errors.Count == 0 ? 0 : 1;
        });
        return new Command("incidents", "Incident reports") { check, IncidentImportCommand.Create() };
    }

    private static int EvaluateScenario(FileInfo path, IncidentImport? import, DateTimeOffset when, bool json, TextWriter output, TextWriter error)
    {
        string yaml;
        try { yaml = File.ReadAllText(path.FullName); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot read {path.FullName}: {ex.Message}");
            return 1;
        }
        var read = Core.Formats.Scenario.ScenarioReader.Read(yaml, path.Name);
        ProblemPrinter.Print(error, read.Errors, read.Warnings);
        if (read.Negotiation is not { } negotiation) return 1;
        GuaranteesEvaluation result;
        IncidentIndex index;
        try
        {
            (result, index) = read.Guarantees.Evaluate(negotiation, when, import?.Incidents);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"{path.Name}: {ex.Message}");
            return 1;
        }
        if (json) EvaluationOutput.WriteJson(output, result, import, index);
        else EvaluationOutput.WriteText(output, result, import, index);
        return 0;
    }

    private static GuaranteesFile? ReadGuarantees(FileInfo path, TextWriter error)
    {
        (GuaranteesFile? File, IReadOnlyList<Core.Formats.SourceProblem> Errors) read;
        try
        {
            using var reader = path.OpenText();
            read = GuaranteesFile.Read(reader, path.Name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot read {path.FullName}: {ex.Message}");
            return null;
        }
        ProblemPrinter.Print(error, read.Errors, read.File?.Warnings);
        return read.File;
    }
}
