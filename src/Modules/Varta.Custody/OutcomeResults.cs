using Microsoft.AspNetCore.Http;
using Varta.Platform.Http;

namespace Varta.Custody;

/// <summary>A handler's outcome as an endpoint's answer: the value, or the problem details for anything else.</summary>
internal static class OutcomeResults
{
    public static IResult ToOk<T>(this Outcome<T> outcome, Problems problems) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem(problems);

    public static IResult ToCreated<T>(this Outcome<T> outcome, Problems problems, Func<T, string> location) =>
        outcome.IsOk ? TypedResults.Created(location(outcome.Value!), outcome.Value) : outcome.Problem(problems);
}
