using System.Security.Cryptography;
using Parley.Core.Record;

namespace Parley.Data.Record;

/// <summary>
/// The instance's checkpoint key: ECDSA on NIST P-256 (the BCL's <see cref="ECDsa"/>), kept in a PEM file outside the
/// database — generated on first use, private half readable by the owner only — so that someone who can rewrite the
/// database cannot sign a rewritten tree. Its public half (<see cref="PublicKeyPem"/>) is what delegations keep to
/// verify checkpoints. A key read from a public PEM verifies but cannot sign.
/// </summary>
public sealed class RecordKey : IDisposable
{
    private readonly ECDsa _key;

    private RecordKey(ECDsa key, bool canSign)
    {
        _key = key;
        CanSign = canSign;
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = SignedNote.KeyId(SubjectPublicKeyInfo);
    }

    /// <summary>The environment variable naming the key file.</summary>
    public const string PathVariable = "PARLEY_RECORD_KEY";

    /// <summary>True when this is the private key (it signs); false for a public key read to verify.</summary>
    public bool CanSign { get; }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>The signed-note key ID: the first 4 bytes of SHA-256 of <see cref="SubjectPublicKeyInfo"/>.</summary>
    public uint KeyId { get; }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The instance's name in origins and signature lines: <c>parley/</c> and the key ID in 8 hex digits.</summary>
    public string Name => $"parley/{KeyId:x8}";

    /// <summary>
    /// The origin of a negotiation's tree, which is also the key name on its checkpoints (C2SP tlog-checkpoint: the log's
    /// key name should match the origin): <c>parley/{key id}/{negotiation}</c>.
    /// </summary>
    public string Origin(string negotiationId) => $"{Name}/{negotiationId}";

    /// <summary>The verifier key text (<c>name+id+base64(0x02 ‖ SPKI)</c>) for tools that speak signed notes.</summary>
    public string VerifierKey(string negotiationId) => SignedNote.VerifierKey(Origin(negotiationId), SubjectPublicKeyInfo);

    /// <summary>The key file: <c>$PARLEY_RECORD_KEY</c>, else <c>record-key.pem</c> in Parley's data folder.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Parley", "record-key.pem");

    /// <summary>Reads the private key from the file, creating it (owner-only) when there is none.</summary>
    /// <exception cref="ParleyDatabaseException">The file cannot be read, written or is not a P-256 private key.</exception>
    public static RecordKey LoadOrCreate(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                // The file is claimed by creating it exclusively (O_EXCL): of several processes starting at the same moment,
                // one writes the key and the others read it — waiting, below, until it is written whole.
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var pem = fresh.ExportPkcs8PrivateKeyPem();
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                try
                {
                    using var file = new StreamWriter(path, options);
                    file.Write(pem);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process created it first: its key is the instance's.
                }
            }
            var key = ECDsa.Create();
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    var text = File.ReadAllText(path);
                    try
                    {
                        key.ImportFromPem(text);
                        break;
                    }
                    catch (ArgumentException) when (attempt < 100 && !text.Contains("-----END", StringComparison.Ordinal))
                    {
                        Thread.Sleep(20); // being written by the process that created it
                    }
                }
            }
            catch
            {
                key.Dispose();
                throw;
            }
            return Checked(new RecordKey(key, canSign: true), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new ParleyDatabaseException($"Cannot use the record key {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a public (or private) key PEM to verify with.</summary>
    /// <exception cref="ArgumentException">The text is not a P-256 key in PEM.</exception>
    public static RecordKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException($"Not an ECDSA key in PEM: {e.Message}", nameof(pem), e);
        }
        var canSign = pem.Contains("PRIVATE KEY", StringComparison.Ordinal);
        return Checked(new RecordKey(key, canSign), "the key given");
    }

    /// <summary>Signs a checkpoint of one negotiation's tree as a signed note whose key name is its origin.</summary>
    /// <exception cref="InvalidOperationException">This is a public key.</exception>
    public string Sign(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!CanSign) throw new InvalidOperationException("A public key cannot sign.");
        return SignedNote.Sign(checkpoint.Body(), checkpoint.Origin, _key);
    }

    /// <summary>Opens a signed checkpoint of <paramref name="negotiationId"/>: its checkpoint, or the reason it does not verify.</summary>
    public (Checkpoint? Checkpoint, string? Error) Open(string note, string negotiationId)
    {
        NoteVerification opened;
        try
        {
            opened = SignedNote.Open(note ?? "", Origin(negotiationId), SubjectPublicKeyInfo);
        }
        catch (ArgumentException e) // the negotiation id makes no key name (white space, '+'): not an id Parley wrote
        {
            return (null, $"'{Origin(negotiationId)}' cannot be an origin: {e.Message}");
        }
        if (!opened.Ok) return (null, opened.Error);
        try
        {
            var checkpoint = Checkpoint.ParseBody(opened.Text!);
            return checkpoint.Origin == Origin(negotiationId)
                ? (checkpoint, null)
                : (null, $"it is a checkpoint of {checkpoint.Origin}, not of {Origin(negotiationId)}");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static RecordKey Checked(RecordKey key, string source)
    {
        if (key._key.KeySize != 256)
        {
            key.Dispose();
            throw new ArgumentException($"{source} is not a NIST P-256 key.");
        }
        return key;
    }
}
