using Parley.Data;

namespace Parley.Server.Live;

/// <summary>
/// An endpoint filter on the REST groups that change negotiations: after a successful change (a 2xx answer to
/// anything but GET) it publishes the negotiation named by the route's <c>id</c>, or by the summary an import
/// returns, on <see cref="NegotiationChanges"/>. Keeps the handlers free of UI concerns.
/// </summary>
public sealed class PublishChanges(NegotiationChanges changes) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return result;
        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return result;
        var id = http.GetRouteValue("id") as string
            ?? (result as IValueHttpResult)?.Value switch { NegotiationSummary s => s.Id, _ => null };
        if (id is not null) changes.Publish(id);
        return result;
    }
}
