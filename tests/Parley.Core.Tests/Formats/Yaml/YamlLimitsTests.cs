using System.Text;
using Parley.Core.Formats.Scenario;
using Parley.Core.Formats.Yaml;
using Parley.Core.Formats.Guarantees;
using Parley.Core.Tests.Formats.Scenario;

namespace Parley.Core.Tests.Formats.Yaml;

/// <summary>Hostile YAML is refused with a position before YamlDotNet builds a tree from it; real files pass.</summary>
public sealed class YamlLimitsTest
{
    [Fact]
    public void Read_400KBOfNestedBrackets_IsRefusedAtTheFirstLevelTooDeep_NotAStackOverflow()
    {
        var yaml = "negotiation: " + new string('[', 200_000) + new string(']', 200_000) + "\n";

        var result = ScenarioReader.Read(yaml, "deep.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.InRange(error.Column, 14 + YamlLimits.MaxDepth - 1, 14 + YamlLimits.MaxDepth); // in the run of brackets, at the limit
        Assert.Contains($"more than {YamlLimits.MaxDepth} deep", error.Message);
        Assert.StartsWith("deep.yaml:1:", error.ToString()); // the one problem shape, in the file the reader was given
        Assert.Contains("[[[", error.Excerpt);
        Assert.Null(result.Negotiation);
    }

    [Fact]
    public void Read_NestingAtTheLimit_IsParsed()
    {
        var depth = YamlLimits.MaxDepth;
        Assert.Null(YamlLimits.Check(new string('[', depth) + new string(']', depth)));
        Assert.NotNull(YamlLimits.Check(new string('[', depth + 1) + new string(']', depth + 1)));
    }

    [Fact]
    public void Read_AliasBomb_IsRefusedAtTheFirstAliasTooMany()
    {
        // Twelve levels of nine aliases each stand for 9^12 values once walked.
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 12; level++)
            yaml.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n");

        var result = ScenarioReader.Read(yaml.ToString(), "laughs.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains($"more than {YamlLimits.MaxAliases} aliases", error.Message);
        Assert.Equal(13, error.Line); // the 101st alias: 9 per line from line 2
    }

    [Fact]
    public void GuaranteesFile_NestedBrackets_IsRefusedWithLineAndColumn()
    {
        var (file, errors) = GuaranteesFile.Read(new StringReader("commitments: " + new string('[', 100_000)));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Contains("deep", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Check_TheBerlinScenario_IsWithinEveryLimit() =>
        Assert.Null(YamlLimits.Check(Repo.Read("scenarios/berlin-2025.yaml")));
}
