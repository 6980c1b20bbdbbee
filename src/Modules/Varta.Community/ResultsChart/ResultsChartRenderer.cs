using System.Globalization;
using ScottPlot;
using Varta.Community.Surveys;
using Varta.Platform.Localization;

namespace Varta.Community.ResultsChart;

/// <summary>
/// One question's result as a PNG bar chart: per answer, the weighted share (the plain share when the area has no
/// population to weigh by) with its 95 % interval as a whisker; a suppressed answer has no bar, only a label saying so.
/// The font is loaded from a file (Cyrillic labels).
/// </summary>
internal sealed class ResultsChartRenderer(Loc loc)
{
    public const int Width = 900;
    public const int Height = 420;
    private const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string FontName = "Varta Community Sans";
    private static readonly Lock FontGate = new();
    private static bool s_fontLoaded;

    public byte[] Render(ResultDto result)
    {
        var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        var top = 0.0;
        for (var i = 0; i < result.Answers.Count; i++)
        {
            var a = result.Answers[i];
            ticks.AddMajor(i, a.Label.Length > 22 ? a.Label[..21] + "…" : a.Label);
            var value = a.WeightedShare ?? a.Share;
            if (a.Suppressed || value is null)
            {
                var text = plot.Add.Text(loc.Format("community.results.suppressed-short", result.Threshold) + " · " + loc["community.results.suppressed"], i, 1);
                text.LabelFontColor = Color.FromHex("#5f6b76");
                text.LabelAlignment = Alignment.LowerCenter;
                continue;
            }

            var percent = value.Value * 100;
            var label = percent.ToString("0.#", CultureInfo.InvariantCulture) + " %";
            bars.Add(new Bar { Position = i, Value = percent, FillColor = Color.FromHex("#1f5f99"), Label = percent >= 8 ? label : "", CenterLabel = true });
            if (percent < 8)
            {
                // Too short a bar to hold its label: beside the interval's top, where the whisker does not cross it.
                var beside = plot.Add.Text(label, i + 0.14, Math.Max(a.Upper is { } up ? up * 100 : percent, percent));
                beside.LabelFontColor = Color.FromHex("#1b2733");
                beside.LabelAlignment = Alignment.LowerLeft;
                beside.LabelBold = true;
            }

            top = Math.Max(top, percent);
            if (a.Lower is { } lower && a.Upper is { } upper)
            {
                var (lo, hi) = (lower * 100, upper * 100);
                top = Math.Max(top, hi);
                foreach (var line in new[] { plot.Add.Line(i, lo, i, hi), plot.Add.Line(i - 0.12, lo, i + 0.12, lo), plot.Add.Line(i - 0.12, hi, i + 0.12, hi) })
                {
                    line.LineColor = Color.FromHex("#b3261e");
                    line.LineWidth = 2;
                }
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.Bold = true;
        // Inside the bar, in white: a label on top was crossed by the interval's whisker.
        barPlot.ValueLabelStyle.ForeColor = Colors.White;
        barPlot.ValueLabelStyle.FontSize = 16;
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.6, Math.Max(result.Answers.Count, 1) - 0.4);
        // Scaled to the highest bar or interval; with every cell suppressed there is nothing to scale to, so the whole 0–100 %.
        plot.Axes.SetLimitsY(0, bars.Count == 0 ? 100 : Math.Min(100, Math.Max(top, 10) * 1.15 + 2));
        plot.Title($"{result.Label} — {result.AreaName}");
        plot.YLabel(loc[result.Weighted ? "community.results.chart-weighted" : "community.results.chart-share"]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc[result.Weighted ? "community.results.weighted-share" : "community.results.share"], FillColor = Color.FromHex("#1f5f99") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc["community.results.interval"], LineColor = Color.FromHex("#b3261e"), LineWidth = 2 });
        plot.ShowLegend(Alignment.UpperRight);
        if (Font() is { } font)
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
            barPlot.ValueLabelStyle.FontName = font;
        }
        else
        {
            plot.Font.Automatic();
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string? Font()
    {
        lock (FontGate)
        {
            if (s_fontLoaded)
            {
                return FontName;
            }

            if (!File.Exists(FontPath))
            {
                return null;
            }

            Fonts.AddFontFile(FontName, FontPath);
            s_fontLoaded = true;
            return FontName;
        }
    }
}
