using PdfSharp.Fonts;

namespace Varta.Platform.Printing;

/// <summary>
/// The one typeface Varta prints with: DejaVu Sans, regular and bold, read once from this assembly and embedded (as a subset)
/// in every PDF, so Cyrillic prints the same on any server and any reader. PDFsharp takes its font resolver once per process.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Varta Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

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
