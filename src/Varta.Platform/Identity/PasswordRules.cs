using Microsoft.AspNetCore.Identity;
using Varta.Platform.Localization;

namespace Varta.Platform.Identity;

/// <summary>
/// Passwords as OWASP ASVS 5.0 level 2 asks (V6.2): at least 12 characters (15 recommended), any characters but
/// control characters, refused when a strength estimator with its own frequency lists (zxcvbn: common passwords,
/// names, words, keyboard walks, dates, repeats) finds it guessable, or when it contains the username. Applies to
/// every way a password is set: creation, change, reset.
/// </summary>
internal sealed class PasswordRules(Loc loc) : IPasswordValidator<VartaUser>
{
    /// <summary>zxcvbn's scale 0–4: 3 is "safely unguessable" (about 10^8 guesses and more), the lowest accepted.</summary>
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<VartaUser> manager, VartaUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Any(char.IsControl))
        {
            errors.Add(Error("PasswordControlCharacters", "rule.password-control"));
        }

        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error("PasswordContainsUserName", "rule.password-username"));
        }

        if (password.Length > 0 && Zxcvbn.Zxcvbn.MatchPassword(password, Inputs(user)).Score < MinimumScore)
        {
            errors.Add(Error("PasswordGuessable", "rule.password-guessable"));
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    // What an attacker who knows the person would try first.
    private static IEnumerable<string> Inputs(VartaUser user) =>
        new[] { user.UserName, user.DisplayName, "varta", "варта" }
            .Concat(user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(user.UserName?.Split('.', '-', '_') ?? [])
            .OfType<string>().Where(s => s.Length > 0);

    private IdentityError Error(string code, string key) => new() { Code = code, Description = loc[key] };
}
