using System.Globalization;
using Microsoft.Extensions.Options;
using ScottPlot;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using Varta.Platform.Localization;

namespace Varta.Oversight.ReportChart;

/// <summary>
/// A report's chart, drawn on the server as a PNG: per facility, bars of detentions, injuries on arrival and uses of
/// force, labelled in the caller's language. The font is loaded from a file (<see cref="OversightOptions.ChartFont"/>):
/// the chart library's Linux build finds no system fonts by name, and the labels need Cyrillic glyphs.
/// </summary>
internal sealed class ReportChartRenderer(Loc loc, IOptions<OversightOptions> options)
{
    public const int Width = 900;
    public const int Height = 500;

    private const string FontName = "Varta Chart Sans";
    private static readonly Lock FontGate = new();
    private static string? s_loadedFont;

    private static readonly (string Key, Func<ReportRowDto, int> Value, string Color)[] Series =
    [
        ("oversight.report.detentions", r => r.Detentions, "#1f5f99"),
        ("oversight.report.injuries", r => r.InjuriesOnArrival, "#d08c00"),
        ("oversight.report.use-of-force", r => r.UseOfForce, "#b3261e"),
    ];

    public byte[] Render(ReportDto report)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < report.Facilities.Count; i++)
        {
            var row = report.Facilities[i];
            var left = i * (Series.Length + 1);
            for (var s = 0; s < Series.Length; s++)
            {
                var value = Series[s].Value(row);
                bars.Add(new Bar
                {
                    Position = left + s,
                    Value = value,
                    FillColor = Color.FromHex(Series[s].Color),
                    Label = value.ToString(CultureInfo.InvariantCulture),
                });
            }

            ticks.AddMajor(left + (Series.Length - 1) / 2.0, row.Name);
        }

        var font = Font();
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            if (font is not null)
            {
                barPlot.ValueLabelStyle.FontName = font;
            }
        }
        else
        {
            plot.Axes.SetLimitsY(0, 10);
        }

        foreach (var (key, _, color) in Series)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc[key], FillColor = Color.FromHex(color) });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true }; // counts
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{report.UnitName}: {Day(report.From)} – {Day(report.To)}");
        plot.YLabel(loc["oversight.report.chart.count"]);
        if (bars.Count == 0)
        {
            plot.Add.Annotation(loc["oversight.report.none"]);
        }

        if (font is not null)
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
        }
        else
        {
            plot.Font.Automatic();
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>dd.MM.yyyy, as Varta shows dates.</summary>
    private static string Day(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : isoDate;

    /// <summary>The configured font's name once it is loaded (once per process), or null when the file is not there.</summary>
    private string? Font()
    {
        var path = options.Value.ChartFont;
        lock (FontGate)
        {
            if (s_loadedFont == path)
            {
                return FontName;
            }

            if (!File.Exists(path))
            {
                return null;
            }

            Fonts.AddFontFile(FontName, path);
            s_loadedFont = path;
            return FontName;
        }
    }
}
