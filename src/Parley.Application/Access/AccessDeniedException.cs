namespace Parley.Application.Access;

/// <summary>
/// A member asked for something their role or party does not allow (a delegation recording another party's
/// position, an observer writing). The server maps it to a 403 ProblemDetails naming the field.
/// </summary>
public sealed class AccessDeniedException(string field, string message) : Exception(message)
{
    /// <summary>The request field whose value is not allowed (e.g. <c>party</c>, <c>visibility</c>).</summary>
    public string Field { get; } = field;
}
