namespace Parley.Core;

/// <summary>How a refusal by a constructor's or rule's check reads to a user.</summary>
public static class ArgumentExceptionText
{
    /// <summary>
    /// The exception's message without the " (Parameter 'x')" that .NET appends: the field is shown beside the
    /// message (a form's field, a file's line and field, a ProblemDetails key), so repeating the C# name adds nothing.
    /// </summary>
    public static string Reason(this ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
    }
}
