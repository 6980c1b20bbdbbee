using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Varta.Platform.Printing;

/// <summary>
/// The one typeface Varta prints with: DejaVu Sans, regular and bold, read once from this assembly and embedded whole
/// in every PDF, so Cyrillic prints the same on any server and any reader. PDFsharp takes its font resolver once per process.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Varta Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    /// <summary>
    /// How every Varta PDF embeds the font: Unicode text, and the whole font file. PDFsharp 6.2.4's subsets leave out the
    /// parts of composite glyphs, so "ї" printed blank and "Ї" without its dots ("Ки вський" for "Київський" on a
    /// certificate); the whole file costs about 0.3–0.7 MB a PDF and prints every letter.
    /// </summary>
    public static XPdfFontOptions Options { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();
    private static volatile bool _installed;

    private readonly Lazy<byte[]> _regular = new(() => Load(Regular));
    private readonly Lazy<byte[]> _bold = new(() => Load(Bold));

    /// <summary>Installs the resolver for the process (idempotent, thread-safe); call before any PDFsharp font use.</summary>
    public static void Install()
    {
        if (_installed)
        {
            return;
        }

        lock (Gate)
        {
            if (!_installed)
            {
                if (GlobalFontSettings.FontResolver is null)
                {
                    GlobalFontSettings.FontResolver = Instance;
                }
                else if (GlobalFontSettings.FontResolver is not PdfFonts)
                {
                    throw new InvalidOperationException("Another PDF font resolver is installed; Varta prints with its own embedded fonts.");
                }

                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular); // every family prints as DejaVu Sans; italic is not used

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => _regular.Value,
        Bold => _bold.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Varta.Platform.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
