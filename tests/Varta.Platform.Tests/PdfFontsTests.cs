using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Varta.Platform.Printing;

namespace Varta.Platform.Tests;

/// <summary>
/// Every letter of Ukrainian prints: PDFsharp 6.2.4's font subsets leave out the parts of composite glyphs ("ї" came out
/// blank, "Ї" without its dots), so Varta's PDFs embed the whole font file.
/// </summary>
public sealed partial class PdfFontsTests
{
    [Fact]
    public void A_pdf_drawn_with_the_platform_options_embeds_the_whole_font_file()
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            g.DrawString("Їжак Київський, м. Київ", new XFont(PdfFonts.Family, 12, XFontStyleEx.Regular, PdfFonts.Options), XBrushes.Black, new XPoint(40, 40));
        }

        using var output = new MemoryStream();
        document.Save(output);
        var text = Encoding.Latin1.GetString(output.ToArray());

        // /Length1 is the font program's length before compression: the whole file's, not a subset's.
        var embedded = Length1().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var whole = new PdfFonts().GetFont("DejaVuSans")!.Length;
        Assert.Contains(whole, embedded);
    }

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex Length1();
}
