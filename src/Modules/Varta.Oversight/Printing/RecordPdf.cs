using System.Globalization;
using System.Text.Json;
using Varta.Custody.Contracts;
using Varta.Platform.Audit;
using Varta.Platform.Localization;

namespace Varta.Oversight.Printing;

/// <summary>Where a printed record stands in the audit chain: the newest entry about it and the newest signed checkpoint.</summary>
internal sealed record PrintAnchor(AuditAnchor? Latest, AuditCheckpointDto? Checkpoint);

/// <summary>
/// A custody record on paper: who and why, the clocks, the flags, then the timeline in the order things happened, each
/// correction printed under the entry it corrects; parts the reader may not see are said to be left out, never silently dropped.
/// </summary>
internal static class RecordPdf
{
    private const double Indent = 14;

    public static byte[] Render(CustodyRecordDocument record, PrintAnchor anchor, string printedBy, DateTimeOffset printedAt, Loc loc)
    {
        var title = loc.Format("oversight.print.title", record.Number);
        using var layout = new PdfLayout(title, printedAt) { PageLabel = loc["oversight.print.page"] };
        Write(layout, record, loc);
        WriteAnchor(layout, anchor, loc);
        layout.Gap(8);
        layout.Small(loc.Format("oversight.print.printed", KyivTime.Format(printedAt), printedBy));
        return layout.Save();
    }

    /// <summary>The record itself, from its heading to its last entry.</summary>
    public static void Write(PdfLayout layout, CustodyRecordDocument record, Loc loc)
    {
        layout.Heading(loc.Format("oversight.print.title", record.Number));
        layout.Field(loc["oversight.print.facility"], record.FacilityName);
        layout.Field(loc["oversight.queue.status"], Label(loc, "custody.status", record.Status));

        var person = record.Person;
        layout.Subheading(loc["oversight.print.person"]);
        layout.Field(loc["oversight.print.name"], person.FullName);
        layout.Field(loc["oversight.print.born"], person.DateOfBirth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        layout.Field(loc["custody.sex"], Label(loc, "custody.sex", person.Sex));
        layout.Field(loc["oversight.print.citizenship"], person.Citizenship);
        Optional(layout, loc["oversight.print.document"], person.IdentityDocument);
        Optional(layout, loc["oversight.print.language"], person.PreferredLanguage);
        if (person.InterpreterNeeded)
        {
            layout.Line(loc["oversight.print.interpreter"]);
        }

        layout.Subheading(loc["oversight.print.detention"]);
        layout.Field(loc["custody.legal-basis"], Label(loc, "custody.basis", record.LegalBasis) + (record.LegalBasisDetail is { } d ? $" — {d}" : ""));
        layout.Field(loc["oversight.print.regime"], Label(loc, "custody.regime", record.LegalRegime));
        layout.Field(loc["oversight.print.place"], record.DetentionPlace);
        layout.Field(loc["oversight.print.officer"], record.DetainingOfficer);
        Optional(layout, loc["oversight.print.proceedings"], record.ProceedingsNumber);
        Optional(layout, loc["oversight.print.cell"], record.CellNumber);
        layout.Field(loc["oversight.print.observation"], record.ObservationLevel.ToString(CultureInfo.InvariantCulture));
        Optional(layout, loc["oversight.print.risk"], record.RiskLevel);

        layout.Subheading(loc["oversight.print.clocks"]);
        layout.Field(loc["oversight.print.detained-at"], KyivTime.Format(record.DetainedAt));
        layout.Field(loc["oversight.print.arrived-at"], KyivTime.Format(record.ArrivedAt));
        layout.Field(loc["oversight.print.court-deadline"], When(record.CourtDeadline));
        layout.Field(loc["oversight.print.max-deadline"], KyivTime.Format(record.MaxDeadline));
        layout.Field(loc["oversight.print.legal-aid"], When(record.LegalAidNotifiedAt));
        layout.Field(loc["oversight.print.relatives"], When(record.RelativesNotifiedAt));
        layout.Field(loc["oversight.print.closed"], When(record.ClosedAt) + (record.ClosedGrounds is { } g ? $" — {Coded(loc, g)}" : ""));
        layout.Field(loc["oversight.print.flags"], record.Flags.Count == 0 ? "—" : string.Join(", ", record.Flags.Select(f => Label(loc, "custody.flag", f))));
        if (record.Withheld.Count > 0)
        {
            layout.Field(loc["oversight.print.withheld"], string.Join(", ", record.Withheld.Select(w => loc[$"oversight.withheld.{w}"])));
        }

        WriteTimeline(layout, record, loc);
    }

    private static void WriteTimeline(PdfLayout layout, CustodyRecordDocument record, Loc loc)
    {
        var byId = record.Entries.ToDictionary(e => e.Id);
        var timeline = record.Entries.Where(e => e.CorrectsEntryId is not { } original || !byId.ContainsKey(original))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Seq).ToList();
        layout.Subheading(loc.Format("oversight.print.timeline", record.Entries.Count));
        foreach (var entry in timeline)
        {
            layout.KeepTogether(40);
            layout.Gap(3);
            layout.Line($"#{entry.Seq} · {KyivTime.Format(entry.OccurredAt)} · {Label(loc, "custody.entry", entry.Type)}", bold: true);
            layout.Small(loc.Format("oversight.print.recorded", KyivTime.Format(entry.RecordedAt), entry.RecordedBy));
            WriteBody(layout, entry, 0, loc);
            WriteCorrections(layout, entry, byId, Indent, loc);
        }
    }

