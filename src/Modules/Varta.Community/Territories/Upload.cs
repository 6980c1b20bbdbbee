using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Varta.Community.Territories;

/// <summary>An imported file: the part "file" of a multipart form, or the request body itself (text/csv, or an XLSX workbook).</summary>
internal static class Upload
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Files are larger than the API's body limit: import endpoints read up to this (the platform's limit honours it).</summary>
    public sealed class Limit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxBytes + (64 * 1024);
    }

    /// <summary>The file's name and a copy of its bytes; null when the request holds none.</summary>
    public static async Task<(string Name, MemoryStream Content)?> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var copy = new MemoryStream();
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return null;
            }

            await file.CopyToAsync(copy, ct);
            copy.Position = 0;
            return (file.FileName, copy);
        }

        await http.Body.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy.Length == 0 ? null : (TableFile.IsWorkbook(copy) ? "upload.xlsx" : "upload.csv", copy);
    }
}
