using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Core.Formats;
using Parley.Application.Infrastructure;

namespace Parley.Server.Infrastructure;

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
