using System.CommandLine;
using Parley.Cli;

return ParleyCommand.Create().Parse(args).Invoke();
