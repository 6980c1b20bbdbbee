using Varta.Custody.Records;
using Varta.Custody.Rules;

namespace Varta.Custody.ReadRecord;

/// <summary>
/// The first-hours safeguards after booking, in the order an officer meets them: rights, legal aid, relatives (for a
/// minor: parents or legal representatives, and the guardianship body), doctor, risk, search, cell. A step is done by
/// its first entry (not a correction).
/// </summary>
internal static class FirstHoursSteps
{
    /// <summary>A minor's parents are notified by a relatives-notified entry naming a parent or legal representative.</summary>
    public const string Parents = "parents";

    public static IReadOnlyList<(string Key, string Label, DateTimeOffset? DoneAt)> For(RecordDto record)
    {
        DateTimeOffset? First(string type, Func<EntryDto, bool>? where = null) => record.Timeline
            .Where(e => e.Type == type && e.CorrectsEntryId is null && (where is null || where(e)))
            .Select(e => (DateTimeOffset?)e.OccurredAt).Min();
        (string, string, DateTimeOffset?) Step(string type) => (type, $"custody.entry.{type}", First(type));

        var steps = new List<(string, string, DateTimeOffset?)> { Step(EntryCatalog.RightsExplained), Step(EntryCatalog.LegalAidNotified) };
        if (record.IsMinor)
        {
            steps.Add((Parents, "custody.first-hours.parents",
                First(EntryCatalog.RelativesNotified, e => EntryCatalog.IsParentOrRepresentative(EntryData.Text(e.Data, "contactKind")))));
            steps.Add(Step(EntryCatalog.GuardianshipNotified));
        }
        else
        {
            steps.Add(Step(EntryCatalog.RelativesNotified));
        }

        steps.AddRange(new[] { EntryCatalog.MedicalExamination, EntryCatalog.RiskAssessment, EntryCatalog.SearchProperty, EntryCatalog.CellPlacement }.Select(Step));
        return steps;
    }
}
