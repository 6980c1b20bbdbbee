using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Varta.Platform.Localization;
using Varta.Platform.Printing;
using Varta.Training.Data;

namespace Varta.Training.Certificates;

/// <summary>
/// A certificate as one landscape A4 page, in Ukrainian and English: holder, course, dates, the verification code and a QR
/// code of the address that verifies it. Fonts are embedded, so Cyrillic prints the same everywhere.
/// </summary>
internal static class CertificatePdf
{
    public static byte[] Render(Certificate c, string verifyUrl)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Varta — {c.CourseTitleEn} — {c.HolderName}";
        document.Info.Author = "Varta";
        document.Info.CreationDate = DateTime.SpecifyKind(c.IssuedAt, DateTimeKind.Utc);
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(297);
        page.Height = XUnit.FromMillimeter(210);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var unicode = PdfFonts.Options;
            var title = new XFont(PdfFonts.Family, 26, XFontStyleEx.Bold, unicode);
            var name = new XFont(PdfFonts.Family, 22, XFontStyleEx.Bold, unicode);
            var body = new XFont(PdfFonts.Family, 12, XFontStyleEx.Regular, unicode);
            var bold = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold, unicode);
            var small = new XFont(PdfFonts.Family, 9, XFontStyleEx.Regular, unicode);
            var w = page.Width.Point;
            var h = page.Height.Point;
            var ink = XColor.FromArgb(31, 95, 153);
            g.DrawRectangle(new XPen(ink, 3), 24, 24, w - 48, h - 48);
            g.DrawRectangle(new XPen(ink, 0.75), 32, 32, w - 64, h - 64);
            var centre = XStringFormats.TopCenter;
            double y = 70;
            void Line(string text, XFont font, double after)
            {
                g.DrawString(text, font, XBrushes.Black, new XRect(60, y, w - 120, font.Size * 1.4), centre);
                y += (font.Size * 1.4) + after;
            }

            Line("СЕРТИФІКАТ", title, 0);
            Line("CERTIFICATE", bold, 24);
            Line("засвідчує, що / certifies that", body, 10);
            Line(c.HolderName, name, 14);
            Line("успішно пройшов(-ла) курс / has completed the course", body, 10);
            Line($"«{c.CourseTitleUk}»", bold, 2);
            Line($"\"{c.CourseTitleEn}\"", bold, 24);
            var issued = KyivTime.ToKyiv(new DateTimeOffset(DateTime.SpecifyKind(c.IssuedAt, DateTimeKind.Utc))).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            Line($"Дата видачі / Issued: {issued}", body, 4);
            if (c.ValidUntil is { } until)
            {
                var valid = KyivTime.ToKyiv(new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc))).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                Line($"Дійсний до / Valid until: {valid}", body, 4);
            }

            var grouped = CertificateService.Grouped(c.Code);
            g.DrawString($"Код перевірки / Verification code: {grouped}", bold, XBrushes.Black, new XPoint(60, h - 92));
            g.DrawString($"Перевірити / Verify: {verifyUrl}", small, XBrushes.Black, new XPoint(60, h - 72));
            g.DrawString("Varta", small, XBrushes.Gray, new XPoint(60, h - 56));
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode(verifyUrl, QRCoder.QRCodeGenerator.ECCLevel.M);
            DrawQr(g, data.ModuleMatrix, w - 60 - 100, h - 60 - 100, 100);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>
    /// The QR code drawn as squares, one per dark module. PDFsharp's image reader refuses the 1-bit PNG QRCoder writes
    /// ("Unsupported image format"), and squares print sharp at any size anyway.
    /// </summary>
    private static void DrawQr(XGraphics g, List<System.Collections.BitArray> modules, double x, double y, double size)
    {
        var cell = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column])
                {
                    g.DrawRectangle(XBrushes.Black, x + column * cell, y + row * cell, cell, cell);
                }
            }
        }
    }
}
