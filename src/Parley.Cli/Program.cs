using Parley.Cli;

// No forced exit 2 s after SIGTERM/SIGINT (System.CommandLine's default): `parley serve` stops through the host, which lets
// requests in flight finish for Parley:ShutdownTimeoutSeconds; other commands end as the runtime ends them.
return await ParleyCommand.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = null });
