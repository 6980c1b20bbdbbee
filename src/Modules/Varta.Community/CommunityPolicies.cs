using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Community;

/// <summary>One named policy per community operation. Administrators keep the codifier and the population; coordinators run audits; auditors work on the surveys of their territory.</summary>
internal static class CommunityPolicies
{
    public const string ImportTerritories = "community.territories.import";
    public const string ReadTerritories = "community.territories.read";
    public const string ManageSurveys = "community.surveys.manage";
    public const string ImportIndicators = "community.indicators.import";
    public const string ReadSurveys = "community.surveys.read";
    public const string CollectResponses = "community.responses.collect";

    public static readonly string[] Administrators = [Roles.Administrator];

    public static readonly string[] Readers = [Roles.Administrator, Roles.CommunityCoordinator, Roles.CommunityAuditor];

    public static readonly string[] Coordinators = [Roles.CommunityCoordinator];

    /// <summary>Who works on a unit's surveys: its coordinators and its auditors (who also interview).</summary>
    public static readonly string[] AuditTeam = [Roles.CommunityCoordinator, Roles.CommunityAuditor];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(ImportTerritories, Administrators)
            .AddOperation(ReadTerritories, Readers)
            .AddOperation(ManageSurveys, Coordinators)
            .AddOperation(ImportIndicators, [Roles.Administrator, Roles.CommunityCoordinator])
            .AddOperation(ReadSurveys, AuditTeam)
            .AddOperation(CollectResponses, AuditTeam);
}
