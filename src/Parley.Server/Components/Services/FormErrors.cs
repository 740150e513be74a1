namespace Parley.Server.Components.Services;

/// <summary>
/// The messages a form shows next to its fields, one per field (the first found wins), keyed by the form's own
/// field names. A form links each message to its input with <c>aria-describedby</c> (<see cref="DescribedBy"/>)
/// and marks the input <c>aria-invalid</c> (<see cref="Invalid"/>).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    /// <summary>No error at all.</summary>
    public static FormErrors None => new();

    /// <summary>True when some field has a message.</summary>
    public bool Any => _byField.Count > 0;

    /// <summary>Every message, in the order found.</summary>
    public IEnumerable<KeyValuePair<string, string>> All => _byField;

    /// <summary>The message for <paramref name="field"/>, or null.</summary>
    public string? this[string field] => _byField.GetValueOrDefault(field);

    /// <summary>Records a message for <paramref name="field"/> unless it already has one.</summary>
    public FormErrors Add(string field, string message)
    {
        _byField.TryAdd(field, message);
        return this;
    }

    /// <summary>The value of <c>aria-invalid</c> for <paramref name="field"/>.</summary>
    public string Invalid(string field) => _byField.ContainsKey(field) ? "true" : "false";

    /// <summary>
    /// The value of <c>aria-describedby</c> for <paramref name="field"/>: its hint (if any) and, when it has one,
    /// its message, whose element id is <c>{prefix}-{field}-error</c> (see <see cref="ErrorId"/>). Null when neither.
    /// </summary>
    public string? DescribedBy(string prefix, string field, string? hintId = null)
    {
        var ids = new[] { hintId, _byField.ContainsKey(field) ? ErrorId(prefix, field) : null }.Where(x => x is not null);
        var joined = string.Join(" ", ids);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The element id of a field's message.</summary>
    public static string ErrorId(string prefix, string field) => $"{prefix}-{field}-error";
}
