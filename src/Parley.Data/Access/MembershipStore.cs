using Microsoft.EntityFrameworkCore;
using Parley.Core;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Data.History;
using Parley.Data.Mapping;

namespace Parley.Data.Access;

/// <summary>A membership as listed: who, in which role, for which party, granted when and by whom.</summary>
public sealed record Member(string User, MemberRole Role, string? Party, DateTimeOffset GrantedAt, string GrantedBy);

/// <summary>A negotiation a user is a member of, with the role held there.</summary>
public sealed record MemberOf(string NegotiationId, MemberRole Role, string? Party);

/// <summary>
/// Memberships (user × negotiation × role [× party]). Every grant and revocation appends a history entry
/// (<c>membership.granted</c>, <c>membership.revoked</c>, readable by the mediator) in the same transaction.
/// </summary>
public sealed class MembershipStore(ParleyDbContext db, TimeProvider clock)
{
    private readonly HistoryLog _history = new(db, clock);

    /// <summary>How <paramref name="userId"/> (named <paramref name="userName"/>) sees <paramref name="negotiationId"/>, or null when not a member.</summary>
    public async Task<Viewer?> ViewerAsync(string userId, string userName, string negotiationId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var row = await HotQueries.For(db).Membership(db, negotiationId, userId);
        return row is null ? null : new Viewer(userName, Enum.Parse<MemberRole>(row.Role), row.Party);
    }

    /// <summary>The negotiations <paramref name="userId"/> is a member of, ordered by id.</summary>
    public async Task<IReadOnlyList<MemberOf>> NegotiationsOfAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        return rows.OrderBy(r => r.NegotiationId, StringComparer.Ordinal)
            .Select(r => new MemberOf(r.NegotiationId, Enum.Parse<MemberRole>(r.Role), r.Party)).ToArray();
    }

    /// <summary>The members of a negotiation, ordered by user name.</summary>
    public async Task<IReadOnlyList<Member>> ListAsync(string negotiationId, CancellationToken ct = default)
    {
        var rows = await db.Memberships.AsNoTracking().Where(m => m.NegotiationId == negotiationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.UserName, m.Role, m.Party, m.GrantedAt, m.GrantedBy })
            .ToListAsync(ct);
        return rows.Select(r => new Member(r.UserName ?? "", Enum.Parse<MemberRole>(r.Role), r.Party, r.GrantedAt, r.GrantedBy))
            .OrderBy(m => m.User, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Grants (or changes) the membership of the user named <paramref name="userName"/>. History: <c>membership.granted</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A delegation without a party, or a party for a role that speaks for none.</exception>
    /// <exception cref="RuleRefusal">No such user or negotiation (<see cref="RefusalKind.NotFound"/>), or a party the
    /// negotiation does not have. Nothing is written.</exception>
    public async Task GrantAsync(string negotiationId, string userName, MemberRole role, string? party, string actor, CancellationToken ct = default)
    {
        var viewer = new Viewer(userName, role, party); // checks role × party
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var userId = await UserIdAsync(userName, ct);
            if (!await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct))
                throw new RuleRefusal("negotiation", $"There is no negotiation '{negotiationId}'.", RefusalKind.NotFound);
            if (party is not null && !await db.Parties.AnyAsync(p => p.NegotiationId == negotiationId && p.Id == party, ct))
                throw new RuleRefusal(nameof(party), $"Negotiation '{negotiationId}' has no party '{party}'.");
            var row = await db.Memberships.SingleOrDefaultAsync(m => m.NegotiationId == negotiationId && m.UserId == userId, ct);
            if (row is null)
            {
                row = new MembershipRow { NegotiationId = negotiationId, UserId = userId, Role = "", GrantedBy = "" };
                db.Memberships.Add(row);
            }
            row.Role = role.ToString();
            row.Party = viewer.Party;
            row.GrantedAt = Instants.ToMicroseconds(clock.GetUtcNow());
            row.GrantedBy = actor;
            await _history.AppendAsync(negotiationId, actor, "membership.granted", "membership", userName, Visibility.MediatorOnly,
                StoredJson.Write(new { user = userName, role = role.ToString().ToLowerInvariant(), party }), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Revokes a membership. History: <c>membership.revoked</c>. False when the user held none there.</summary>
    /// <exception cref="RuleRefusal">No such user (<see cref="RefusalKind.NotFound"/>).</exception>
    public async Task<bool> RevokeAsync(string negotiationId, string userName, string actor, CancellationToken ct = default)
    {
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var userId = await UserIdAsync(userName, ct);
            if (await db.Memberships.Where(m => m.NegotiationId == negotiationId && m.UserId == userId).ExecuteDeleteAsync(ct) == 0) return false;
            await _history.AppendAsync(negotiationId, actor, "membership.revoked", "membership", userName, Visibility.MediatorOnly,
                StoredJson.Write(new { user = userName }), ct, new Record.RowChanges().Row<MembershipRow>(negotiationId, userId));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<string> UserIdAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct)
            ?? throw new RuleRefusal("user", $"There is no user '{userName}'.", RefusalKind.NotFound);
    }
}
