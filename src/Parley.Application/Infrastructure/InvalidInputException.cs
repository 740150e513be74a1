namespace Parley.Application.Infrastructure;

/// <summary>
/// A request the user got wrong: a malformed field in the body or the query. Thrown while turning a request
/// into model values, mapped to a 400 naming the field.
/// </summary>
public sealed class InvalidInputException(string field, string message) : Exception(message)
{
    /// <summary>The offending field, as the client named it.</summary>
    public string Field { get; } = field;
}
