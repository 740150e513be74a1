using System.Net;
using Microsoft.Data.Sqlite;

namespace Parley.Server.Tests;

/// <summary>What anyone may call: <c>/healthz</c> and <c>/readyz</c> for a load balancer (readiness follows the database), and the API description, made once.</summary>
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

    [Fact]
    public async Task ApiDescription_ForAnonymousCallers_IsMadeOnceAndServedFromMemory()
    {
        using var anyone = Factory.Anonymous();

        var first = await anyone.GetAsync("/openapi/v1.json");
        var second = await anyone.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Age.HasValue);
        Assert.True(second.Headers.Age.HasValue, "the second description was generated again");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }
}
