using System.Diagnostics.CodeAnalysis;

namespace Parley.Core.Record;

/// <summary>Why <see cref="SignedNote.Open"/> refused a note.</summary>
public enum NoteFailure
{
    /// <summary>Not refused: the note verified.</summary>
    None,

    /// <summary>
    /// The note is not a signed note: a control character or unpaired surrogate, no blank line before the signatures,
    /// a signature line not of the form <c>— {name} {base64}</c>, more than 100 signature lines or more than 1 MiB.
    /// </summary>
    Malformed,

    /// <summary>The note is well-formed but has no signature line whose key name and key ID both match the key.</summary>
    NoSignatureFromKey,

    /// <summary>A signature line whose key name and key ID match the key does not verify over the note text.</summary>
    InvalidSignature,
}

/// <summary>
/// The outcome of opening a signed note with one trusted key: either the verified text (<see cref="Ok"/>) or why it
/// was refused (<see cref="Failure"/> and a one-line <see cref="Error"/>). A refusal is an expected answer for notes
/// from an untrusted source, so it is a value, not an exception.
/// </summary>
public sealed class NoteVerification
{
    private NoteVerification(string? text, NoteFailure failure, string? error)
    {
        Text = text;
        Failure = failure;
        Error = error;
    }

    /// <summary>Whether the note verified; then <see cref="Text"/> is set and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    public bool Ok => Text is not null;

    /// <summary>The verified note text (ending in a newline, without the blank line and signatures), or null when refused.</summary>
    public string? Text { get; }

    /// <summary>Why the note was refused; <see cref="NoteFailure.None"/> when it verified.</summary>
    public NoteFailure Failure { get; }

    /// <summary>A one-line reason for the refusal, starting with the failure ("malformed note: …"), or null when it verified.</summary>
    public string? Error { get; }

    internal static NoteVerification Verified(string text) => new(text, NoteFailure.None, null);

    internal static NoteVerification Rejected(NoteFailure failure, string error) => new(null, failure, error);

    /// <inheritdoc/>
    public override string ToString() => Ok ? "verified" : Error ?? Failure.ToString();
}
