using System.Security.Cryptography;
using System.Text;

namespace Varta.Threats.Intake;

/// <summary>
/// What an attachment is, judged from its first bytes (never from the name or the type the client claimed): documents,
/// pictures, voice and video messages, plain text. HTML, SVG, scripts and executables are refused; nothing is ever
/// served inline, whatever it is.
/// </summary>
internal static class Attachments
{
    /// <summary>The accepted types, as the pages list them.</summary>
    public static readonly string[] Accepted = ["application/pdf", "image/jpeg", "image/png", "image/webp", "audio/mpeg", "audio/ogg", "video/mp4", "text/plain"];

    /// <summary>The content's type, or null when it is not one Varta accepts.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (content.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (content.StartsWith("ID3"u8) || (content.Length >= 2 && content[0] == 0xFF && (content[1] & 0xE0) == 0xE0 && content[1] != 0xFF))
        {
            return "audio/mpeg";
        }

        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }

        return IsPlainText(content) ? "text/plain" : null;
    }

    /// <summary>UTF-8 text without control bytes (but tabs and line ends) and without markup a browser would render.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'))
            {
                return false;
            }
        }

        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return !(head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<script", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A size limit as people read it: "10 MB", "512 KB" (units are the same in both languages' messages).</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} B";

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A file name safe to store and to send back: no folders, no control characters, at most 200 characters.</summary>
    public static string SafeName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "file";
        }

        return clean.Length <= 200 ? clean : clean[..200];
    }
}
