namespace Varta.Platform.Persistence;

/// <summary>
/// A module's work at every start, after the migrations, the demo data and the organisation tree are in place: for
/// example importing the content Varta ships. It must be idempotent: every host of a cluster runs it.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
