using Microsoft.AspNetCore.Http;

namespace Varta.Platform.Http;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>413: what was sent (a file) is larger than allowed.</summary>
    TooLarge,

    /// <summary>415: what was sent (a file) is of a type not accepted.</summary>
    UnsupportedType,
}

/// <summary>
/// What a handler answers to both a page and an endpoint. Out-of-scope resources answer NotFound, so that
/// their existence is not leaked.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, Validator? errors, string? messageKey, object?[]? args)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
        MessageKey = messageKey;
        Args = args ?? [];
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    public Validator? Errors { get; }

    public string? MessageKey { get; }

    public object?[] Args { get; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>This failure as the outcome of a handler that answers another type.</summary>
    public Outcome<TOther> Failure<TOther>() =>
        IsOk ? throw new InvalidOperationException("A successful outcome is not a failure.") : new Outcome<TOther>(Kind, default, Errors, MessageKey, Args);

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null, null);

    public static Outcome<T> Invalid(Validator errors) => new(OutcomeKind.Invalid, default, errors, null, null);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, "problem.not-found", null);

    public static Outcome<T> Conflict(string key, params object?[] args) => new(OutcomeKind.Conflict, default, null, key, args);

    public static Outcome<T> Forbidden(string key = "problem.forbidden") => new(OutcomeKind.Forbidden, default, null, key, null);

    public static Outcome<T> TooLarge(string key, params object?[] args) => new(OutcomeKind.TooLarge, default, null, key, args);

    public static Outcome<T> UnsupportedType(string key, params object?[] args) => new(OutcomeKind.UnsupportedType, default, null, key, args);

    /// <summary>200 with the value, or the problem details for anything else.</summary>
    public IResult OkOrProblem(Problems problems) => IsOk ? TypedResults.Ok(Value) : Problem(problems);

    /// <summary>The HTTP answer for anything but success.</summary>
    public IResult Problem(Problems problems) => Kind switch
    {
        OutcomeKind.Invalid => problems.Validation(Errors!),
        OutcomeKind.NotFound => problems.NotFound(),
        OutcomeKind.Conflict => problems.Conflict(MessageKey!, Args),
        OutcomeKind.Forbidden => problems.Status(StatusCodes.Status403Forbidden, MessageKey),
        OutcomeKind.TooLarge => problems.Status(StatusCodes.Status413PayloadTooLarge, MessageKey, Args),
        OutcomeKind.UnsupportedType => problems.Status(StatusCodes.Status415UnsupportedMediaType, MessageKey, Args),
        _ => throw new InvalidOperationException("A successful outcome is not a problem."),
    };
}
