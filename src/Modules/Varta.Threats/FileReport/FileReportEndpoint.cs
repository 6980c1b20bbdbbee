using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Varta.Platform.Http;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using Varta.Threats.Intake;

namespace Varta.Threats.FileReport;

/// <summary>
/// Files a report: a JSON body (no attachments), or multipart/form-data with the report as JSON in the part "report"
/// and the files in parts named "files". The whole request is one transaction: a file too large (413) or of a type not
/// accepted (415) stores nothing.
/// </summary>
internal static class FileReportEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/reports", FileAsync).RequireAuthorization(ThreatsPolicies.FileReport).DisableAntiforgery()
            // One Accepts with both types: the routing's content-type check reads only the last Accepts, so two calls refused JSON (415).
            .Accepts<ReportRequest>("application/json", "multipart/form-data")
            // Files are larger than the API's body limit: this endpoint reads up to its own (the platform's limit honours it).
            .WithMetadata(new ReportSizeLimit(((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<ThreatsOptions>>()));

    /// <summary>The most a report may weigh: its files at their largest, and a megabyte for the rest.</summary>
    private static long MostBytes(ThreatsOptions limits) => limits.MaxAttachments * limits.MaxAttachmentBytes + 1024 * 1024;

    private sealed class ReportSizeLimit(IOptions<ThreatsOptions> options) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MostBytes(options.Value);
    }

    private static async Task<IResult> FileAsync(HttpRequest http, ClaimsPrincipal user, IntakeService s, Problems p, IOptions<ThreatsOptions> options,
        CancellationToken ct)
    {
        var limits = options.Value;
        if (http.ContentLength > MostBytes(limits))
        {
            return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.request-too-large");
        }

        ReportRequest? request;
        var files = new List<AttachmentUpload>();
        try
        {
            if (http.HasFormContentType)
            {
                var form = await http.ReadFormAsync(ct);
                request = form.TryGetValue("report", out var json) && json.Count == 1 ? JsonSerializer.Deserialize<ReportRequest>(json[0]!, Json) : null;
                if (form.Files.Count > limits.MaxAttachments)
                {
                    return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.too-many-files", limits.MaxAttachments);
                }

                foreach (var file in form.Files)
                {
                    if (file.Length > limits.MaxAttachmentBytes)
                    {
                        return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.file-too-large", Attachments.SafeName(file.FileName), Attachments.Size(limits.MaxAttachmentBytes));
                    }

                    using var buffer = new MemoryStream((int)file.Length);
                    await file.CopyToAsync(buffer, ct);
                    files.Add(new AttachmentUpload(file.FileName, file.ContentType, buffer.ToArray()));
                }
            }
            else if (http.HasJsonContentType())
            {
                request = await http.ReadFromJsonAsync<ReportRequest>(Json, ct);
            }
            else
            {
                return p.Status(StatusCodes.Status415UnsupportedMediaType, "threats.body-type");
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.request-too-large");
        }
        catch (InvalidDataException)
        {
            // The form reader's own limits (a part or the whole body too long).
            return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.request-too-large");
        }
        catch (JsonException)
        {
            return p.Status(StatusCodes.Status400BadRequest, "threats.report-json");
        }

        if (request is null)
        {
            return p.Status(StatusCodes.Status400BadRequest, "threats.report-json");
        }

        return (await s.FileAsync(user, request, files, ct)).OkOrProblem(p);
    }
}
