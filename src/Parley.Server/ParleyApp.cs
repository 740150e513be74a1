using Parley.Data;
using Parley.Server.Home;
using Parley.Server.Infrastructure;
using Parley.Server.Negotiations;
using Parley.Server.Guarantees;
using Parley.Server.Talks;

namespace Parley.Server;

/// <summary>
/// Builds the Parley web app; used by <c>Program</c>, by <c>parley serve</c> and by the tests. Configuration:
/// <c>Parley:Database</c> (a SQLite file path or a PostgreSQL connection string; default the user's data
/// folder) and <c>Parley:SeedDemo</c> (default true: load the Berlin demo into an empty database).
/// </summary>
public static class ParleyApp
{
    /// <summary>Registers Parley's services on <paramref name="builder"/>.</summary>
    public static WebApplicationBuilder AddParley(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration["Parley:Database"];
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped(_ => ParleyDatabase.Open(database));
        builder.Services.AddScoped<NegotiationStore>();
        builder.Services.AddScoped<Data.Guarantees.GuaranteesStore>();
        builder.Services.AddScoped<GuaranteesApi.Ctx>();
        builder.Services.AddScoped<TalksApi.Ctx>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>Maps Parley's endpoints and prepares the database (migrate; seed the demo when empty).</summary>
    public static async Task<WebApplication> UseParleyAsync(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHomePage();
        app.MapNegotiationsApi();
        app.MapTalksApi();
        app.MapGuaranteesApi();
        await DemoSeed.PrepareAsync(app.Services, app.Configuration.GetValue("Parley:SeedDemo", true));
        return app;
    }
}
