using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Parley.Server;

namespace Parley.Cli.Talks;

/// <summary><c>parley serve</c>: the web app and REST API on one address.</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:5080" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the Berlin demo into an empty database." };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Log lines as plain text or as one JSON object each (Parley:Logging:Json).", DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var database = CommonOptions.Database();
        var command = new Command("serve", "Start the Parley web app and API.") { urls, noDemo, logFormat, database };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new List<string> { "--urls", parse.GetValue(urls)!, "--Parley:SeedDemo", (!parse.GetValue(noDemo)).ToString() };
            if (parse.GetValue(logFormat) == "json") settings.AddRange(["--Parley:Logging:Json", "true"]);
            if (parse.GetValue(database) is { } db) settings.AddRange(["--Parley:Database", db]);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = settings.ToArray(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.AddParley();
            var app = builder.Build();
            await app.UseParleyAsync();
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
