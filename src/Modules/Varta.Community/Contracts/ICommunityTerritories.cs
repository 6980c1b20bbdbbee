namespace Varta.Community.Contracts;

/// <summary>What other modules may ask of Community: the name of a territory by its KATOTTH code.</summary>
public interface ICommunityTerritories
{
    Task<string?> NameOfAsync(string katotthCode, CancellationToken cancellationToken);
}
