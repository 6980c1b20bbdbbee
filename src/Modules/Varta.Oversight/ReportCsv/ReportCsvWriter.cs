using System.Globalization;
using CsvHelper;
using Varta.Oversight.Contracts;
using Varta.Platform.Localization;

namespace Varta.Oversight.ReportCsv;

/// <summary>
/// A report as CSV (RFC 4180, comma-separated, numbers with a decimal point): UTF-8 with a byte order mark, so that
/// Excel reads the Cyrillic names; the header row in the caller's language; one row per facility, then the total.
/// </summary>
internal sealed class ReportCsvWriter(Loc loc)
{
    /// <summary>The columns' text keys, in order (the facility's name first).</summary>
    public static readonly string[] Columns =
    [
        "oversight.report.facility", "oversight.report.detentions", "oversight.report.closed", "oversight.report.median-minutes",
        "oversight.report.max-minutes", "oversight.report.legal-aid-within", "oversight.report.legal-aid-due", "oversight.report.legal-aid-share",
        "oversight.report.checks-missed", "oversight.report.injuries", "oversight.report.complaints", "oversight.report.use-of-force",
        "oversight.report.corrections", "oversight.report.items-opened", "oversight.report.items-closed", "oversight.report.findings-recorded",
        "oversight.report.findings-acted-on",
    ];

    /// <summary>RFC 4180 with a byte order mark; a name starting like a formula (= + - @) is escaped, not evaluated by a spreadsheet.</summary>
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public byte[] Write(ReportDto report)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(loc[column]);
            }

            csv.EndRecord();
            foreach (var row in report.Facilities.Append(report.Total))
            {
                foreach (var field in Fields(row))
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    public static string FileName(ReportDto report) => $"varta-report-{report.From}-{report.To}.csv";

    private static IEnumerable<string> Fields(ReportRowDto r) =>
    [
        r.Name, Number(r.Detentions), Number(r.Closed), Number(r.MedianMinutesInCustody), Number(r.MaxMinutesInCustody), Number(r.LegalAidWithinThreshold),
        Number(r.LegalAidNotifiedOrDue), Number(r.LegalAidShare), Number(r.ChecksMissed), Number(r.InjuriesOnArrival), Number(r.Complaints),
        Number(r.UseOfForce), Number(r.Corrections), Number(r.ItemsOpened), Number(r.ItemsClosed), Number(r.FindingsRecorded), Number(r.FindingsActedOn),
    ];

    private static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
