using Varta.Custody.Contracts;
using Varta.Oversight.SubjectExport;
using Varta.Platform.Localization;

namespace Varta.Oversight.Printing;

/// <summary>A data-subject export on paper: the same content as the JSON, in the same order.</summary>
internal static class SubjectPdf
{
    public static byte[] Render(SubjectExportDto export, IReadOnlyList<CustodyRecordDocument> records, Loc loc)
    {
        var title = loc.Format("oversight.export.title", export.Person.FullName);
        using var layout = new PdfLayout(title, export.ExportedAt) { PageLabel = loc["oversight.print.page"] };
        layout.Heading(title);
        layout.Small(loc.Format("oversight.export.made", KyivTime.Format(export.ExportedAt), export.ExportedBy));
        layout.Field(loc["oversight.export.records"], export.Records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (export.RecordsLeftOut > 0)
        {
            layout.Line(loc.Format("oversight.export.left-out", export.RecordsLeftOut));
        }

        foreach (var record in records)
        {
            layout.RunningTitle = $"{title} · {record.Number}";
            layout.Gap(10);
            RecordPdf.Write(layout, record, loc);
        }

        layout.RunningTitle = title;
        layout.Gap(10);
        layout.Subheading(loc["oversight.export.items"]);
        if (export.ReviewItems.Count == 0)
        {
            layout.Line("—");
        }

        foreach (var item in export.ReviewItems)
        {
            layout.KeepTogether(36);
            layout.Gap(3);
            layout.Line($"{RecordPdf.Label(loc, "oversight.rule", item.Rule)} · {item.RecordNumber} · {RecordPdf.Label(loc, "oversight.status", item.Status)}", bold: true);
            layout.Field(loc["oversight.queue.occurred"], KyivTime.Format(item.OccurredAt));
            if (item.Conclusion is { } conclusion)
            {
                layout.Field(loc["oversight.close.conclusion"], RecordPdf.Label(loc, "oversight.conclusion", conclusion) + (item.ClosingNote is { } n ? $" — {n}" : ""));
            }

            foreach (var f in item.Findings)
            {
                layout.Field(RecordPdf.Label(loc, "oversight.violation", f.ViolationType), f.Text, 14);
                if (f.Recommendation is { } r)
                {
                    layout.Field(loc["oversight.finding.recommendation"], r, 28);
                }

                if (f.ActedAt is { } acted)
                {
                    layout.Field(loc["oversight.follow-up.done"], $"{KyivTime.Format(acted)} · {f.ActedNote}", 28);
                }
            }
        }

        layout.Subheading(loc["oversight.export.views"]);
        if (export.Views.Count == 0)
        {
            layout.Line("—");
        }

        foreach (var view in export.Views)
        {
            layout.Line($"{KyivTime.Format(view.At)} · {view.ActorName} · {RecordPdf.Label(loc, "oversight.action", view.Action)}{(view.RecordNumber is { } n ? " · " + n : "")}");
        }

        if (export.ViewsTruncated)
        {
            layout.Small(loc.Format("oversight.export.views-truncated", SubjectExportHandler.ViewLimit));
        }

        return layout.Save();
    }
}
