using System.Security.Cryptography;
using System.Text;

namespace Varta.Community.CollectPage;

/// <summary>
/// The build of the offline form page: a short hash of collect.js, forms.js, collect.css (embedded copies of the very
/// files served under /_content/Varta.Community/), the page's HTML and the service worker's script. The service worker
/// names its cache after it and the page asks for its files with it, so a device that kept an old page or old rules
/// drops them at the first visit after an update.
/// </summary>
internal static class CollectBuild
{
    private static readonly Lazy<string> Computed = new(Compute);

    public static string Current => Computed.Value;

    /// <summary>The hash of these parts: 16 hex digits of SHA-256 (enough to tell builds apart; nothing secret).</summary>
    internal static string Of(IEnumerable<byte[]> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            // Each part's length first, so that moving bytes from one file to the next changes the hash too.
            sha.AppendData(BitConverter.GetBytes(part.LongLength));
            sha.AppendData(part);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static string Compute()
    {
        var parts = new List<byte[]>();
        foreach (var name in new[] { "collect/collect.js", "collect/forms.js", "collect/collect.css" })
        {
            using var stream = typeof(CollectBuild).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the Community module.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            parts.Add(copy.ToArray());
        }

        // The page and the worker without a build in them (they carry the result).
        parts.Add(Encoding.UTF8.GetBytes(CollectHtml.Render("uk", "collect", "", "", "", "")));
        parts.Add(Encoding.UTF8.GetBytes(ServiceWorker.Script("")));
        return Of(parts);
    }
}
