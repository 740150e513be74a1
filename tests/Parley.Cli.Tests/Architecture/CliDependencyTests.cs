using System.Reflection;
using System.Xml.Linq;
using Parley.Cli.Tests.Release;

namespace Parley.Cli.Tests.Architecture;

/// <summary>
/// The commands (Parley.Cli) stand on Core, Solver, Data and Application only: what they share with the web app lives
/// there, once, and the web project is referenced by the executable (src/Parley) alone, for <c>parley serve</c>.
/// </summary>
public sealed class CliDependencyTests
{
    private const string WebProject = "Parley.Server";

    [Fact]
    public void CliProject_ReferencesNotTheWebProject_DirectlyOrThroughAnother()
    {
        var reached = ProjectsReachedFrom(Repository.Path("src", "Parley.Cli", "Parley.Cli.csproj"));

        Assert.Contains("Parley.Application", reached);
        Assert.DoesNotContain(WebProject, reached);
    }

    [Fact]
    public void CliProject_UsesThePlainSdk_NotTheWebSdk()
    {
        var project = XDocument.Load(Repository.Path("src", "Parley.Cli", "Parley.Cli.csproj"));

        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Root!.Attribute("Sdk"));
    }

    [Fact]
    public void CliAssembly_LoadsNotTheWebAssembly_ThroughAnyOfItsReferences()
    {
        var reached = AssembliesReachedFrom(typeof(ParleyCommand).Assembly);

        Assert.Contains("Parley.Application", reached);
        Assert.DoesNotContain(WebProject, reached);
    }

    [Fact]
    public void Executable_IsWhereServeIsAdded()
    {
        var reached = ProjectsReachedFrom(Repository.Path("src", "Parley", "Parley.csproj"));

        Assert.Contains(WebProject, reached);
        Assert.Contains("Parley.Cli", reached);
        Assert.DoesNotContain(ParleyCommand.Create().Subcommands, c => c.Name == "serve");
    }

    /// <summary>The names of the projects <paramref name="csproj"/> references, followed through each one's references.</summary>
    private static HashSet<string> ProjectsReachedFrom(string csproj)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var path))
        {
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, ((string)reference.Attribute("Include")!).Replace('\\', '/')));
                if (reached.Add(Path.GetFileNameWithoutExtension(target))) pending.Push(target);
            }
        }
        return reached;
    }

    /// <summary>The Parley assemblies <paramref name="start"/> was compiled against, followed through theirs.</summary>
    private static HashSet<string> AssembliesReachedFrom(Assembly start)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([start]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Parley.", StringComparison.Ordinal)))
                if (reached.Add(name.Name!)) pending.Push(Assembly.Load(name));
        }
        return reached;
    }
}