    private static void WriteCorrections(PdfLayout layout, CustodyEntryDocument entry, Dictionary<Guid, CustodyEntryDocument> byId, double indent, Loc loc)
    {
        var n = 0;
        foreach (var correction in entry.CorrectedBy.Select(id => byId.GetValueOrDefault(id)).OfType<CustodyEntryDocument>().OrderBy(c => c.Seq))
        {
            n++;
            layout.Gap(2);
            layout.Line(loc.Format("oversight.print.correction", n, correction.Seq, KyivTime.Format(correction.RecordedAt), correction.RecordedBy),
                indent, bold: true);
            if (!correction.Withheld)
            {
                layout.Field(loc["oversight.print.reason"], correction.CorrectionReason ?? "—", indent);
            }

            WriteBody(layout, correction, indent, loc);
            WriteCorrections(layout, correction, byId, indent + Indent, loc);
        }
    }

    private static void WriteBody(PdfLayout layout, CustodyEntryDocument entry, double indent, Loc loc)
    {
        if (entry.Withheld)
        {
            layout.Line(loc["oversight.print.entry-withheld"], indent);
            return;
        }

        using var data = JsonDocument.Parse(entry.DataJson);
        if (data.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in data.RootElement.EnumerateObject())
            {
                var label = loc.Has($"custody.field.{field.Name}") ? loc[$"custody.field.{field.Name}"] : field.Name;
                layout.Field(label, Value(field.Value, loc), indent);
            }
        }

        if (entry.VideoCameraId is { } camera)
        {
            layout.Field(loc["oversight.print.video"], $"{camera} · {When(entry.VideoFrom)} – {When(entry.VideoTo)}", indent);
        }
    }

    private static void WriteAnchor(PdfLayout layout, PrintAnchor anchor, Loc loc)
    {
        layout.Subheading(loc["oversight.print.anchor"]);
        if (anchor.Latest is { } latest)
        {
            layout.Field(loc["oversight.print.anchor-entry"], $"#{latest.Seq} · {latest.Action} · {KyivTime.Format(latest.RecordedAt)}");
            layout.Field(loc["oversight.print.anchor-hash"], latest.Hash);
        }

        if (anchor.Checkpoint is { } checkpoint)
        {
            layout.Field(loc["oversight.print.checkpoint"], loc.Format("oversight.print.checkpoint-size", checkpoint.TreeSize, KyivTime.Format(checkpoint.SignedAt)));
            layout.Field(loc["oversight.print.checkpoint-hash"], checkpoint.RootHash);
            layout.Field(loc["oversight.print.checkpoint-signature"], checkpoint.Signature);
            if (anchor.Latest is { } entry && entry.Seq > checkpoint.TreeSize)
            {
                layout.Small(loc["oversight.print.checkpoint-later"]);
            }
        }
        else
        {
            layout.Field(loc["oversight.print.checkpoint"], loc["oversight.print.checkpoint-none"]);
        }
    }

    private static void Optional(PdfLayout layout, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            layout.Field(label, value);
        }
    }

    internal static string Label(Loc loc, string prefix, string value) => loc.Has($"{prefix}.{value}") ? loc[$"{prefix}.{value}"] : value;

    /// <summary>A code custody names (a condition, a method, a basis) in words, as custody's own record page shows it; other text as it is.</summary>
    private static string Coded(Loc loc, string text)
    {
        foreach (var key in new[] { $"custody.value.{text}", $"custody.basis.{text}", $"custody.regime.{text}" })
        {
            if (loc.Has(key))
            {
                return loc[key];
            }
        }

        return text;
    }

    private static string When(DateTimeOffset? at) => at is { } v ? KyivTime.Format(v) : "—";

    private static string Value(JsonElement value, Loc loc) => value.ValueKind switch
    {
        JsonValueKind.String when value.TryGetDateTimeOffset(out var at) && value.GetString()!.Contains('T', StringComparison.Ordinal) => KyivTime.Format(at),
        JsonValueKind.String => Coded(loc, value.GetString() ?? ""),
        JsonValueKind.True => loc["oversight.print.yes"],
        JsonValueKind.False => loc["oversight.print.no"],
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "—" : string.Join(", ", value.EnumerateArray().Select(v => Value(v, loc))),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Value(p.Value, loc)}")),
        _ => value.GetRawText(),
    };
}
