using BenchmarkDotNet.Running;
using Parley.Benchmarks.Settlement;

// `dotnet run -c Release -- --filter '*Draft*'` runs one capability's benchmarks;
// `dotnet run -c Release -- frontier-cpu S-1NAGUNL-255` times the exact nonlinear frontier by CPU time.
if (args.Length > 0 && args[0] == "frontier-cpu") return FrontierCpuRun.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
