using Parley.Data;
using Parley.Data.History;

namespace Parley.Server.Live;

/// <summary>
/// An endpoint filter on the REST groups that change negotiations: after a successful change (a 2xx answer to
/// anything but GET) it publishes the negotiation named by the route's <c>id</c>, or by the summary an import
/// returns, on <see cref="NegotiationChanges"/> — once for each visibility among the history entries the request
/// wrote, so that a private item's change reaches only the pages that may see it. Keeps the handlers free of UI concerns.
/// </summary>
public sealed class PublishChanges(NegotiationChanges changes) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(context);
        var feed = http.RequestServices.GetRequiredService<HistoryFeed>();
        var before = await feed.HeadAsync(http.RequestAborted);
        var result = await next(context);
        // Handlers answer with Results<…> unions: the status and the value are on the result inside.
        var answer = Unwrap(result);
        if (answer is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return result;
        var id = http.GetRouteValue("id") as string
            ?? (answer as IValueHttpResult)?.Value switch { NegotiationSummary s => s.Id, _ => null };
        if (id is null) return result;
        // Entries of other writes in between are published too, each with its own visibility: harmless, and never wider.
        var written = await feed.ChangesAsync(before, await feed.HeadAsync(http.RequestAborted), id, http.RequestAborted);
        foreach (var change in written) changes.Publish(change.NegotiationId, change.Visibility);
        return result;
    }

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;
}
