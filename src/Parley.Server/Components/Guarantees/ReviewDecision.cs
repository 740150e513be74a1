using Parley.Core.Guarantees;

namespace Parley.Server.Components.Guarantees;

/// <summary>A reviewer's decision on a report, from the verification queue.</summary>
/// <param name="Incident">The report's id.</param>
/// <param name="To">Verified or rejected.</param>
/// <param name="ResponsibleParty">Who is held responsible (verifications only), or null.</param>
/// <param name="Evidence">What the decision rests on, or null.</param>
public sealed record ReviewDecision(string Incident, VerificationState To, string? ResponsibleParty, string? Evidence);
