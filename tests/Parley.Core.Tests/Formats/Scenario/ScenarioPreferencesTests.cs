using Parley.Core.Formats.Scenario;
using Parley.Core.Settlement;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>The <c>preferences</c> section: what it reads, what it refuses (with line and field), and the round trip.</summary>
public class ScenarioPreferencesTests
{
    // Talks has 22 lines: in the error tests the section starts on line 23.
    private const string Talks = """
        negotiation:
          id: t
          title: Test talks
        parties:
          - id: ua
            name: Ukraine
            roles: [principal]
          - id: ru
            name: Russia
            roles: [principal]
        issues:
          - id: nato
            title: NATO
            options:
              - {id: path, label: Path}
              - {id: forgo, label: Forgo}
          - id: guarantees
            title: Guarantees
            options:
              - {id: art5, label: Article 5-like}
              - {id: none, label: None}
              - {id: conditional, label: Conditional}
        """;

    private const string Profiles = """

        preferences:
          - party: ua
            reservation: 0.4
            issues:
              nato: {weight: 0.3, values: {path: 1, forgo: 0.25}}
              guarantees: {weight: 0.7, values: {art5: 1, conditional: 0.5}}
            red_lines: {guarantees: [none]}
            constraints:
              - {if: {nato: forgo}, requires: {guarantees: art5}}
            interactions:
              - {when: {nato: forgo, guarantees: art5}, bonus: 0.05}
            note: Illustrative.
          - party: ru
            issues:
              nato: {weight: 2, values: {forgo: 1}}
            constraints:
              - {if: {guarantees: art5}, excludes: {nato: path}}
            visibility: mediator
        """;

    private static ScenarioReadResult Read(string yaml) => ScenarioReader.Read(yaml, "t.yaml");

    private static Parley.Core.Formats.SourceProblem Single(string profiles)
    {
        var result = Read(Talks + "\n" + profiles);
        Assert.Null(result.Negotiation);
        Assert.Empty(result.Preferences);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Read_FullProfiles_EveryField()
    {
        var result = Read(Talks + Profiles);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(["ua", "ru"], result.Preferences.Select(p => p.Party));
        var ua = result.Preferences[0];
        Assert.Equal(0.4, ua.Reservation);
        Assert.Equal(0.7, ua.On("guarantees")!.Weight);
        Assert.Equal(0.5, ua.On("guarantees")!.ValueOf("conditional"));
        Assert.Equal(0, ua.On("guarantees")!.ValueOf("none"));
        Assert.Equal([new OptionKey("guarantees", "none")], ua.RedLines.ToArray());
        Assert.Equal(new PreferenceConstraint(ConstraintKind.Requires, new("nato", "forgo"), new("guarantees", "art5")), Assert.Single(ua.Constraints));
        Assert.Equal(0.05, Assert.Single(ua.Interactions).Bonus);
        Assert.Equal("Illustrative.", ua.Note);
        Assert.Equal(Visibility.PrivateTo("ua"), ua.Visibility);
        var ru = result.Preferences[1];
        Assert.Equal(ConstraintKind.Excludes, Assert.Single(ru.Constraints).Kind);
        Assert.Null(ru.On("guarantees"));
        Assert.Equal(Visibility.MediatorOnly, ru.Visibility);
    }

    [Fact]
    public void Read_NoSection_NoProfiles()
    {
        var result = Read(Talks);

        Assert.True(result.Ok);
        Assert.Empty(result.Preferences);
    }

    [Fact]
    public void Write_ReadBack_SameTextAndProfiles()
    {
        var first = Read(Talks + Profiles);
        var text = ScenarioWriter.Write(first.Negotiation!, first.Preferences);
        var second = Read(text);

        Assert.True(second.Ok, string.Join("\n", second.Errors));
        Assert.Equal(text, ScenarioWriter.Write(second.Negotiation!, second.Preferences));
        Assert.Empty(SchemaCheck.Problems(text));
        for (var k = 0; k < 2; k++)
        {
            var (a, b) = (first.Preferences[k], second.Preferences[k]);
            Assert.Equal((a.Party, a.Reservation, a.Note, a.Visibility), (b.Party, b.Reservation, b.Note, b.Visibility));
            Assert.Equal(a.Issues.Select(i => (i.Issue, i.Weight, string.Join(",", i.Values))), b.Issues.Select(i => (i.Issue, i.Weight, string.Join(",", i.Values))));
            Assert.Equal(a.RedLines.ToArray(), b.RedLines.ToArray());
            Assert.Equal(a.Constraints.ToArray(), b.Constraints.ToArray());
            Assert.Equal(a.Interactions.ToArray(), b.Interactions.ToArray());
        }
    }

    [Fact]
    public void Write_WithoutProfiles_NoSection()
    {
        var n = Read(Talks).Negotiation!;

        Assert.DoesNotContain("preferences", ScenarioWriter.Write(n));
        Assert.Equal(ScenarioWriter.Write(n), ScenarioWriter.Write(n, []));
    }

    [Fact]
    public void Schema_HandWrittenSection_Validates() => Assert.Empty(SchemaCheck.Problems(Talks + Profiles));

    [Fact]
    public void Read_UnknownIssue_ReportsLineAndField()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues:
                  territory: {weight: 1, values: {freeze: 1}}
            """);

        Assert.Equal((26, 18, "preferences[0].issues.territory"), (e.Line, e.Column, e.Field));
        Assert.Contains("unknown issue 'territory'", e.Message);
    }

    [Fact]
    public void Read_UnknownOption_ReportsTheValue()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues:
                  nato: {weight: 1, values: {path: 1, ban: 0}}
            """);

