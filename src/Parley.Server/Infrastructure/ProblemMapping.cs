using Parley.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Parley.Core.Talks;
using Parley.Application.Infrastructure;

namespace Parley.Server.Infrastructure;

/// <summary>
/// Maps the user's mistakes to ProblemDetails in one place: a change the rules refuse (<see cref="RuleRefusal"/>) is a
/// 400, 404 or 409 by its <see cref="RuleRefusal.Kind"/>, naming the field; malformed input
/// (<see cref="InvalidInputException"/>, an unreadable body) a 400 naming the field; what the member's role or party does
/// not allow (<see cref="Application.Access.AccessDeniedException"/>) a 403 naming the field. Anything else is a real
/// fault and stays a 500. Every API group declares these answers (<see cref="Refusals.WithRefusals"/>) so the OpenAPI document
/// shows them.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        (string Field, string Message)? error = exception switch
        {
            RuleRefusal e => (e.Field, e.Message),
            InvalidInputException e => (e.Field, e.Message),
            BadHttpRequestException e => ("body", e.InnerException?.Message ?? e.Message),
            _ => null,
        };
        var status = exception is RuleRefusal { Kind: var kind } ? Status(kind) : StatusCodes.Status400BadRequest;
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // Kestrel counted a body past the endpoint's limit while it was read (a body that did not declare its length).
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var limit = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? BodyLimits.Default;
            await BodyLimits.TooLarge(http, limit).ExecuteAsync(http);
            return true;
        }
        if (exception is Application.Access.AccessDeniedException denied) (error, status) = ((denied.Field, denied.Message), StatusCodes.Status403Forbidden);
        if (exception is BudgetSpentException spent) (error, status) = (("request", spent.Message), StatusCodes.Status422UnprocessableEntity);
        if (error is null) return false;
        var (field, message) = error.Value;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status403Forbidden => "Your role or party does not allow this.",
                    StatusCodes.Status422UnprocessableEntity => "The computation was stopped: it needs more time than a request may use.",
                    StatusCodes.Status404NotFound => "What the request names is not there.",
                    StatusCodes.Status409Conflict => "The request collides with what is already stored.",
                    _ => "The request was refused.",
                },
                Detail = $"{field}: {message}",
            },
        });
    }

    /// <summary>The HTTP status of a refusal of <paramref name="kind"/>.</summary>
    public static int Status(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>Declares on every API endpoint the problems <see cref="ProblemMapping"/> answers with.</summary>
public static class Refusals
{
    /// <summary>
    /// Adds 400 (a ValidationProblem naming the field), 404 and 409 ProblemDetails to every endpoint of
    /// <paramref name="builder"/> (a group or one route), so the OpenAPI document lists them.
    /// </summary>
    public static TBuilder WithRefusals<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [Problem]),
            new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), [Problem]),
            new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), [Problem]));

    private const string Problem = "application/problem+json";
}

/// <summary>Turns model construction errors into <see cref="InvalidInputException"/>s naming the field.</summary>
public static class Input
{
    /// <summary>Runs <paramref name="build"/>; an <see cref="ArgumentException"/> becomes a 400 on <paramref name="field"/>.</summary>
    public static T Build<T>(string field, Func<T> build)
    {
        try { return build(); }
        catch (ArgumentException e)
        {
            var message = e.Reason();
            throw new InvalidInputException(e.ParamName is { } name ? $"{field}.{name}" : field, message);
        }
    }

    /// <summary>Awaits <paramref name="build"/>; an <see cref="ArgumentException"/> becomes a 400 on <paramref name="field"/>.</summary>
    public static async Task<T> BuildAsync<T>(string field, Func<Task<T>> build)
    {
        try { return await build(); }
        catch (ArgumentException e)
        {
            var message = e.Reason();
            throw new InvalidInputException(e.ParamName is { } name ? $"{field}.{name}" : field, message);
        }
    }

    /// <summary>Awaits <paramref name="build"/>; an <see cref="ArgumentException"/> becomes a 400 on <paramref name="field"/>.</summary>
    public static Task BuildAsync(string field, Func<Task> build) =>
        BuildAsync(field, async () => { await build(); return true; });

    /// <summary>Reads a visibility (<c>shared</c>, <c>mediator</c>, <c>party:ID</c>); null means shared.</summary>
    public static Visibility Visibility(string? text, string field) =>
        Core.Talks.Visibility.TryParse(text, out var v) ? v
            : throw new InvalidInputException(field, $"'{text}' is not a visibility (shared, mediator, party:ID)");

    /// <summary>Reads an as-of query value; null means now on <paramref name="clock"/>.</summary>
    public static DateTimeOffset AsOf(string? text, TimeProvider clock) =>
        text is null ? clock.GetUtcNow()
            : Core.Talks.AsOf.TryParse(text, out var at, out var error) ? at : throw new InvalidInputException("asOf", error);
}
