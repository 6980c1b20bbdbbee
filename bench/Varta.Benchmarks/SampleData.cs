using System.Globalization;
using Varta.Platform.Audit;

namespace Varta.Benchmarks;

/// <summary>
/// Audit records shaped like production ones: custody reads and writes by a handful of officers, Cyrillic
/// names (multi-byte UTF-8), a small JSON details object, a reason on every third record. About 330 bytes a row.
/// </summary>
internal static class SampleData
{
    private static readonly string[] Actions =
        ["custody.record.read", "custody.entry.welfare-check", "custody.entry.meal", "custody.record.export"];

    private static readonly string[] Names =
        ["Коваленко Олена Петрівна", "Шевчук Андрій Іванович", "Бондаренко Марія Олегівна", "Ткаченко Сергій Васильович"];

    private static readonly Guid[] Actors = [.. Enumerable.Range(1, 16).Select(i => new Guid(i, 0x5641, 0x5254, 1, 2, 3, 4, 5, 6, 7, 8))];

    private static readonly Guid[] Units = [.. Enumerable.Range(1, 8).Select(i => new Guid(i, 0x4f52, 0x4755, 1, 2, 3, 4, 5, 6, 7, 8))];

    public static AuditRecord Record(long i)
    {
        var actor = (int)(i % Actors.Length);
        return new AuditRecord
        {
            Action = Actions[i % Actions.Length],
            Category = i % 4 == 0 ? AuditCategory.Read : AuditCategory.Write,
            ResourceType = "custody-record",
            ResourceId = "CR-2026-" + (i % 50_000).ToString("D6", CultureInfo.InvariantCulture),
            OrgUnitId = Units[i % Units.Length],
            Reason = i % 3 == 0 ? "Перевірка журналу під час моніторингового візиту" : null,
            Details = $$"""{"entry":{{i}},"field":"welfare","via":"api","cell":"{{i % 12}}"}""",
            ActorId = Actors[actor].ToString(),
            ActorName = Names[actor % Names.Length],
        };
    }
}
