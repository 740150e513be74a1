using System.Net;
using Microsoft.Data.Sqlite;

namespace Parley.Server.Tests;

/// <summary><c>/healthz</c> and <c>/readyz</c>: open to a load balancer, and readiness follows the database.</summary>
public sealed class HealthTests : SqliteAppTest
{
    [Fact]
    public async Task Healthz_AndReadyz_AnswerAnyone_WithoutNegotiationData()
    {
        using var anyone = Factory.Anonymous();

        var live = await anyone.GetAsync("/healthz");
        var ready = await anyone.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_Is503_WhileAMigrationIsNotApplied_AndHealthzStillAnswers()
    {
        using var anyone = Factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/readyz")).StatusCode);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")";
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var ready = await anyone.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/healthz")).StatusCode);
    }
}
