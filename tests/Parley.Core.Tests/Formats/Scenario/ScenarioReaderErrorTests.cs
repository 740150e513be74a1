using Parley.Core.Formats.Scenario;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>One test per kind of bad file: the error names file, line, column and field, and nothing is returned.</summary>
public class ScenarioReaderErrorTests
{
    // Line numbers in the tests below refer to this text.
    private const string Valid = """
        negotiation:
          id: t
          title: Test talks
        parties:
          - id: ua
            name: Ukraine
            roles: [principal]
            delegates:
              - {id: zelenskiy, name: Volodymyr Zelenskiy}
          - id: ru
            name: Russia
            roles: [principal]
        issues:
          - id: territory
            title: Territory
            options:
              - id: freeze
                label: Freeze
              - id: cede
                label: Cede
        statements:
          - id: s1
            at: 2025-12-15
            signatories: [ua]
            text: Not de jure or de facto.
        positions:
          - party: ua
            issue: territory
            valid_from: 2025-12-15
            stances: {freeze: preferred, cede: red-line}
            statement: s1
        proposals:
          - id: offer
            author: ru
            title: Offer
            addressees: [ua]
            package: {territory: cede}
            created: 2025-12-01
            responses:
              - {party: ua, answer: reject, at: 2025-12-02}
        contingencies:
          - id: ask
            owner: ru
            trigger: {event: rejected, proposal: offer, by: ua}
            actions:
              - {kind: request, party: ua, text: Talk more}

        """;

    private static ScenarioReadResult Read(string yaml) => ScenarioReader.Read(yaml, "test.yaml");

    /// <summary><paramref name="yaml"/> with line <paramref name="line"/> (1-based) replaced.</summary>
    private static string WithLine(int line, string text, string yaml = Valid)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    private static Parley.Core.Formats.SourceProblem Refused(ScenarioReadResult result, string field)
    {
        Assert.Null(result.Negotiation);
        Assert.False(result.Ok);
        var error = result.Errors.FirstOrDefault(e => e.Field == field);
        Assert.True(error is not null, $"no error on '{field}'; got:\n{string.Join("\n", result.Errors)}");
        Assert.Equal("test.yaml", error.File);
        return error;
    }

    private static void At(Parley.Core.Formats.SourceProblem error, int line, int column)
    {
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(error.Field.Length == 0 ? $"test.yaml:{line}:{column}: " : $"test.yaml:{line}:{column}: {error.Field}: ", error.ToString());
    }

