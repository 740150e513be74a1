using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace Parley.Cli.Tests.Release;

/// <summary>
/// The container definition (the SDK container properties of src/Parley, the executable's project) and deploy/compose.yaml, read as files: the
/// image cannot be built on these machines (its base image's registry is out of reach), so what an operator relies on is
/// checked in the definitions themselves — a non-root user, the port, the data volume, two app nodes on one database
/// behind a sticky proxy, and health checks on /healthz and /readyz.
/// </summary>
[Trait("Category", "Release")]
public sealed class ContainerDefinitionTests
{
    private static readonly XDocument Project = XDocument.Load(Repository.Path("src", "Parley", "Parley.csproj"));
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly string Caddyfile = File.ReadAllText(Repository.Path("deploy", "Caddyfile"));

    [Fact]
    public void Image_RunsServeAsNonRootOnPort8080_FromTheAspNetRuntime()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Property("ContainerBaseImage"));
        Assert.Equal("app", Property("ContainerUser"));
        Assert.Contains("8080", Items("ContainerPort").Select(i => (string?)i.Attribute("Include")));
        Assert.Equal(["serve"], Items("ContainerAppCommandArgs").Select(i => (string?)i.Attribute("Include")));
    }

    [Fact]
    public void Image_KeepsDatabaseAndRecordKeyInTheDataFolder()
    {
        var environment = Items("ContainerEnvironmentVariable").ToDictionary(i => (string)i.Attribute("Include")!, i => (string?)i.Attribute("Value"));
        Assert.Equal("/data/parley.db", environment["PARLEY_DATABASE"]);
        Assert.Equal("/data/record-key.pem", environment["PARLEY_RECORD_KEY"]);
    }

    [Fact]
    public void Compose_TwoAppNodes_ShareOneDatabaseAndTheDataVolume()
    {
        var nodes = AppNodes();
        Assert.Equal(2, nodes.Count);
        var databases = nodes.Select(n => Environment(n)["PARLEY_DATABASE"]).Distinct().ToList();
        var database = Assert.Single(databases);
        Assert.Contains("Host=postgres", database);
        Assert.True(Services().ContainsKey("postgres"), "no postgres service");
        Assert.All(nodes, n => Assert.Contains("parley-data:/data", Sequence(n, "volumes")));
        Assert.All(nodes, n => Assert.Equal("8080", Environment(n)["ASPNETCORE_HTTP_PORTS"]));
        Assert.All(nodes, n => Assert.Equal("service_healthy", Scalar(Mapping(Mapping(n, "depends_on"), "postgres"), "condition")));
    }

    [Fact]
    public void Compose_AppNodes_AreHealthCheckedOnHealthz()
    {
        foreach (var node in AppNodes())
        {
            var test = string.Join(' ', Sequence(Mapping(node, "healthcheck"), "test"));
            Assert.Contains("/healthz", test);
            Assert.Contains("8080", test);
        }
        Assert.Contains("pg_isready", string.Join(' ', Sequence(Mapping(Services()["postgres"], "healthcheck"), "test")));
    }

    [Fact]
    public void Compose_Proxy_IsStickyAndSendsOnlyToReadyNodes()
    {
        var proxy = Services()["proxy"];
        Assert.StartsWith("caddy", Scalar(proxy, "image"));
        Assert.Contains("./Caddyfile:/etc/caddy/Caddyfile:ro", Sequence(proxy, "volumes"));
        var upstreams = Caddyfile.Split('\n').Single(l => l.TrimStart().StartsWith("reverse_proxy", StringComparison.Ordinal));
        foreach (var node in AppNodeNames()) Assert.Contains($"{node}:8080", upstreams);
        Assert.Contains("lb_policy cookie", Caddyfile);
        Assert.Contains("health_uri /readyz", Caddyfile);
    }

    [Fact]
    public void Compose_DataVolume_IsHandedToTheNonRootUserBeforeTheNodesStart()
    {
        var owner = Services()["volume-owner"];
        Assert.Contains("app:app", string.Join(' ', Sequence(owner, "entrypoint")));
        Assert.All(AppNodes(), n => Assert.Equal("service_completed_successfully", Scalar(Mapping(Mapping(n, "depends_on"), "volume-owner"), "condition")));
    }

    private static string? Property(string name) => Project.Descendants(name).Select(e => e.Value).SingleOrDefault();

    private static IEnumerable<XElement> Items(string name) => Project.Descendants(name);

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Repository.Path("deploy", "compose.yaml"));
        yaml.Load(reader); // merge keys (<<: *parley) are resolved below, as compose does
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static Dictionary<string, YamlMappingNode> Services() =>
        Mapping(Compose, "services").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Merged((YamlMappingNode)kv.Value));

    private static List<string> AppNodeNames() => Services().Where(s => s.Key != "volume-owner" && Scalar(s.Value, "image").Contains("PARLEY_IMAGE", StringComparison.Ordinal)).Select(s => s.Key).ToList();

    private static List<YamlMappingNode> AppNodes() => AppNodeNames().Select(n => Services()[n]).ToList();

    // A service with `<<: *anchor` takes the anchor's keys unless it sets them itself.
    private static YamlMappingNode Merged(YamlMappingNode service)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in service.Children)
        {
            if (key is YamlScalarNode { Value: "<<" } && value is YamlMappingNode anchor)
            {
                foreach (var (k, v) in anchor.Children)
                    if (!service.Children.ContainsKey(k)) merged.Add(k, v);
            }
            else merged.Add(key, value);
        }
        return merged;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static Dictionary<string, string> Environment(YamlMappingNode node) =>
        Mapping(node, "environment").Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);
}
