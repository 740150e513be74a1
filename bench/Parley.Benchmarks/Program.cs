using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*Draft*'` runs one capability's benchmarks.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
