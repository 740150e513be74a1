namespace Parley.Core.Guarantees;

/// <summary>How a verification's evidence is referred to.</summary>
public enum EvidenceKind
{
    /// <summary>An absolute http or https address (imagery, a published report).</summary>
    Link,

    /// <summary>A file kept elsewhere, named by its path or name (a patrol report in the mission's archive).</summary>
    File,
}

/// <summary>
/// What a verification rests on, as a monitor enters it on the desk: a link or a file reference. Stored as the
/// step's evidence text — the address itself, or <c>file:</c> and the reference — so the API and the CLI read it as
/// before; any other stored text reads back as a plain note (<see cref="Parse"/> returns null).
/// </summary>
public sealed record EvidenceReference
{
    /// <summary>The prefix of a stored file reference.</summary>
    public const string FilePrefix = "file:";

    /// <summary>The longest reference accepted.</summary>
    public const int MaxLength = 500;

    /// <summary>Checks the reference.</summary>
    /// <exception cref="ArgumentException">Empty, longer than <see cref="MaxLength"/>, with control characters, a link that
    /// is not an absolute http(s) address, or a file reference that is one.</exception>
    public EvidenceReference(EvidenceKind kind, string value)
    {
        var v = value?.Trim() ?? "";
        if (Problem(kind, v) is { } problem) throw new ArgumentException(problem, Enum.IsDefined(kind) ? nameof(value) : nameof(kind));
        (Kind, Value) = (kind, v);
    }

    /// <summary>Why <paramref name="v"/> (trimmed) is not a reference of this kind, or null when it is one.</summary>
    private static string? Problem(EvidenceKind kind, string v)
    {
        if (!Enum.IsDefined(kind)) return "unknown kind";
        if (v.Length == 0) return kind == EvidenceKind.Link ? "give the address" : "give the file's path or name";
        if (v.Length > MaxLength) return $"at most {MaxLength} characters";
        if (v.Any(char.IsControl)) return "control characters are not allowed";
        var isWeb = Uri.TryCreate(v, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (kind == EvidenceKind.Link && !isWeb) return $"'{v}' is not an http or https address";
        if (kind == EvidenceKind.File && isWeb) return "an address is a link, not a file reference";
        return null;
    }

    /// <summary>Link or file.</summary>
    public EvidenceKind Kind { get; }

    /// <summary>The address, or the file's path or name.</summary>
    public string Value { get; }

    /// <summary>The text stored as the step's evidence.</summary>
    public string Stored => Kind == EvidenceKind.Link ? Value : FilePrefix + Value;

    /// <summary>The reference a stored evidence text holds, or null when it is a plain note (or empty).</summary>
    public static EvidenceReference? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return null;
        var (kind, v) = stored.StartsWith(FilePrefix, StringComparison.Ordinal)
            ? (EvidenceKind.File, stored[FilePrefix.Length..].Trim())
            : (EvidenceKind.Link, stored.Trim());
        // A note written through the API ("patrol report and imagery") is no reference: it is shown as it is.
        return Problem(kind, v) is null ? new EvidenceReference(kind, v) : null;
    }
}
