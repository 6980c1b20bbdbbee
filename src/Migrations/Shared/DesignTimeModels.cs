using Varta.Platform.Persistence;

namespace Varta.Migrations;

/// <summary>
/// Every module's model contributor, for 'dotnet ef' which builds the model without the host's container.
/// Linked into both migrations projects so that the two providers always see the same model.
/// </summary>
internal static class DesignTimeModels
{
    public static IReadOnlyList<IModelContributor> All { get; } = [Custody.CustodyModule.Model, Alarms.AlarmsModule.Model, Oversight.OversightModule.Model, Threats.ThreatsModule.Model, Training.TrainingModule.Model, Community.CommunityModule.Model];
}