    [Fact]
    public void Read_ValidFile_ReturnsTheNegotiation()
    {
        var result = Read(Valid);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Negotiation!.Parties.Count);
        Assert.Equal("ua.territory.1", result.Negotiation.Positions[0].Id);
        Assert.Single(result.Negotiation.Proposals[0].Responses);
        Assert.Single(result.Negotiation.Contingencies);
    }

    [Fact]
    public void Read_YamlSyntaxError_ReportsLineAndColumnOfTheMark()
    {
        var result = Read(WithLine(25, "    text: 'Not de jure or de facto."));

        var error = Refused(result, "");
        Assert.Single(result.Errors);
        Assert.Equal(25, error.Line);
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void Read_UnclosedFlowList_ReportsSyntaxErrorWithLine()
    {
        var result = Read(WithLine(7, "    roles: [principal"));

        var error = Refused(result, "");
        Assert.InRange(error.Line, 7, 10);
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void Read_DuplicateYamlKey_ReportsTheSecondKey()
    {
        var result = Read(WithLine(6, "    name: Ukraine\n    name: Again"));

        var error = Refused(result, "");
        Assert.Equal(7, error.Line);
        Assert.Contains("Duplicate key", error.Message);
    }

    [Fact]
    public void Read_TypoedField_IsReportedWithSuggestion()
    {
        var result = Read(WithLine(15, "    tittle: Territory"));

        var error = Refused(result, "issues[0].tittle");
        At(error, 15, 5);
        Assert.Contains("did you mean 'title'", error.Message);
    }

    [Fact]
    public void Read_UnknownSection_IsAnError()
    {
        var result = Read(Valid + "minutes:\n  - id: d1\n");

        var error = Refused(result, "minutes");
        At(error, 47, 1);
        Assert.Contains("allowed: negotiation, parties", error.Message);
    }

    [Fact]
    public void Read_MissingRequiredField_ReportsTheItem()
    {
        var result = Read(WithLine(11, "    # name removed"));

        var error = Refused(result, "parties[1].name");
        At(error, 10, 5);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void Read_ScalarWhereListExpected_ReportsWrongType()
    {
        var result = Read(WithLine(7, "    roles: principal"));

        var error = Refused(result, "parties[0].roles");
        At(error, 7, 12);
        Assert.Contains("expected a list", error.Message);
    }

    [Fact]
    public void Read_TextWhereNumberExpected_ReportsWrongType()
    {
        var result = Read(WithLine(15, "    title: Territory\n    weight: heavy"));

        var error = Refused(result, "issues[0].weight");
        At(error, 16, 13);
        Assert.Contains("expected a number", error.Message);
    }

    [Fact]
    public void Read_UnknownStance_ListsTheAllowedValues()
    {
        var result = Read(WithLine(30, "    stances: {freeze: preferred, cede: redline}"));

        var error = Refused(result, "positions[0].stances.cede");
        At(error, 30, 40);
        Assert.Contains("unknown value 'redline'; allowed: preferred, acceptable, unacceptable, red-line", error.Message);
    }

    [Fact]
    public void Read_DuplicateOptionId_NamesTheSecondOption()
    {
        var result = Read(WithLine(19, "      - id: freeze"));

        var error = Refused(result, "issues[0].options[1].id");
        Assert.Equal("test.yaml:19:13: issues[0].options[1].id: duplicate id 'freeze' near \"- id: freeze\"", error.ToString());
    }

    [Fact]
    public void Read_DuplicatePartyId_IsReportedByTheAggregateOnTheId()
    {
        var result = Read(WithLine(10, "  - id: ua"));

        var error = Refused(result, "parties[1].id");
        At(error, 10, 9);
        Assert.Contains("duplicate party id 'ua'", error.Message);
    }

    [Fact]
    public void Read_UnknownPartyReference_ReportsTheField()
    {
        var result = Read(WithLine(27, "  - party: uk"));

        var error = Refused(result, "positions[0].party");
        At(error, 27, 12);
        Assert.Contains("unknown party 'uk'", error.Message);
    }

    [Fact]
    public void Read_UnknownIssueReference_ReportsTheField()
    {
        var result = Read(WithLine(37, "    package: {territory: cede, crimea: cede}"));

        var error = Refused(result, "proposals[0].package.crimea");
        Assert.Equal(37, error.Line);
        Assert.Contains("unknown issue 'crimea'", error.Message);
    }

    [Fact]
    public void Read_PositionOnAnOptionTheIssueLacks_ReportsTheOption()
    {
        var result = Read(WithLine(30, "    stances: {freeze: preferred, surrender: red-line}"));

        var error = Refused(result, "positions[0].stances.surrender");
        Assert.Equal(30, error.Line);
        Assert.Contains("issue 'territory' has no option 'surrender'", error.Message);
    }

    [Fact]
    public void Read_UnknownProposalReference_ReportsTheTriggerField()
    {
        var result = Read(WithLine(44, "    trigger: {event: rejected, proposal: ofer, by: ua}"));

        var error = Refused(result, "contingencies[0].trigger.proposal");
        At(error, 44, 42);
        Assert.Contains("unknown proposal 'ofer'", error.Message);
    }

    [Fact]
    public void Read_UnknownStatementReference_ReportsTheField()
    {
        var result = Read(WithLine(31, "    statement: s2"));

        var error = Refused(result, "positions[0].statement");
        At(error, 31, 16);
        Assert.Contains("unknown statement 's2'", error.Message);
    }

    [Theory]
    [InlineData("15/12/2025")]
    [InlineData("2025-02-30")]
    [InlineData("2025-12-15T10:00")]
    [InlineData("2025-12-15 10:00Z")]
    public void Read_DateThatDoesNotParse_ReportsTheField(string date)
    {
        var result = Read(WithLine(23, $"    at: {date}"));

        var error = Refused(result, "statements[0].at");
        At(error, 23, 9);
        Assert.Contains($"'{date}' is not a date", error.Message);
    }

    [Fact]
    public void Read_ModelConstructorRefusal_IsMappedToItsField()
    {
        var result = Read(WithLine(15, "    title: Territory\n    weight: 0"));

        var error = Refused(result, "issues[0].weight");
        At(error, 16, 13);
        Assert.Contains("weight must be positive", error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public void Read_RoundEndingBeforeItStarts_IsMappedToEnd()
    {
        var result = Read(Valid + "rounds:\n  - id: r\n    title: R\n    start: 2025-12-15\n    end: 2025-12-14\n");

        var error = Refused(result, "rounds[0].end");
        At(error, 51, 10);
    }

    [Fact]
    public void Read_AnswerFromANonAddressee_ReportsTheResponse()
    {
        var result = Read(WithLine(40, "      - {party: ru, answer: reject, at: 2025-12-02}"));

        var error = Refused(result, "proposals[0].responses[0].party");
        At(error, 40, 17);
        Assert.Contains("not an addressee", error.Message);
    }

    [Fact]
    public void Read_VisibilityNamingAnUnknownParty_IsAnError()
    {
        var result = Read(WithLine(31, "    statement: s1\n    visibility: party:uk"));

        var error = Refused(result, "positions[0].visibility");
        At(error, 32, 17);
        Assert.Contains("unknown party 'uk'", error.Message);
    }

    [Fact]
    public void Read_AgreementWithUnknownSource_IsAnError()
    {
        var result = Read(Valid + "agreements:\n  - {issue: territory, option: freeze, parties: [ua, ru], at: 2025-12-15, source: nowhere}\n");

        var error = Refused(result, "agreements[0].source");
        Assert.Equal(48, error.Line);
        Assert.Contains("unknown source 'nowhere'", error.Message);
    }

    [Fact]
    public void Read_SeveralErrors_ReportsEveryOneInFileOrder()
    {
        var yaml = WithLine(44, "    trigger: {event: rejected, proposal: ofer, by: ua}",
            WithLine(30, "    stances: {freeze: preferred, cede: redline}",
                WithLine(23, "    at: yesterday",
                    WithLine(15, "    tittle: Territory"))));

        var result = Read(yaml);

        Assert.Null(result.Negotiation);
        Assert.Equal(
            ["issues[0].title", "issues[0].tittle", "statements[0].at", "positions[0].stances.cede", "contingencies[0].trigger.proposal"],
            result.Errors.Select(e => e.Field));
        Assert.Equal([14, 15, 23, 30, 44], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Read_RefusedParty_IsNotReportedAgainWhereItIsReferenced()
    {
        // Russia is the proposal's author, the contingency's owner; only its own fault is reported.
        var result = Read(WithLine(12, "    roles: [principle]"));

        var error = Refused(result, "parties[1].roles[0]");
        Assert.Single(result.Errors);
        At(error, 12, 13);
        Assert.Contains("allowed: principal, mediator, guarantor, observer, monitor", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_IsRefused()
    {
        var error = Refused(Read("# nothing here\n"), "");

        At(error, 1, 1);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Read_ListAtTheTop_IsRefused()
    {
        var error = Refused(Read("- a\n- b\n"), "");

        Assert.Contains("expected a mapping of sections", error.Message);
    }

    [Fact]
    public void Read_MissingNegotiation_StillChecksTheItems()
    {
        var yaml = string.Join('\n', Valid.Split('\n').Skip(3));

        var result = Read(WithLine(24, "  - party: uk", yaml));

        Refused(result, "negotiation");
        Refused(result, "positions[0].party");
    }

    [Fact]
    public void Read_OmittedIds_AreGeneratedPerPartyAndIssue()
    {
        var yaml = WithLine(31, "    statement: s1\n  - {party: ua, issue: territory, valid_from: 2025-12-20, stances: {freeze: acceptable}}")
            + "agreements:\n"
            + "  - {issue: territory, option: freeze, parties: [ua], at: 2025-12-20}\n"
            + "  - {issue: territory, option: freeze, parties: [ru], at: 2025-12-21}\n";

        var result = Read(yaml);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(["ua.territory.1", "ua.territory.2"], result.Negotiation!.Positions.Select(p => p.Id));
        Assert.Equal(["territory.1", "territory.2"], result.Negotiation.Agreements.Select(a => a.Id));
    }

    [Fact]
    public void Read_ExplicitIdEqualToAGeneratedOne_IsADuplicate()
    {
        var result = Read(WithLine(31, "    statement: s1\n  - {id: ua.territory.1, party: ua, issue: territory, valid_from: 2025-12-20, stances: {freeze: acceptable}}"));

        var error = Refused(result, "positions[1].id");
        At(error, 32, 10);
        Assert.Contains("duplicate position id 'ua.territory.1'", error.Message);
    }
}
