using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;

namespace Parley.Server.Tests;

/// <summary>A computation past its time budget is stopped and answered 422 with what to narrow; the server goes on.</summary>
public sealed class ComputeBudgetTests : SqliteAppTest
{
    [Fact]
    public async Task Settlement_WithABudgetNothingMeets_Is422SayingWhatToNarrow_AndWithTheDefaultIs200()
    {
        using var normal = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await normal.GetAsync("/api/negotiations/berlin-2025/settlement")).StatusCode);
        using var hurried = Factory.WithWebHostBuilder(b => b.UseSetting("Parley:ComputeSeconds", "0")).CreateClient();
        hurried.DefaultRequestHeaders.Authorization = normal.DefaultRequestHeaders.Authorization;

        var settlement = await hurried.GetAsync("/api/negotiations/berlin-2025/settlement");
        var whatIf = await hurried.PostAsJsonAsync("/api/negotiations/berlin-2025/settlement/what-if", new { lift = new[] { "ru:territory=ceasefire-line" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, settlement.StatusCode);
        var problem = await settlement.Content.ReadAsStringAsync();
        Assert.Contains("Narrow it", problem);
        Assert.Contains("asOf", problem);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, whatIf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hurried.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }
}
