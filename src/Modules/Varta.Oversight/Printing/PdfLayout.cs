using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Varta.Platform.Printing;

namespace Varta.Oversight.Printing;

/// <summary>
/// A flowing A4 document: lines of wrapped text top to bottom, a new page when one is full, and on every page a footer with
/// the document's running title and "page n / N" (written when the document is saved, once N is known).
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 42;
    private const double FooterHeight = 22;
    private const double BodySize = 9.5;

    private readonly PdfDocument _document = new();
    private readonly List<(PdfPage Page, string Title)> _pages = [];
    // Widths depend only on the text and the font's size and weight: kept across documents (bounded), since labels repeat.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, double Size, bool Bold), double> Widths = new();
    private const int MaxWidths = 50_000;
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _heading;
    private readonly XFont _small;
    private XGraphics? _gfx;
    private double _y;

    public PdfLayout(string title, DateTimeOffset createdAt)
    {
        PdfFonts.Install();
        var unicode = PdfFonts.Options;
        _body = new XFont(PdfFonts.Family, BodySize, XFontStyleEx.Regular, unicode);
        _bold = new XFont(PdfFonts.Family, BodySize, XFontStyleEx.Bold, unicode);
        _heading = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold, unicode);
        _small = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Regular, unicode);
        _document.Info.Title = title;
        _document.Info.Creator = "Varta";
        _document.Info.CreationDate = createdAt.UtcDateTime;
        _document.Info.ModificationDate = createdAt.UtcDateTime;
        RunningTitle = title;
    }

    /// <summary>What the footer of the pages begun from now on says beside the page number.</summary>
    public string RunningTitle { get; set; }

    /// <summary>The footer's page label, e.g. "стор." or "page".</summary>
    public string PageLabel { get; set; } = "page";

    private double Width => _document.Pages.Count == 0 ? 0 : _pages[^1].Page.Width.Point - (2 * Margin);

    private double Bottom => _pages[^1].Page.Height.Point - Margin - FooterHeight;

    public void Heading(string text) => Write(text, _heading, 0, spaceBefore: 4, spaceAfter: 4);

    public void Subheading(string text) => Write(text, _bold, 0, spaceBefore: 8, spaceAfter: 2, rule: true);

    public void Line(string text, double indent = 0, bool bold = false) => Write(text, bold ? _bold : _body, indent);

    public void Small(string text, double indent = 0) => Write(text, _small, indent);

    /// <summary>"Label: value", the label in bold, wrapped as one paragraph.</summary>
    public void Field(string label, string value, double indent = 0)
    {
        EnsurePage();
        var labelText = label + ": ";
        var labelWidth = Measure(labelText, _bold);
        var width = Width - indent;
        if (labelWidth > width / 2)
        {
            Line(labelText, indent, bold: true);
            Line(value, indent + 12);
            return;
        }

        var lines = Wrap(value, _body, width - labelWidth).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var height = _body.GetHeight();
            NewPageIfFull(height);
            if (i == 0)
            {
                _gfx!.DrawString(labelText, _bold, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
            }

            _gfx!.DrawString(lines[i], _body, XBrushes.Black, Margin + indent + labelWidth, _y, XStringFormats.TopLeft);
            _y += height;
        }
    }

    public void Gap(double points = 5) => _y += points;

    /// <summary>Starts a new page unless there is room for <paramref name="height"/> points on this one.</summary>
    public void KeepTogether(double height)
    {
        EnsurePage();
        NewPageIfFull(height);
    }

    /// <summary>Draws the footers and writes the document.</summary>
    public byte[] Save()
    {
        EnsurePage();
        _gfx?.Dispose();
        _gfx = null;
        for (var i = 0; i < _pages.Count; i++)
        {
            var (page, title) = _pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin - _small.GetHeight();
            gfx.DrawLine(XPens.Gray, Margin, y - 4, page.Width.Point - Margin, y - 4);
            gfx.DrawString(title, _small, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            gfx.DrawString($"{PageLabel} {i + 1} / {_pages.Count}", _small, XBrushes.Black, page.Width.Point - Margin, y, XStringFormats.TopRight);
        }

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void Write(string text, XFont font, double indent, double spaceBefore = 0, double spaceAfter = 0, bool rule = false)
    {
        EnsurePage();
        var height = font.GetHeight();
        if (spaceBefore > 0 && _y > Margin)
        {
            _y += spaceBefore;
        }

        // A heading never stands alone at the foot of a page.
        NewPageIfFull(rule ? (3 * height) + 4 : height);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            NewPageIfFull(height);
            _gfx!.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
            _y += height;
        }

        if (rule)
        {
            _gfx!.DrawLine(XPens.Gray, Margin + indent, _y + 1, Margin + Width, _y + 1);
            _y += 3;
        }

        _y += spaceAfter;
    }

    private void EnsurePage()
    {
        if (_gfx is null)
        {
            AddPage();
        }
    }

    private void NewPageIfFull(double height)
    {
        if (_y + height > Bottom)
        {
            AddPage();
        }
    }

    private void AddPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _pages.Add((page, RunningTitle));
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private double Measure(string text, XFont font)
    {
        var key = (text, font.Size, font.Bold);
        if (!Widths.TryGetValue(key, out var width))
        {
            width = _gfx!.MeasureString(text, font).Width;
            if (Widths.Count < MaxWidths)
            {
                Widths.TryAdd(key, width);
            }
        }

        return width;
    }

    /// <summary>Greedy word wrap; a word wider than the line (a hash, a signature) is broken between characters.</summary>
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var space = Measure(" ", font);
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0d;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Measure(word, font);
                if (line.Length > 0 && lineWidth + space + w <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += space + w;
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                if (w <= width)
                {
                    line.Append(word);
                    lineWidth = w;
                    continue;
                }

                foreach (var c in word)
                {
                    var cw = _gfx!.MeasureString(c.ToString(), font).Width;
                    if (line.Length > 0 && lineWidth + cw > width)
                    {
                        yield return line.ToString();
                        line.Clear();
                        lineWidth = 0;
                    }

                    line.Append(c);
                    lineWidth += cw;
                }
            }

            yield return line.ToString();
        }
    }
}
