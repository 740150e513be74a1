using System.CommandLine;
using System.Reflection;
using System.Text;
using Parley;
using Parley.Cli;

// `parley --version` alone answers before the command tree is built: building it loads the commands', the server's, the
// storage's and the solver's assemblies, several times the cost of a cold start for one line of text. Same text as System.CommandLine's.
if (args is ["--version"])
{
    Console.Out.WriteLine(typeof(ServeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return 0;
}
return await Run(args);

// Parley.Cli's commands and `serve`, in a method of its own so that the fast path above loads none of their assemblies.
// No forced exit 2 s after SIGTERM/SIGINT (System.CommandLine's default): `parley serve` stops through the host, which lets
// requests in flight finish for Parley:ShutdownTimeoutSeconds; other commands end as the runtime ends them.
// Only the command named by the first word is built (ParleyCommand.Create says why).
static Task<int> Run(string[] args) =>
    ParleyCommand.Create(more: [new(["serve"], () => [ServeCommand.Create()])], only: args.Length > 0 ? args[0] : null)
        .Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Output = StandardOutput() });

// Standard output sent to a file or a pipe is written through a 64 KB buffer, still flushed at the end of every write as
// the console's own writer is (so output and error interleave as before): that writer flushes every 256 characters, which
// made 6,600 system calls of the 1.7 MB a long draft's `draft stats` prints. A terminal keeps the console's writer, which
// knows how to write to it on every system. No byte order mark: a redirected file starts with the output itself.
static TextWriter StandardOutput()
{
    if (!Console.IsOutputRedirected) return Console.Out;
    var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
    return TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), encoding, 1 << 16) { AutoFlush = true });
}
