using System.CommandLine;

namespace Parley.Cli.Tests.Architecture;

/// <summary>
/// <c>parley</c> builds only the top-level command its first word names (a cold start's sake): each entry of the table must
/// name exactly the commands it makes, or <c>parley NAME …</c> would be refused as unknown (or built in full for nothing).
/// </summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void EachTopLevelEntry_NamesExactlyTheCommandsItMakes()
    {
        foreach (var topLevel in ParleyCommand.Commands(null))
        {
            Assert.Equal(topLevel.Names, topLevel.Make().Select(c => c.Name));
        }
    }

    [Fact]
    public void AFirstWordNamingACommand_BuildsThatCommandAlone_AndParsesAsTheWholeTreeWould()
    {
        var whole = ParleyCommand.Create();
        foreach (var name in whole.Subcommands.Select(c => c.Name))
        {
            var only = ParleyCommand.Create(only: name);
            var entry = ParleyCommand.Commands(null).Single(t => t.Names.Contains(name));
            Assert.Equal(entry.Names, only.Subcommands.Select(c => c.Name));
        }
        string[] args = ["draft", "stats", "x.md", "--json"];
        var parsed = ParleyCommand.Create(only: "draft").Parse(args);
        Assert.Empty(parsed.Errors);
        Assert.Equal("stats", parsed.CommandResult.Command.Name);
        Assert.Equal(ParleyCommand.Create().Parse(args).CommandResult.Command.Name, parsed.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("drafts")]
    [InlineData("@args.rsp")]
    public void AnyOtherFirstWord_GetsEveryCommand_SoHelpAndSuggestionsListThemAll(string first)
    {
        var names = ParleyCommand.Create(only: first).Subcommands.Select(c => c.Name).ToArray();

        Assert.Equal(ParleyCommand.Commands(null).SelectMany(t => t.Names), names);
    }

    [Fact]
    public void AnAddedCommand_IsMadeOnlyWhenNamedOrWhenTheWholeTreeIsBuilt()
    {
        int made = 0;
        TopLevel serve = new(["serve"], () =>
        {
            made++;
            return [new Command("serve")];
        });

        ParleyCommand.Create(more: [serve], only: "status");
        Assert.Equal(0, made);
        Assert.Equal("serve", ParleyCommand.Create(more: [serve], only: "serve").Subcommands.Single().Name);
        Assert.Contains(ParleyCommand.Create(more: [serve]).Subcommands, c => c.Name == "serve");
        Assert.Equal(2, made);
    }
}
