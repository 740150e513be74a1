using System.Reflection;
using Parley.Cli;

// `parley --version` alone answers before the command tree is built: building it loads the server's, the storage's and
// the solver's assemblies, several times the cost of a cold start for one line of text. Same text as System.CommandLine's.
if (args is ["--version"])
{
    Console.Out.WriteLine(typeof(ParleyCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return 0;
}

// No forced exit 2 s after SIGTERM/SIGINT (System.CommandLine's default): `parley serve` stops through the host, which lets
// requests in flight finish for Parley:ShutdownTimeoutSeconds; other commands end as the runtime ends them.
return await ParleyCommand.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });
