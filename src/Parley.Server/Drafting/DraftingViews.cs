using Parley.Core.Drafting;
using Parley.Application.Drafting;

namespace Parley.Server.Drafting;

/// <summary>A version just stored, with its figures.</summary>
public sealed record DraftVersionCreated(
    string Draft, string Version, DateOnly? Date, string? Author, DraftFormat Format, DraftJson.StatsJson Stats);

/// <summary>
/// How much of a draft's text is agreed, for the Talks dashboard ("agreed share by text"). <c>AsWritten</c> is the agreed
/// share by words of the version as tabled; <c>Resolved</c> is the same after the brackets of the issues agreed as of
/// <c>AsOf</c> are resolved (the agreed alternative kept, the others removed).
/// </summary>
public sealed record DraftAgreedShareView(
    string Draft,
    string Version,
    DateOnly? Date,
    DateTimeOffset AsOf,
    double AsWritten,
    double Resolved,
    long Words,
    long AgreedWords,
    long ResolvedWords,
    long ResolvedAgreedWords,
    int BracketsResolved,
    IReadOnlyList<DraftIssueShareView> Issues);

/// <summary>One issue's provisions in a draft: agreed share by words as written and once the agreed issues are resolved.</summary>
public sealed record DraftIssueShareView(string Issue, string? AgreedOption, long Words, double AsWritten, double Resolved);
