using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Varta.Community.ResultsChart;
using Varta.Community.Surveys;
using Varta.Platform.Localization;
using Varta.Platform.Printing;

namespace Varta.Community.AuditReport;

/// <summary>
/// The audit report as an A4 PDF in the reader's language: the survey, area and period; the initiative group's findings;
/// every choice question's results (suppressed cells printed as such) with its chart; the security indicators. Fonts are
/// embedded whole (<see cref="PdfFonts"/>), so Cyrillic prints the same everywhere: PDFsharp 6.2's subsets lose the
/// parts of glyphs built from other built glyphs, and "ї" printed as a blank.
/// </summary>
internal sealed class AuditReportPdf : IDisposable
{
    private const double Margin = 50;
    private static readonly XColor Ink = XColor.FromArgb(31, 95, 153);

    private readonly PdfDocument _document = new();
    private readonly Loc _l;
    private readonly ResultsChartRenderer _charts;
    private readonly XFont _title, _heading, _bold, _body, _small;
    private PdfPage _page = default!;
    private XGraphics _g = default!;
    private double _y;
    private bool _drawing;
    private (string[] Cells, double[] Widths, XFont Font)? _tableHeader;

    private AuditReportPdf(Loc l)
    {
        _l = l;
        _charts = new ResultsChartRenderer(l);
        var unicode = PdfFonts.Options;
        _title = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold, unicode);
        _heading = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold, unicode);
        _bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold, unicode);
        _body = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular, unicode);
        _small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, unicode);
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin;

    public static byte[] Render(ReportDto r, Loc l, DateTimeOffset printedAt)
    {
        PdfFonts.Install();
        using var pdf = new AuditReportPdf(l);
        return pdf.Write(r, printedAt);
    }

    private byte[] Write(ReportDto r, DateTimeOffset printedAt)
    {
        _document.Info.Title = $"Varta — {_l["community.report.title"]} — {r.Title} — {r.AreaName}";
        _document.Info.Author = "Varta";
        _document.Info.CreationDate = printedAt.UtcDateTime;
        Paragraph(_l["community.report.title"], _title, XBrushes.Black, 4);
        Paragraph(r.Title, _heading, XBrushes.Black, 6);
        Paragraph($"{_l["community.results.area"]}: {r.AreaName} ({r.Area})", _body, XBrushes.Black, 2);
        Paragraph($"{_l["community.surveys.period"]}: {Day(r.PeriodFrom)} – {Day(r.PeriodTo)}", _body, XBrushes.Black, 2);
        Paragraph(_l.Format("community.results.respondents", r.Respondents), _body, XBrushes.Black, 2);
        Paragraph(_l.Format("community.report.printed", KyivTime.Format(printedAt)), _small, XBrushes.Gray, 14);

        Heading(_l["community.report.findings"]);
        if (r.Findings.Count == 0)
        {
            Paragraph(_l["community.report.no-findings"], _body, XBrushes.Gray, 8);
        }

        for (var i = 0; i < r.Findings.Count; i++)
        {
            var f = r.Findings[i];
            Paragraph($"{i + 1}. {f.Text}", _body, XBrushes.Black, 1);
            Paragraph(_l.Format("community.report.finding-written", KyivTime.Format(f.RecordedAt)), _small, XBrushes.Gray, 8);
        }

        Heading(_l["community.report.results"]);
        foreach (var result in r.Results)
        {
            Results(result);
        }

        Heading(_l["community.report.indicators"]);
        if (r.Population is { } population)
        {
            Paragraph(_l.Format("community.report.population", population.ToString("N0", CultureInfo.CurrentCulture)), _body, XBrushes.Black, 4);
        }

        if (r.Indicators.Count == 0)
        {
            Paragraph(_l["community.report.no-indicators"], _body, XBrushes.Gray, 8);
        }
        else
        {
            double[] widths = [0.40, 0.12, 0.16, 0.16, 0.16];
            Header([_l["community.report.indicator"], _l["community.report.year"], _l["community.report.value"], _l["community.report.per10k"], _l["community.report.change"]],
                widths, _bold);
            foreach (var line in r.Indicators)
            {
                Row([line.Label, line.Year.ToString(CultureInfo.InvariantCulture), line.Value.ToString("0.##", CultureInfo.CurrentCulture),
                    line.Per10k?.ToString("0.00", CultureInfo.CurrentCulture) ?? "—", line.ChangePercent is { } c ? c.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture) + " %" : "—"],
                    widths, _body);
            }

            _tableHeader = null;
        }

        _y += 10;
        Paragraph(_l.Format("community.results.suppression-note", r.Results.Count > 0 ? r.Results[0].Threshold : 10), _small, XBrushes.Gray, 0);
        CloseGraphics();
        using var output = new MemoryStream();
        _document.Save(output);
        return output.ToArray();
    }

    private void Results(ResultDto result)
    {
        // The question, its table and its chart on one page when they fit on one: a table is not cut after its header.
        var chart = result.Answers.Any(a => !a.Suppressed && (a.WeightedShare ?? a.Share) is not null);
        var chartHeight = chart ? Width * ResultsChartRenderer.Height / ResultsChartRenderer.Width : 0;
        var tableHeight = 50 + ((result.Answers.Count + 2) * _body.Size * 1.35 * 1.3);
        Room(Math.Min(tableHeight + chartHeight + 8, Bottom - Margin));
        Paragraph(result.Label, _bold, XBrushes.Black, 1);
        Paragraph($"{_l.Format("community.results.respondents", result.Respondents)} · {_l.Format("community.results.deff", result.DesignEffect.ToString("0.00", CultureInfo.CurrentCulture))} · "
            + _l.Format("community.results.effective", result.EffectiveRespondents.ToString("0.#", CultureInfo.CurrentCulture)), _small, XBrushes.Gray, 3);
        double[] widths = [0.32, 0.14, 0.14, 0.16, 0.24];
        Header([_l["community.results.answer"], _l["community.results.count"], _l["community.results.share"],
            _l[result.Weighted ? "community.results.weighted-share" : "community.results.share"], _l["community.results.interval"]], widths, _bold);
        foreach (var a in result.Answers)
        {
            Row(a.Suppressed
                ? [a.Label, _l.Format("community.results.suppressed-short", result.Threshold), _l["community.results.suppressed"], "", ""]
                : [a.Label, a.Count?.ToString(CultureInfo.InvariantCulture) ?? "—", Percent(a.Share), Percent(a.WeightedShare ?? a.Share),
                    a.Lower is { } lo && a.Upper is { } hi ? $"{Percent(lo)} – {Percent(hi)}" : "—"], widths, _body);
        }

        _tableHeader = null;
        _y += 4;
        if (chart)
        {
            // The same chart as the results page's (weighted share with its interval), across the text width.
            using var image = XImage.FromStream(new MemoryStream(_charts.Render(result)));
            Room(chartHeight);
            _g.DrawImage(image, Margin, _y, Width, chartHeight);
            _y += chartHeight;
        }

        _y += 8;
    }

    /// <summary>A table's header row, printed again at the top of the next page when the table goes on there.</summary>
    private void Header(string[] cells, double[] widths, XFont font)
    {
        _tableHeader = null;
        Row(cells, widths, font);
        _tableHeader = (cells, widths, font);
    }

    private static string Percent(double? share) => share is { } v ? (v * 100).ToString("0.0", CultureInfo.CurrentCulture) + " %" : "—";

    private static string Day(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : iso;

    private void Heading(string text)
    {
        Room(40);
        _y += 4;
        Paragraph(text, _heading, new XSolidBrush(Ink), 2);
        _g.DrawLine(new XPen(Ink, 0.75), Margin, _y, Margin + Width, _y);
        _y += 8;
    }

    /// <summary>One table row: each cell wrapped within its share of the width; the row as tall as its tallest cell.</summary>
    private void Row(string[] cells, double[] widths, XFont font)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, font, (Width * widths[i]) - 6)).ToList();
        var height = wrapped.Max(w => w.Count) * font.Size * 1.35;
        if (_y + height + 4 > Bottom && _tableHeader is { } header)
        {
            CloseGraphics();
            NewPage();
            var repeat = header;
            _tableHeader = null;
            Row(repeat.Cells, repeat.Widths, repeat.Font);
            _tableHeader = repeat;
        }

        Room(height + 4);
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var y = _y;
            foreach (var line in wrapped[i])
            {
                _g.DrawString(line, font, XBrushes.Black, new XRect(x, y, Width * widths[i], font.Size * 1.35), XStringFormats.TopLeft);
                y += font.Size * 1.35;
            }

            x += Width * widths[i];
        }

        _y += height + 2;
        _g.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y, Margin + Width, _y);
        _y += 2;
    }

    private void Paragraph(string text, XFont font, XBrush brush, double after)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            Room(font.Size * 1.4);
            _g.DrawString(line, font, brush, new XRect(Margin, _y, Width, font.Size * 1.4), XStringFormats.TopLeft);
            _y += font.Size * 1.4;
        }

        _y += after;
    }

    /// <summary>Words laid into lines no wider than the width (a word longer than a line is cut); line breaks in the text are kept.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (_g.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && _g.MeasureString(line, font).Width > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && _g.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Starts a new page when less than <paramref name="height"/> is left on this one.</summary>
    private void Room(double height)
    {
        if (_y + height > Bottom)
        {
            CloseGraphics();
            NewPage();
        }
    }

    private void NewPage()
    {
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _drawing = true;
        _y = Margin;
        _g.DrawString($"Varta · {_document.PageCount}", _small, XBrushes.Gray, new XRect(Margin, _page.Height.Point - 30, Width, 10), XStringFormats.TopRight);
    }

    /// <summary>A page's drawing is written into it when its graphics are disposed: before the next page and before saving.</summary>
    private void CloseGraphics()
    {
        if (_drawing)
        {
            _g.Dispose();
            _drawing = false;
        }
    }

    public void Dispose()
    {
        CloseGraphics();
        _document.Dispose();
    }
}
