using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Parley.Cli;
using Parley.Server;

namespace Parley;

/// <summary>
/// <c>parley serve</c>: the web app and REST API on one address. Here, not in Parley.Cli, because it is the one command
/// that needs the web project; Program adds it to Parley.Cli's command tree.
/// </summary>
public static class ServeCommand
{
    /// <summary>Where <c>parley serve</c> listens when neither <c>--urls</c> nor the environment says: loopback only.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen (default: ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS when set, as in a container, else http://localhost:5080).",
        };
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
            var settings = new List<string> { "--Parley:SeedDemo", (!parse.GetValue(noDemo)).ToString() };
            if (parse.GetValue(urls) is { } given) settings.AddRange(["--urls", given]);
            if (parse.GetValue(logFormat) == "json") settings.AddRange(["--Parley:Logging:Json", "true"]);
            if (parse.GetValue(database) is { } db) settings.AddRange(["--Parley:Database", db]);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = settings.ToArray(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
                builder.WebHost.UseUrls(DefaultUrl);
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
