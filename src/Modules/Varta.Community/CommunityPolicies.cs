using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Community;

/// <summary>One named policy per community operation. Administrators keep the codifier and the population; coordinators run audits; auditors work on the surveys of their territory.</summary>
internal static class CommunityPolicies
{
    public const string ImportTerritories = "community.territories.import";
    public const string ReadTerritories = "community.territories.read";

    public static readonly string[] Administrators = [Roles.Administrator];

    public static readonly string[] Readers = [Roles.Administrator, Roles.CommunityCoordinator, Roles.CommunityAuditor];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(ImportTerritories, Administrators)
            .AddOperation(ReadTerritories, Readers);
}
