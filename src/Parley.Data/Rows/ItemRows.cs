using Parley.Core.Talks;

namespace Parley.Data.Rows;

// Instants are stored as the UTC instant plus the offset in minutes the user wrote it with, so that
// "2025-12-15T10:00+01:00" comes back as written. Properties named *Json hold small nested values as JSON text.

/// <summary>A party row; roles and delegates are JSON.</summary>
public sealed class PartyRow : ItemRow
{
    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Role names, e.g. <c>["Principal","Guarantor"]</c>.</summary>
    public required string RolesJson { get; set; }

    /// <summary>Delegates: <c>[{"id","name","title"}]</c>.</summary>
    public required string DelegatesJson { get; set; }
}

/// <summary>An issue row; options and explicit principals are JSON.</summary>
public sealed class IssueRow : ItemRow
{
    /// <summary>Display title.</summary>
    public required string Title { get; set; }

    /// <summary>Free category.</summary>
    public required string Category { get; set; }

    /// <summary>Relative weight.</summary>
    public double Weight { get; set; }

    /// <summary>Options: <c>[{"id","label","description"}]</c>.</summary>
    public required string OptionsJson { get; set; }

    /// <summary>Explicit principals as a JSON array, or null for the default.</summary>
    public string? PrincipalsJson { get; set; }

    /// <summary>Longer description.</summary>
    public required string Description { get; set; }
}

/// <summary>A statement row; signatories and stances are JSON.</summary>
public sealed class StatementRow : ItemRow
{
    /// <summary>When it was made (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Offset of <see cref="At"/> as written, in minutes.</summary>
    public short AtOffset { get; set; }

    /// <summary>What was said.</summary>
    public required string Text { get; set; }

    /// <summary>Signatory party ids as a JSON array.</summary>
    public required string SignatoriesJson { get; set; }

    /// <summary>The delegate who spoke.</summary>
    public string? Speaker { get; set; }

    /// <summary>Stances: <c>[{"issue","option","proposal","stance"}]</c>.</summary>
    public required string StancesJson { get; set; }

    /// <summary>Where it was reported.</summary>
    public required string Source { get; set; }
}

/// <summary>A position row; stances are a JSON object option → stance name.</summary>
public sealed class PositionRow : ItemRow
{
    /// <summary>The party holding it.</summary>
    public required string Party { get; set; }

    /// <summary>The issue it is about.</summary>
    public required string Issue { get; set; }

    /// <summary>Valid from (UTC).</summary>
    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>Offset of <see cref="ValidFrom"/> as written, in minutes.</summary>
    public short ValidFromOffset { get; set; }

    /// <summary>Stances, e.g. <c>{"freeze":"RedLine"}</c>.</summary>
    public required string StancesJson { get; set; }

    /// <summary>The statement it comes from.</summary>
    public string? Statement { get; set; }

    /// <summary>Analyst's note.</summary>
    public required string Note { get; set; }
}

/// <summary>A proposal row; package, addressees and responses are JSON.</summary>
public sealed class ProposalRow : ItemRow
{
    /// <summary>The party making it.</summary>
    public required string Author { get; set; }

    /// <summary>Display title.</summary>
    public required string Title { get; set; }

    /// <summary>Package, e.g. <c>{"territory":"freeze"}</c>.</summary>
    public required string PackageJson { get; set; }

    /// <summary>Addressee party ids as a JSON array.</summary>
    public required string AddresseesJson { get; set; }

    /// <summary>When it was made (UTC).</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>Offset of <see cref="Created"/> as written, in minutes.</summary>
    public short CreatedOffset { get; set; }

    /// <summary>Deadline (UTC), if any.</summary>
    public DateTimeOffset? Expires { get; set; }

    /// <summary>Offset of <see cref="Expires"/> as written, in minutes.</summary>
    public short? ExpiresOffset { get; set; }

    /// <summary>Answers: <c>[{"party","kind","at","statement"}]</c>, <c>at</c> in ISO 8601 with its offset.</summary>
    public required string ResponsesJson { get; set; }

    /// <summary>When withdrawn (UTC), if it was.</summary>
    public DateTimeOffset? Withdrawn { get; set; }

    /// <summary>Offset of <see cref="Withdrawn"/> as written, in minutes.</summary>
    public short? WithdrawnOffset { get; set; }

    /// <summary>Longer description.</summary>
    public required string Description { get; set; }
}

/// <summary>An agreement row; the agreeing parties are JSON.</summary>
public sealed class AgreementRow : ItemRow
{
    /// <summary>The issue agreed.</summary>
    public required string Issue { get; set; }

    /// <summary>The option agreed.</summary>
    public required string Option { get; set; }

    /// <summary>Agreeing party ids as a JSON array.</summary>
    public required string PartiesJson { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Offset of <see cref="At"/> as written, in minutes.</summary>
    public short AtOffset { get; set; }

    /// <summary>Agreed pending the capitals' approval.</summary>
    public bool AdReferendum { get; set; }

    /// <summary>Where it was recorded.</summary>
    public string? Source { get; set; }

    /// <summary>Analyst's note.</summary>
    public required string Note { get; set; }
}

/// <summary>A round row; attendees are JSON.</summary>
public sealed class RoundRow : ItemRow
{
    /// <summary>Display title.</summary>
    public required string Title { get; set; }

    /// <summary>First day (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>Offset of <see cref="Start"/> as written, in minutes.</summary>
    public short StartOffset { get; set; }

    /// <summary>Last day (UTC).</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Offset of <see cref="End"/> as written, in minutes.</summary>
    public short EndOffset { get; set; }

    /// <summary>Where it is held.</summary>
    public required string Venue { get; set; }

    /// <summary>Attending party ids as a JSON array.</summary>
    public required string AttendeesJson { get; set; }

    /// <summary>What came of it.</summary>
    public required string Outcome { get; set; }
}

/// <summary>A working group row; members and issues are JSON.</summary>
public sealed class WorkingGroupRow : ItemRow
{
    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Member party ids as a JSON array.</summary>
    public required string MembersJson { get; set; }

    /// <summary>Issue ids as a JSON array.</summary>
    public required string IssuesJson { get; set; }

    /// <summary>Next meeting (UTC), if known.</summary>
    public DateTimeOffset? NextMeeting { get; set; }

    /// <summary>Offset of <see cref="NextMeeting"/> as written, in minutes.</summary>
    public short? NextMeetingOffset { get; set; }

    /// <summary>Where it meets.</summary>
    public required string Venue { get; set; }
}

/// <summary>A contingency row; the trigger is flattened into columns, the actions are JSON.</summary>
public sealed class ContingencyRow : ItemRow
{
    /// <summary>The party holding the plan.</summary>
    public required string Owner { get; set; }

    /// <summary>The event it waits for.</summary>
    public TriggerKind TriggerKind { get; set; }

    /// <summary>The proposal watched.</summary>
    public required string TriggerProposal { get; set; }

    /// <summary>The party whose rejection counts, if one is named.</summary>
    public string? TriggerBy { get; set; }

    /// <summary>Actions: <c>[{"kind","party","text"}]</c>.</summary>
    public required string ActionsJson { get; set; }

    /// <summary>The statement announcing it.</summary>
    public string? Statement { get; set; }
}
