using Microsoft.AspNetCore.Authorization;
using Parley.Application.Access;
using Parley.Data;
using Parley.Data.Drafting;
using Parley.Server.Access;
using Parley.Server.Briefing;
using Parley.Server.Components;
using Parley.Server.Components.Charts;
using Parley.Server.Components.Services;
using Parley.Server.Drafting;
using Parley.Server.Infrastructure;
using Parley.Server.Live;
using Parley.Server.Negotiations;
using Parley.Server.Record;
using Parley.Data.Record;
using Parley.Server.Settlement;
using Parley.Server.Guarantees;
using Parley.Server.Talks;
using Parley.Application.Infrastructure;

namespace Parley.Server;

/// <summary>
/// Builds the Parley web app; used by <c>Program</c>, by <c>parley serve</c> and by the tests. Configuration:
/// <c>Parley:Database</c> (a SQLite file path or a PostgreSQL connection string; default the user's data
/// folder), <c>Parley:SeedDemo</c> (default true: load the Berlin demo into an empty database) and
/// <c>Parley:Record:KeyFile</c> (the checkpoint key's PEM file, outside the database; default <c>$PARLEY_RECORD_KEY</c> or
/// <c>record-key.pem</c> in the user's data folder, created on first start).
/// </summary>
public static class ParleyApp
{
    /// <summary>Registers Parley's services on <paramref name="builder"/>.</summary>
    public static WebApplicationBuilder AddParley(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration["Parley:Database"];
        builder.AddParleyOperations();
        builder.Services.AddSingleton(TimeProvider.System);
        var contexts = ParleyDatabase.PooledFactory(database);
        // Each context tells the open pages what its commits wrote (NegotiationChanges): one place for every write.
        builder.Services.AddScoped(sp =>
        {
            var db = contexts();
            db.HistoryListener = sp.GetRequiredService<NegotiationChanges>();
            return db;
        });
        builder.Services.AddScoped<NegotiationStore>();
        builder.Services.AddScoped<DraftStore>();
        builder.Services.AddScoped<Data.Guarantees.GuaranteesStore>();
        builder.Services.AddSingleton(new Application.Reading.NegotiationCache());
        builder.Services.AddSingleton<INegotiationVersions>(sp => sp.GetRequiredService<Application.Reading.NegotiationCache>());
        // Known without a context; the reader makes its stores, and leases a context, only for what the cache lacks.
        builder.Services.AddSingleton(_ =>
        {
            using var db = contexts();
            return LatestHeads.Of(db);
        });
        builder.Services.AddScoped(sp => new TalksReader(sp.GetRequiredService<NegotiationStore>, sp.GetRequiredService<Data.Guarantees.GuaranteesStore>,
            sp.GetRequiredService<DraftStore>, sp.GetRequiredService<Application.Reading.NegotiationCache>(), sp.GetRequiredService<LatestHeads>()));
        builder.Services.AddScoped<TalksCommands>();
        builder.Services.AddScoped<GuaranteeCommands>();
        builder.Services.AddScoped<Application.Briefing.BriefingService>();
        builder.AddParleySignIn();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProblemDetails();
        builder.Services.AddParleyHealth();
        builder.Services.AddComputeBudget();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        builder.Services.AddOutputCache(); // the API description for anonymous callers (below)
        // The web app: Blazor with interactive server rendering, on the same services as the API.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ShownNegotiation>();
        UseBuildOutputAssets(builder);
        builder.Services.AddSingleton<NegotiationChanges>();
        builder.Services.AddScoped<Data.History.HistoryFeed>();
        builder.Services.AddHostedService<HistoryWatcher>();
        builder.Services.AddSingleton<TalksWorkspace>();
        builder.Services.AddSingleton(_ => RecordKey.LoadOrCreate(builder.Configuration["Parley:Record:KeyFile"] is { Length: > 0 } file ? file : RecordKey.DefaultPath()));
        builder.Services.AddScoped<RecordStore>();
        builder.Services.AddSingleton<RecordCheck>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RecordCheck>());
        return builder;
    }

    /// <summary>Maps Parley's endpoints and pages and prepares the database (migrate; seed the demo when empty).</summary>
    public static async Task<WebApplication> UseParleyAsync(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodyLimits();
        app.UseRequestCharsetCheck();
        app.UseParleySignIn();
        app.UseOutputCache();
        MapAssets(app);
        app.MapParleyHealth();
        app.MapParleyMetrics();
        // Generating the description costs ~30 ms of CPU; open to anyone, it is kept once made (output caching keeps
        // nothing for signed-in callers), so a flood of anonymous requests cannot keep the cores busy.
        app.MapOpenApi().CacheOutput().AllowAnonymousBecause("the API's description: routes and shapes, no negotiation data");
        app.MapDemoSignIn();
        app.MapAccountEndpoints();
        app.MapMembersApi();
        app.MapNegotiationsApi();
        app.MapTalksApi();
        app.MapSettlementApi();
        app.MapDraftingApi();
        app.MapGuaranteesApi();
        app.MapCharts();
        app.MapBriefingApi();
        app.MapRecordApi();
        // Pages need a signed-in user (each page then shows only what the user's membership grants); a page marked
        // [AllowAnonymous] (sign-in) says so in its own metadata.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAllowAnonymous>().Any())
                endpoint.Metadata.Add(new AnonymousRule("a sign-in page: shows no negotiation data"));
            else endpoint.Metadata.Add(new InstanceRule(InstanceRequirement.SignedIn));
        });
        await DemoSeed.PrepareAsync(app.Services, app.Configuration.GetValue("Parley:SeedDemo", true));
        return app;
    }

    // Run from a build folder (dotnet run in Production, parley serve) rather than published output, the assets live
    // where the runtime manifest says; only Development enables that by itself. Published output has no such
    // manifest and serves its wwwroot.
    private static void UseBuildOutputAssets(WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, typeof(ParleyApp).Assembly.GetName().Name + ".staticwebassets.runtime.json");
        if (!File.Exists(manifest)) return;
        builder.Configuration[WebHostDefaults.StaticWebAssetsKey] ??= manifest;
        builder.WebHost.UseStaticWebAssets();
    }

    // The stylesheet and Blazor's script are static web assets listed in this assembly's manifest; a host with
    // another entry assembly (parley serve) names it explicitly.
    private static void MapAssets(WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, typeof(ParleyApp).Assembly.GetName().Name + ".staticwebassets.endpoints.json");
        var assets = File.Exists(manifest) ? app.MapStaticAssets(manifest) : app.MapStaticAssets();
        assets.AllowAnonymousBecause("the stylesheet, scripts and icons: no negotiation data");
    }
}
