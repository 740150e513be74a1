using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data.Access;
using Parley.Data.Rows;

namespace Parley.Data;

/// <summary>
/// The storage model shared by both providers: one table per item kind keyed by (negotiation id, item id),
/// the history log and its head, and the sign-in tables (ASP.NET Core Identity, schema version 3 with passkeys),
/// memberships and API tokens. Use <see cref="ParleyDatabase.Open"/> to get the right subclass;
/// <see cref="NegotiationStore"/> is the way to read and change negotiations. One instance is not thread-safe.
/// </summary>
public abstract class ParleyDbContext : IdentityUserContext<ParleyUser>
{
    private protected ParleyDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>Negotiation header rows.</summary>
    public DbSet<NegotiationRow> Negotiations => Set<NegotiationRow>();

    /// <summary>Party rows.</summary>
    public DbSet<PartyRow> Parties => Set<PartyRow>();

    /// <summary>Issue rows.</summary>
    public DbSet<IssueRow> Issues => Set<IssueRow>();

    /// <summary>Statement rows.</summary>
    public DbSet<StatementRow> Statements => Set<StatementRow>();

    /// <summary>Position rows.</summary>
    public DbSet<PositionRow> Positions => Set<PositionRow>();

    /// <summary>Proposal rows.</summary>
    public DbSet<ProposalRow> Proposals => Set<ProposalRow>();

    /// <summary>Agreement rows.</summary>
    public DbSet<AgreementRow> Agreements => Set<AgreementRow>();

    /// <summary>Round rows.</summary>
    public DbSet<RoundRow> Rounds => Set<RoundRow>();

    /// <summary>Working group rows.</summary>
    public DbSet<WorkingGroupRow> WorkingGroups => Set<WorkingGroupRow>();

    /// <summary>Contingency rows.</summary>
    public DbSet<ContingencyRow> Contingencies => Set<ContingencyRow>();

    /// <summary>Incident reports (Guarantees).</summary>
    public DbSet<Guarantees.IncidentRow> Incidents => Set<Guarantees.IncidentRow>();

    /// <summary>Verification steps of incident reports.</summary>
    public DbSet<Guarantees.IncidentReviewRow> IncidentReviews => Set<Guarantees.IncidentReviewRow>();

    /// <summary>Commitments (ceasefire terms and guarantees).</summary>
    public DbSet<Guarantees.CommitmentRow> Commitments => Set<Guarantees.CommitmentRow>();

    /// <summary>Lifecycle events and performed actions of commitments.</summary>
    public DbSet<Guarantees.CommitmentEventRow> CommitmentEvents => Set<Guarantees.CommitmentEventRow>();

    /// <summary>The append-only history log.</summary>
    public DbSet<HistoryRow> History => Set<HistoryRow>();

    /// <summary>The single row naming the log's last entry.</summary>
    public DbSet<HistoryHeadRow> HistoryHead => Set<HistoryHeadRow>();

    /// <summary>The head (size, root, frontier) of each negotiation's record tree.</summary>
    public DbSet<RecordHeadRow> RecordHeads => Set<RecordHeadRow>();

    /// <summary>Signed checkpoints of the negotiations' record trees.</summary>
    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    /// <summary>Memberships: user × negotiation × role [× party].</summary>
    public DbSet<MembershipRow> Memberships => Set<MembershipRow>();

    /// <summary>Personal API tokens (hashed).</summary>
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    /// <summary>What this context points at, without secrets, for error messages ("SQLite file /x/parley.db").</summary>
    public abstract string Target { get; }

    /// <summary>
    /// Begins a write transaction that holds the database-wide writer lock until it ends, so that
    /// load-change-save and history appends never interleave (the hash chain cannot fork, no update is lost).
    /// </summary>
    internal abstract Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct);

    /// <summary>Begins a read-only transaction in which several queries see one consistent snapshot.</summary>
    internal abstract Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken ct);

    /// <summary>Takes the database-wide set-up lock (<see cref="SetupLock"/>) until the result is disposed.</summary>
    internal abstract Task<IAsyncDisposable> AcquireSetupLockAsync(CancellationToken ct);

    /// <summary>
    /// Hears what each of this context's committed transactions appended to the history (the server's live updates);
    /// null: nobody listens. Set by whoever creates the context.
    /// </summary>
    public History.IHistoryListener? HistoryListener { get; set; }

    /// <summary>The (negotiation, visibility) pairs of the entries appended in the open transaction, in order (<see cref="History.HistoryCommits"/>).</summary>
    internal List<History.ChangedVisibility> Appended { get; } = [];

    /// <summary>How many entries of <see cref="Appended"/> came before each open savepoint.</summary>
    internal Stack<int> AppendMarks { get; } = new();

    /// <summary>True while <see cref="ParleyDatabase.LockForSetupAsync"/> holds the set-up lock for this context.</summary>
    internal bool HoldsSetupLock { get; set; }

    /// <summary>Provider-specific set-up after migrations (e.g. SQLite's journal mode).</summary>
    internal virtual Task AfterMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider settings that must be made before the first table is created (SQLite's page size).</summary>
    internal virtual Task BeforeMigrateAsync(CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ParleyUser>().ToTable("users");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        // Identity's base builds version 3 (passkeys) only from DI options, which this context does not use.
        modelBuilder.Entity<IdentityUserPasskey<string>>(b =>
        {
            b.ToTable("user_passkeys");
            b.HasKey(p => p.CredentialId);
            b.Property(p => p.CredentialId).HasMaxLength(1024); // at most 1023 bytes (WebAuthn)
            b.HasOne<ParleyUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
            b.OwnsOne(p => p.Data).ToJson();
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParleyDbContext).Assembly);
        // snake_case columns so hand-written SQL on PostgreSQL needs no quotes; tables are named in the configurations.
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
