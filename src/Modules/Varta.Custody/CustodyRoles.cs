using Varta.Platform.Identity;

namespace Varta.Custody;

/// <summary>The role sets behind the custody operations (<see cref="CustodyPolicies"/>) and the menu.</summary>
internal static class CustodyRoles
{
    /// <summary>May read records, the board and search in their scope.</summary>
    public static readonly string[] Readers = [Roles.CustodyOfficer, Roles.RightsInspector, Roles.ExternalMonitor, Roles.UnitHead];

    /// <summary>
    /// May see a record's medical details and risk assessments: those who care for the person or review their treatment. An
    /// external monitor reads the rest; what a grantee of oversight sees is set on their grant.
    /// </summary>
    public static readonly string[] ProtectedReaders = [Roles.CustodyOfficer, Roles.RightsInspector, Roles.UnitHead];

    /// <summary>May write to records in their facility.</summary>
    public static readonly string[] Writers = [Roles.CustodyOfficer];

    /// <summary>
    /// May override floor area or co-accused separation when placing a person (with a reason): the unit head, who must
    /// also hold the custody officer's role in the facility to write to its records.
    /// </summary>
    public static readonly string[] Seniors = [Roles.UnitHead];

    /// <summary>May manage facilities and cells.</summary>
    public static readonly string[] FacilityAdmins = [Roles.Administrator];

    /// <summary>May see the facilities list (cells and capacity, no personal data).</summary>
    public static readonly string[] FacilityViewers = [.. Readers, Roles.Administrator];
}
