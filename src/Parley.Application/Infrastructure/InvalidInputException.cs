namespace Parley.Application.Infrastructure;

/// <summary>
/// A request the user got wrong: a malformed field in the body, the query or a command's options. Thrown while turning
/// a request into model values; the server maps it to a 400 naming the field (ProblemMapping), the CLI prints the field
/// and the message.
/// </summary>
public sealed class InvalidInputException(string field, string message) : Exception(message)
{
    /// <summary>The offending field, as the client named it.</summary>
    public string Field { get; } = field;
}
