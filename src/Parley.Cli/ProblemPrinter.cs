using System.Text;
using Parley.Core.Drafting;
using Parley.Core.Formats;

namespace Parley.Cli;

/// <summary>
/// The one way the <c>parley</c> command prints problems found in a user's file — scenario and guarantees YAML, incident
/// CSV, GENIUS files, drafts: one line each as <see cref="SourceProblem.ToString"/> reads
/// (<c>file:line:column: field: message near "excerpt"</c>), warnings after the errors with <c>warning: </c> after the position.
/// </summary>
internal static class ProblemPrinter
{
    /// <summary>Writes <paramref name="errors"/>, then <paramref name="warnings"/>, one a line.</summary>
    public static void Print(TextWriter to, IEnumerable<SourceProblem> errors, IEnumerable<SourceProblem>? warnings = null)
    {
        // Gathered and written some 32 KB at a time rather than a write per line: a long draft has thousands of problems,
        // and each write to standard output is a system call.
        var lines = new StringBuilder();
        foreach (var e in errors) Line(to, lines, e.ToString());
        foreach (var w in warnings ?? []) Line(to, lines, w.Describe(warning: true));
        to.Write(lines);
    }

    private static void Line(TextWriter to, StringBuilder lines, string line)
    {
        lines.Append(line).Append(to.NewLine);
        if (lines.Length < 1 << 15) return;
        to.Write(lines);
        lines.Clear();
    }

    /// <summary>Writes a draft's problems, then its warnings, labelled <paramref name="file"/> (a path or draft/version).</summary>
    public static void Print(TextWriter to, string file, DraftDocument document) =>
        Print(to, document.Problems.Select(p => p.Source(file)), document.Warnings.Select(w => w.Source(file)));
}
