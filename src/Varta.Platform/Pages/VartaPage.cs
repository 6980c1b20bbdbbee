using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Http;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Platform.Pages;

/// <summary>
/// Base for interactive pages. A circuit lives for minutes or hours, so each operation gets its own DI scope
/// (and so its own DbContext), acting as the signed-in user.
/// </summary>
public abstract class VartaPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    protected Loc L { get; set; } = default!;

    [Inject]
    private Identity.PrincipalValidator Validator { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected ClaimsPrincipal User { get; private set; } = new();

    protected override async Task OnInitializedAsync()
    {
        User = AuthState is null ? new ClaimsPrincipal() : (await AuthState).User;
        await OnUserReadyAsync();
    }

    protected virtual Task OnUserReadyAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs one operation as the page's user — refused, and the page sent to sign-in, when that user no longer holds
    /// (deactivated, roles or password changed) even before the page has noticed.
    /// </summary>
    protected async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        if (User.Identity?.IsAuthenticated == true && !await Validator.IsCurrentAsync(User))
        {
            Navigation.NavigateTo("/account/login", forceLoad: true);
            throw new OperationCanceledException("The page's user no longer holds.");
        }

        await using var scope = Scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().Use(User);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// A failed outcome as one line for the page. Field errors are named by the field's label when the page's texts have
    /// one ("field.{name}"), never by the API's field name; a form that can show them beside its fields uses FormErrors.
    /// </summary>
    protected string Describe<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => string.Join(" ", outcome.Errors!.Errors.Select(e =>
            L.Has($"field.{e.Key}") ? $"{L[$"field.{e.Key}"]}: {string.Join(" ", e.Value)}" : string.Join(" ", e.Value))),
        _ => L.Format(outcome.MessageKey ?? "problem.other", outcome.Args),
    };
}
