using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Training;

/// <summary>
/// One named policy per training operation. Every user of Varta is a learner of their own courses; trainers edit the
/// courses of their unit and teach its people; unit heads see their people's progress. A learner's journal is theirs
/// alone until they share an entry.
/// </summary>
internal static class TrainingPolicies
{
    public const string Learn = "training.learn";
    public const string EditCourses = "training.courses.edit";
    public const string Teach = "training.teach";
    public const string ReadPeople = "training.people.read";
    public const string RevokeCertificates = "training.certificates.revoke";

    /// <summary>Every role: every user of Varta is a learner.</summary>
    public static readonly string[] Everyone = [.. Roles.All];

    public static readonly string[] Trainers = [Roles.Trainer];

    /// <summary>Who sees a unit's people's progress: its trainers and its head.</summary>
    public static readonly string[] Overseers = [Roles.Trainer, Roles.UnitHead];

    /// <summary>Who may withdraw a certificate: a trainer or an administrator over the holder's unit.</summary>
    public static readonly string[] Revokers = [Roles.Trainer, Roles.Administrator];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(Learn, Everyone)
            .AddOperation(EditCourses, Trainers)
            .AddOperation(Teach, Trainers)
            .AddOperation(ReadPeople, Overseers)
            .AddOperation(RevokeCertificates, Revokers);
}
