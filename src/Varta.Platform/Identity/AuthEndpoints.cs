using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;

namespace Varta.Platform.Identity;

internal sealed record TokenRequest(string? Username, string? Password, string? Totp);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal sealed record MeResponse(Guid Id, string Username, string DisplayName, IReadOnlyList<RoleScopeDto> Roles);

internal sealed record RoleScopeDto(string Role, Guid ScopeId, string ScopeName);

internal static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // Anonymous by design: this is where a client gets its credentials. Reviewed opt-out.
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(Throttling.SignInPolicy).WithTags("Auth").WithName("IssueToken");
        api.MapGet("/me", Me).RequireAuthorization().WithTags("Auth");
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, HttpContext http, SignInService signIn, TokenService tokens, Problems problems, Loc loc, CancellationToken ct)
    {
        var validator = new Validator(loc)
            .Required("username", request.Username, 256)
            .Required("password", request.Password, 512)
            .MaxLength("totp", request.Totp, 16);
        if (!validator.IsValid)
        {
            return problems.Validation(validator);
        }

        var attempt = await signIn.CheckPasswordAsync(request.Username, request.Password, http.ClientAddress(), ct);
        if (attempt.Status == SignInStatus.TotpRequired && !string.IsNullOrWhiteSpace(request.Totp))
        {
            attempt = await signIn.CheckTotpAsync(attempt.User!, request.Totp, http.ClientAddress(), ct);
        }

        switch (attempt.Status)
        {
            case SignInStatus.Succeeded:
                var method = attempt.User!.TwoFactorEnabled ? "mfa" : "pwd";
                var principal = await signIn.CreatePrincipalAsync(attempt.User, "Bearer", method, ct);
                var (token, expires) = tokens.Issue(principal);
                return TypedResults.Ok(new TokenResponse(token, expires));
            case SignInStatus.TotpRequired:
                var needCode = problems.Status(StatusCodes.Status401Unauthorized, "problem.totp-required");
                needCode.ProblemDetails.Extensions["twoFactor"] = "required";
                return needCode;
            case SignInStatus.EnrolmentRequired:
                var enrol = problems.Status(StatusCodes.Status403Forbidden, "problem.totp-enrolment-required");
                enrol.ProblemDetails.Extensions["twoFactor"] = "enrolment-required";
                return enrol;
            case SignInStatus.Throttled:
                await Throttling.WriteAsync(http, attempt.RetryAfter ?? TimeSpan.FromMinutes(1));
                return TypedResults.Empty;
            default:
                return problems.Status(StatusCodes.Status401Unauthorized, "problem.invalid-credentials");
        }
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user, OrgDirectory org) => TypedResults.Ok(new MeResponse(
        user.UserId(),
        user.Identity?.Name ?? "",
        user.FindFirstValue(VartaClaims.DisplayName) ?? "",
        user.Assignments().Select(a => new RoleScopeDto(a.Role, a.Scope, org.Current.Find(a.Scope)?.DisplayName ?? "")).ToList()));
}
