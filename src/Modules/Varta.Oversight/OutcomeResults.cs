using Microsoft.AspNetCore.Http;
using Varta.Platform.Http;

namespace Varta.Oversight;

internal static class OutcomeResults
{
    /// <summary>200 with the value, or the outcome's problem details.</summary>
    public static IResult OkOrProblem<T>(this Outcome<T> outcome, Problems problems) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem(problems);
}
