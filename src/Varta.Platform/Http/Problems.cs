using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Varta.Platform.Localization;

namespace Varta.Platform.Http;

/// <summary>RFC 9457 problem details in the caller's language.</summary>
public sealed class Problems(Loc loc)
{
    public ProblemHttpResult Status(int status, string? detailKey = null, params object?[] args) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = detailKey is null ? null : loc.Format(detailKey, args),
            Type = $"https://varta.example/problems/{status}",
        });

    public ProblemHttpResult NotFound() => Status(StatusCodes.Status404NotFound, "problem.not-found");

    public ProblemHttpResult Conflict(string detailKey, params object?[] args) => Status(StatusCodes.Status409Conflict, detailKey, args);

    public ValidationProblem Validation(Validator validator)
    {
        var result = TypedResults.ValidationProblem(validator.Errors, title: loc["problem.validation"],
            type: "https://varta.example/problems/validation");
        result.ProblemDetails.Extensions["rules"] = validator.Rules;
        return result;
    }

    public string Title(int status) => loc.Has($"problem.{status}") ? loc[$"problem.{status}"] : loc["problem.other"];
}