        Assert.Equal((26, 48, "preferences[0].issues.nato.values.ban"), (e.Line, e.Column, e.Field));
        Assert.Contains("has no option 'ban'", e.Message);
    }

    [Fact]
    public void Read_UnknownParty_ReportsParty()
    {
        var e = Single("""
            preferences:
              - party: us
                issues: {}
            """);

        Assert.Equal((24, 12, "preferences[0].party"), (e.Line, e.Column, e.Field));
        Assert.Contains("unknown party 'us'", e.Message);
    }

    [Fact]
    public void Read_TwoProfilesForOneParty_ReportsTheSecond()
    {
        var e = Single("""
            preferences:
              - {party: ua, issues: {}}
              - {party: ua, issues: {}}
            """);

        Assert.Equal((25, 13, "preferences[1].party"), (e.Line, e.Column, e.Field));
        Assert.Contains("already has a profile (at preferences[0])", e.Message);
    }

    [Fact]
    public void Read_WeightNotANumber_ReportsWeight()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues:
                  nato: {weight: heavy, values: {path: 1}}
            """);

        Assert.Equal((26, 22, "preferences[0].issues.nato.weight"), (e.Line, e.Column, e.Field));
        Assert.Contains("expected a number, found 'heavy'", e.Message);
    }

    [Fact]
    public void Read_MissingWeight_ReportsRequired()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues:
                  nato: {values: {path: 1}}
            """);

        Assert.Equal("preferences[0].issues.nato.weight", e.Field);
        Assert.Equal(26, e.Line);
        Assert.Contains("required field is missing", e.Message);
    }

    [Fact]
    public void Read_ValueNotANumber_ReportsTheOption()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues:
                  nato: {weight: 1, values: {path: [1]}}
            """);

        Assert.Equal((26, 40, "preferences[0].issues.nato.values.path"), (e.Line, e.Column, e.Field));
    }

    [Fact]
    public void Read_RedLineUnknownOption_ReportsListItem()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                red_lines: {guarantees: [none, nothing]}
            """);

        Assert.Equal((26, 36, "preferences[0].red_lines.guarantees[1]"), (e.Line, e.Column, e.Field));
        Assert.Contains("has no option 'nothing'", e.Message);
    }

    [Fact]
    public void Read_ConstraintWithBothKinds_Refused()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                constraints:
                  - {if: {nato: forgo}, requires: {guarantees: art5}, excludes: {guarantees: none}}
            """);

        Assert.Equal((27, 9, "preferences[0].constraints[0]"), (e.Line, e.Column, e.Field));
        Assert.Contains("exactly one of 'requires' or 'excludes'", e.Message);
    }

    [Fact]
    public void Read_ConstraintOnOneIssue_Refused()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                constraints:
                  - {if: {nato: forgo}, excludes: {nato: path}}
            """);

        Assert.Equal("preferences[0].constraints[0].excludes", e.Field);
        Assert.Contains("two different issues", e.Message);
    }

    [Fact]
    public void Read_InteractionWithOneOption_Refused()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                interactions:
                  - {when: {nato: forgo}, bonus: 0.1}
            """);

        Assert.Equal((27, 16, "preferences[0].interactions[0].when"), (e.Line, e.Column, e.Field));
        Assert.Contains("found 1", e.Message);
    }

    [Fact]
    public void Read_PrivateToAnotherParty_Refused()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                visibility: party:ru
            """);

        Assert.Equal((26, 17, "preferences[0].visibility"), (e.Line, e.Column, e.Field));
        Assert.Contains("cannot be private to 'ru'", e.Message);
    }

    [Fact]
    public void Read_UnknownField_SuggestsTheRightOne()
    {
        var e = Single("""
            preferences:
              - party: ua
                issues: {}
                redlines: {nato: [path]}
            """);

        Assert.Equal((26, 5, "preferences[0].redlines"), (e.Line, e.Column, e.Field));
        Assert.Contains("did you mean 'red_lines'", e.Message);
    }

    [Fact]
    public void Read_SeveralBadProfiles_EveryErrorInFileOrder()
    {
        var result = Read(Talks + "\n" + """
            preferences:
              - {party: us, issues: {}}
              - {party: ua, issues: {nato: {weight: 1, values: {ban: 1}}}, reservation: high}
            """);

        Assert.Null(result.Negotiation);
        Assert.Equal(["preferences[0].party", "preferences[1].reservation"], result.Errors.Select(e => e.Field));
    }
}
