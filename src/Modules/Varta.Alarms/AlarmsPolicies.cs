using Microsoft.AspNetCore.Authorization;
using Varta.Alarms.DeviceAuthentication;
using Varta.Platform.Identity;

namespace Varta.Alarms;

/// <summary>
/// Who may do what in Alarms: one policy per operation, role × scope. Endpoints and pages name the policy; handlers
/// ask it again with the resource's site. The role sets live here and nowhere else.
/// </summary>
internal static class AlarmsPolicies
{
    /// <summary>The monitoring centre: who watches the console and handles alarms.</summary>
    public static readonly string[] ConsoleStaff = [Roles.Dispatcher, Roles.SecurityOfficer, Roles.UnitHead];

    /// <summary>Who sees a building's zones, devices, arming schedule and reports: the console roles and administrators.</summary>
    public static readonly string[] Viewers = [.. ConsoleStaff, Roles.Administrator];

    public static readonly string[] Administrators = [Roles.Administrator];

    /// <summary>Console roles of a building read its duty roster.</summary>
    public static readonly string[] DutyReaders = [Roles.Dispatcher, Roles.SecurityOfficer, Roles.UnitHead, Roles.Administrator];

    /// <summary>Its dispatchers and unit heads, and administrators, plan and cancel shifts.</summary>
    public static readonly string[] DutyPlanners = [Roles.Dispatcher, Roles.UnitHead, Roles.Administrator];

    /// <summary>Judges and court staff: a phone of their own raises duress alarms, and they keep a medical profile.</summary>
    public static readonly string[] PhoneOwners = [Roles.Judge, Roles.CourtStaff];

    /// <summary>Officers who are sent to alarms.</summary>
    public static readonly string[] Responders = [Roles.SecurityOfficer];

    public const string ReadSites = "alarms.sites.read";
    public const string ReadDevices = "alarms.devices.read";
    public const string ManageZones = "alarms.zones.manage";
    public const string ManageDevices = "alarms.devices.manage";
    public const string ManageDc09Key = "alarms.dc09-key.manage";
    public const string ReadDuty = "alarms.duty.read";
    public const string PlanDuty = "alarms.duty.plan";
    public const string ReadStats = "alarms.stats.read";
    public const string ReadArming = "alarms.arming.read";
    public const string ManageArming = "alarms.arming.manage";
    public const string OwnMedicalProfile = "alarms.medical-profile.own";
    public const string RespondMedicalProfile = "alarms.medical-profile.respond";

    /// <summary>Open alarms, the feed, one alarm, and the hub.</summary>
    public const string Console = "alarms.console";

    /// <summary>Acknowledge, dispatch, resolve, add a note.</summary>
    public const string HandleAlarm = "alarms.alarm.handle";

    public const string ReadResponders = "alarms.responders.read";
    public const string MyDispatches = "alarms.dispatches.mine";
    public const string PressDuress = "alarms.duress.press";

    /// <summary>Devices, not people: their own credential scheme.</summary>
    public const string SendSignal = "alarms.signal.send";

    public static void Add(AuthorizationBuilder b)
    {
        b.AddOperation(ReadSites, Viewers)
            .AddOperation(ReadDevices, Viewers)
            .AddOperation(ManageZones, Administrators)
            .AddOperation(ManageDevices, Administrators)
            .AddOperation(ManageDc09Key, Administrators)
            .AddOperation(ReadDuty, DutyReaders)
            .AddOperation(PlanDuty, DutyPlanners)
            .AddOperation(ReadStats, Viewers)
            .AddOperation(ReadArming, Viewers)
            .AddOperation(ManageArming, Administrators)
            .AddOperation(OwnMedicalProfile, PhoneOwners)
            .AddOperation(RespondMedicalProfile, ConsoleStaff)
            .AddOperation(Console, ConsoleStaff)
            .AddOperation(HandleAlarm, ConsoleStaff)
            .AddOperation(ReadResponders, ConsoleStaff)
            .AddOperation(MyDispatches, ConsoleStaff)
            .AddOperation(PressDuress, PhoneOwners);
        b.AddPolicy(SendSignal, p => p.AddAuthenticationSchemes(DeviceAuthenticationHandler.SchemeName).RequireClaim(DeviceAuthenticationHandler.DeviceClaim));
    }
}
