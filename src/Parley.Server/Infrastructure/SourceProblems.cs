using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Core.Formats;

namespace Parley.Server.Infrastructure;

/// <summary>
/// A <see cref="SourceProblem"/> on the wire: the one JSON shape of a problem in what a client sent (a scenario, an
/// incident CSV, a draft's text), in a ProblemDetails' <c>problems</c> list and in an import's rejected rows.
/// </summary>
/// <param name="File">The file name; empty for a request body without one.</param>
/// <param name="Line">1-based line; 0 when none.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Field">The field path, CSV column or element at fault; empty for the source as a whole.</param>
/// <param name="Message">What is wrong, without the position.</param>
/// <param name="Excerpt">A short piece of the source at the position; may be empty.</param>
public sealed record ProblemView(string File, int Line, int Column, string Field, string Message, string Excerpt)
{
    /// <summary>Projects a problem.</summary>
    public static ProblemView From(SourceProblem p) => new(p.File, p.Line, p.Column, p.Field, p.Message, p.Excerpt);

    /// <summary>The problem this view shows.</summary>
    public SourceProblem ToSource() => new(File, Line, Column, Field, Message, Excerpt);
}

/// <summary>The one way the API refuses a source with problems: a 400 ValidationProblem listing them all.</summary>
public static class SourceProblems
{
    /// <summary>At most this many problems are joined into the <c>detail</c> text (all are in <c>problems</c>).</summary>
    public const int InDetail = 20;

    /// <summary>
    /// A 400 titled <paramref name="title"/>: <c>errors</c> maps each field (<paramref name="wholeSource"/> for a problem
    /// of the source as a whole) to its problems as <see cref="SourceProblem.ToString"/> prints them, <c>detail</c> joins
    /// the first <see cref="InDetail"/> by lines, and the extension <c>problems</c> lists every one as
    /// <c>{file, line, column, field, message, excerpt}</c>.
    /// </summary>
    public static ValidationProblem Refuse(string title, IReadOnlyList<SourceProblem> problems, string wholeSource) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field.Length > 0 ? p.Field : wholeSource).ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray()),
            detail: string.Join("\n", problems.Take(InDetail)), title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(ProblemView.From).ToArray() });
}
