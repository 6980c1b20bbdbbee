using System.Globalization;
using Microsoft.Extensions.Options;
using ScottPlot;
using Varta.Platform.Localization;

namespace Varta.Training.Study;

/// <summary>
/// The 30-day review forecast as a PNG: per day, the reviews the learner will do (within their limit, on working days)
/// and the cards that fall due, with the daily limit as a line. The font is loaded from a file (Cyrillic labels).
/// </summary>
internal sealed class ForecastChartRenderer(Loc loc, IOptions<TrainingOptions> options)
{
    public const int Width = 900;
    public const int Height = 360;
    private const string FontName = "Varta Training Sans";
    private static readonly Lock FontGate = new();
    private static string? s_loadedFont;

    public byte[] Render(ForecastDto forecast)
    {
        var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < forecast.Days.Count; i++)
        {
            var d = forecast.Days[i];
            bars.Add(new Bar { Position = i, Value = d.ToReview, FillColor = d.WorkDay ? Color.FromHex("#1f5f99") : Color.FromHex("#b0b7bf") });
            if (i % 3 == 0)
            {
                var day = DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                ticks.AddMajor(i, day.ToString("dd.MM", CultureInfo.InvariantCulture));
            }
        }

        plot.Add.Bars(bars);
        var due = plot.Add.Scatter(Enumerable.Range(0, forecast.Days.Count).Select(i => (double)i).ToArray(), forecast.Days.Select(d => (double)d.Due).ToArray());
        due.Color = Color.FromHex("#d08c00");
        due.LineWidth = 2;
        due.MarkerSize = 4;
        var limit = plot.Add.HorizontalLine(forecast.DailyLimit);
        limit.Color = Color.FromHex("#b3261e");
        limit.LinePattern = LinePattern.Dashed;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc["training.forecast.to-review"], FillColor = Color.FromHex("#1f5f99") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc["training.forecast.day-off"], FillColor = Color.FromHex("#b0b7bf") });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc["training.forecast.due"], LineColor = Color.FromHex("#d08c00"), LineWidth = 2 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = loc["training.forecast.limit"], LineColor = Color.FromHex("#b3261e"), LineWidth = 2 });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(forecast.DailyLimit, forecast.Days.Select(d => Math.Max(d.Due, d.ToReview)).DefaultIfEmpty(0).Max()) * 1.15 + 1);
        plot.Title(loc["training.forecast.title"]);
        plot.YLabel(loc["training.forecast.cards"]);
        if (Font() is { } font)
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
