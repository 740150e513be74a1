using Parley.Core.Settlement;
using Parley.Data.Rows;

namespace Parley.Data.Mapping;

/// <summary><see cref="PartyPreferences"/> ↔ <see cref="PreferenceProfileRow"/>.</summary>
internal static class PreferenceMapping
{
    public static PreferenceProfileRow Row(string negotiation, int ordinal, PartyPreferences p) => new()
    {
        NegotiationId = negotiation,
        Id = p.Party,
        Ordinal = ordinal,
        VisibilityScope = p.Visibility.Scope,
        VisibilityParty = p.Visibility.Party,
        Reservation = p.Reservation,
        IssuesJson = StoredJson.Write(p.Issues.Select(i => new IssuePreferenceJson(i.Issue, i.Weight, [.. i.Values.Select(v => new OptionValueJson(v.Key, v.Value))]))),
        RedLinesJson = StoredJson.Write(p.RedLines.Select(Key)),
        ConstraintsJson = StoredJson.Write(p.Constraints.Select(c => new ConstraintJson(c.Kind, Key(c.If), Key(c.Then)))),
        InteractionsJson = StoredJson.Write(p.Interactions.Select(t => new InteractionJson(Key(t.First), Key(t.Second), t.Bonus))),
        Note = p.Note,
    };

    public static PartyPreferences Profile(PreferenceProfileRow r) => new(
        r.Id,
        StoredJson.Read<IssuePreferenceJson[]>(r.IssuesJson).Select(i => new IssuePreference(i.Issue, i.Weight, i.Values.Select(v => KeyValuePair.Create(v.Option, v.Value)))),
        r.Reservation,
        StoredJson.Read<OptionKeyJson[]>(r.RedLinesJson).Select(Key),
        StoredJson.Read<ConstraintJson[]>(r.ConstraintsJson).Select(c => new PreferenceConstraint(c.Kind, Key(c.If), Key(c.Then))),
        StoredJson.Read<InteractionJson[]>(r.InteractionsJson).Select(t => new PreferenceInteraction(Key(t.First), Key(t.Second), t.Bonus)),
        r.Note,
        new Core.Talks.Visibility(r.VisibilityScope, r.VisibilityParty));

    private static OptionKeyJson Key(OptionKey k) => new(k.Issue, k.Option);

    private static OptionKey Key(OptionKeyJson k) => new(k.Issue, k.Option);
}

internal sealed record OptionValueJson(string Option, double Value);

internal sealed record IssuePreferenceJson(string Issue, double Weight, OptionValueJson[] Values);

internal sealed record OptionKeyJson(string Issue, string Option);

internal sealed record ConstraintJson(ConstraintKind Kind, OptionKeyJson If, OptionKeyJson Then);

internal sealed record InteractionJson(OptionKeyJson First, OptionKeyJson Second, double Bonus);
