using System.Security.Claims;
using Varta.Custody.Contracts;
using Microsoft.AspNetCore.Authorization;
using Varta.Custody.Rules;
using Varta.Platform.Identity;

namespace Varta.Custody.Documents;

/// <summary>
/// Field-level protection of a record (rules for information rights in custody records): medical details and risk
/// assessments only to the roles that need them, held over the record's facility.
/// </summary>
internal static class FieldProtection
{
    /// <summary>Entry types whose details are medical.</summary>
    private static readonly HashSet<string> MedicalTypes = [EntryCatalog.MedicalExamination, EntryCatalog.Medication];

    /// <summary>What a user may see of a record at a facility: a protected part needs one of its roles held over that facility.</summary>
    public static async Task<CustodyFieldAccess> ForAsync(IAuthorizationService authorization, ClaimsPrincipal user, Guid facilityId) =>
        new(await authorization.AllowsAsync(user, CustodyPolicies.ReadMedical, facilityId),
            await authorization.AllowsAsync(user, CustodyPolicies.ReadRisk, facilityId));

    /// <summary>Whether an entry of this type (for a correction: the type it corrects) is left out for this access.</summary>
    public static bool Hides(CustodyFieldAccess access, string type) =>
        (!access.Medical && MedicalTypes.Contains(type)) || (!access.RiskAssessment && type == EntryCatalog.RiskAssessment);

    /// <summary>Alert kinds without those that tell a medical finding, when medical details are withheld.</summary>
    public static List<string> Alerts(IEnumerable<string> kinds, CustodyFieldAccess access) =>
        kinds.Where(k => access.Medical || k != "injuries-on-arrival").ToList();

    /// <summary>The record's flags without those that tell a withheld part.</summary>
    public static List<string> Flags(IReadOnlyList<string> flags, string? medicalFlag, CustodyFieldAccess access) =>
        flags.Where(f => (access.Medical || (f != medicalFlag && f != "medical-finding-withdrawn")) && (access.RiskAssessment || f != "high-risk")).ToList();
}
