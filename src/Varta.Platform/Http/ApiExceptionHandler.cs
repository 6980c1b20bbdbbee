using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Varta.Platform.Http;

/// <summary>
/// Turns what a client got wrong (malformed JSON, a body over the limit, a bad route value) into a problem
/// details answer with the right status; anything else is our fault and answers 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(Problems problems, Localization.Loc loc, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        IResult result;
        if (exception is BadHttpRequestException bad)
        {
            var json = FindJsonException(bad);
            result = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => problems.Status(413, "problem.body-too-large"),
                _ when json?.Message is "forbidden-character" or "instant-out-of-range" => Field(json),
                _ when json is not null => problems.Status(400, "problem.malformed-json", json.Path ?? "$"),
                _ => problems.Status(bad.StatusCode, "problem.bad-request"),
            };
            logger.LogInformation("Rejected a bad request to {Path}: {Message}", context.Request.Path, bad.Message);
        }
        else if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        else
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            result = problems.Status(500, "problem.server-error");
        }

        await result.ExecuteAsync(context);
        return true;
    }

    /// <summary>A value refused by the input rules: a validation problem naming the field, like any other rule.</summary>
    private IResult Field(JsonException json)
    {
        var field = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        var validator = new Validator(loc).Fail(field.Length == 0 ? "$" : field, json.Message, 10);
        return problems.Validation(validator);
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var current = e.InnerException; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
