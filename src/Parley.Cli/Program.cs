using Parley.Cli;

return await ParleyCommand.Create().Parse(args).InvokeAsync();
