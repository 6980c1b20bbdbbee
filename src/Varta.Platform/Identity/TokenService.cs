using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

public sealed class TokenOptions
{
    /// <summary>Base64 HMAC key shared by every host; when empty a key file under data/keys is used.</summary>
    public string? SigningKey { get; set; }

    public string SigningKeyPath { get; set; } = "data/keys/api-token.key";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public const string Issuer = "varta";
    public const string Audience = "varta-api";
}

/// <summary>Issues API bearer tokens (JWT, HMAC-SHA256) with the user's role assignments.</summary>
public sealed class TokenService
{
    private readonly TimeProvider _clock;
    private readonly TokenOptions _options;

    public TokenService(IOptions<TokenOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _options = options.Value;
        SigningKey = new SymmetricSecurityKey(LoadKey(_options));
    }

    public SymmetricSecurityKey SigningKey { get; }

    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var now = _clock.GetUtcNow();
        var expires = now + _options.Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TokenOptions.Issuer,
            Audience = TokenOptions.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(principal.Claims),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor), expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = TokenOptions.Issuer,
        ValidAudience = TokenOptions.Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = ClaimTypes.Name,
        RequireExpirationTime = true,
        // Lifetime is judged on the injected clock, so tests can expire a token by moving time.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            return expires is { } e && now < e && (notBefore is null || now >= notBefore.Value.AddMinutes(-1));
        },
    };

    private static byte[] LoadKey(TokenOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            if (configured.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
            }

            return configured;
        }

        var path = Path.GetFullPath(options.SigningKeyPath);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        PrivateFiles.WriteText(path, Convert.ToBase64String(key));

        return key;
    }
}
