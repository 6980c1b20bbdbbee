using System.Globalization;
using CsvHelper;
using Varta.Community.Surveys;
using Varta.Platform.Localization;

namespace Varta.Community.ResultsCsv;

/// <summary>
/// A result table as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read Cyrillic): a header row in the
/// caller's language, one row per answer; a suppressed answer's numbers are blank and its "suppressed" column says 1.
/// Shares are fractions (0.35), with a decimal point.
/// </summary>
internal sealed class ResultsCsvWriter(Loc loc)
{
    public static readonly string[] Columns =
    [
        "community.csv.area", "community.csv.question", "community.csv.value", "community.csv.label", "community.csv.count", "community.csv.share",
        "community.csv.weighted-share", "community.csv.lower", "community.csv.upper", "community.csv.suppressed", "community.csv.respondents", "community.csv.design-effect",
    ];

    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public byte[] Write(ResultDto result)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(loc[column]);
            }

            csv.EndRecord();
            foreach (var a in result.Answers)
            {
                string[] fields =
                [
                    result.Area, result.Question, a.Value, a.Label, a.Suppressed ? "" : Number(a.Count), a.Suppressed ? "" : Number(a.Share),
                    a.Suppressed ? "" : Number(a.WeightedShare), a.Suppressed ? "" : Number(a.Lower), a.Suppressed ? "" : Number(a.Upper), a.Suppressed ? "1" : "0",
                    Number(result.Respondents), Number(result.DesignEffect),
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";
}
