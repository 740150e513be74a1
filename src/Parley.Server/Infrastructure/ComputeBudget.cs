using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Parley.Server.Infrastructure;

/// <summary>
/// Long computations a request can start — the settlement, a what-if, a draft comparison — run off the request's thread,
/// at most one per core at a time (more wait in a short queue, beyond it 429), and within a time budget
/// (<c>Parley:ComputeSeconds</c>, default 30): a closed request stops its computation, and a spent budget stops it and answers
/// 422 with what to narrow. The engines check the token between steps (<see cref="Core.Settlement.SettlementOptions.Cancellation"/>).
/// </summary>
public static class ComputeBudget
{
    /// <summary>The rate-limiting policy of computing endpoints.</summary>
    public const string Policy = "compute";

    /// <summary>How long a computation may run when <c>Parley:ComputeSeconds</c> does not say.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>Registers the concurrency limit of computing endpoints.</summary>
    public static IServiceCollection AddComputeBudget(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddConcurrencyLimiter(Policy, c =>
        {
            c.PermitLimit = Environment.ProcessorCount;
            c.QueueLimit = 4 * Environment.ProcessorCount;
            c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        }));
        return services;
    }

    /// <summary>Marks an endpoint as computing: the concurrency limit, and its 422/429 answers in the API description.</summary>
    public static TBuilder Computes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Policy).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool with a token cancelled when the request closes or the budget is spent.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="what">What is computed ("the settlement").</param>
    /// <param name="narrow">How to ask for less ("fix agreed issues with asOf, or lift fewer red lines").</param>
    /// <param name="work">The computation; it must honour the token.</param>
    /// <exception cref="BudgetSpentException">The budget ran out first.</exception>
    public static async Task<T> RunAsync<T>(HttpContext http, string what, string narrow, Func<CancellationToken, T> work)
    {
        var budget = http.RequestServices.GetRequiredService<IConfiguration>().GetValue<double?>("Parley:ComputeSeconds") is { } s
            ? TimeSpan.FromSeconds(s) : Default;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (budget <= TimeSpan.Zero) limit.Cancel(); // a timer of 0 s would race the computation
        else limit.CancelAfter(budget);
        try
        {
            return await Task.Run(() => work(limit.Token), limit.Token);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            throw new BudgetSpentException(what, budget, narrow);
        }
    }
}

/// <summary>A computation ran out of its time budget and was stopped; mapped to 422 saying what to narrow.</summary>
public sealed class BudgetSpentException(string what, TimeSpan budget, string narrow)
    : Exception($"{what} takes longer than the {budget.TotalSeconds:0.###} s a request may use; it was stopped. Narrow it: {narrow}.");
