using Parley.Core.Formats;

namespace Parley.Application.Infrastructure;

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
