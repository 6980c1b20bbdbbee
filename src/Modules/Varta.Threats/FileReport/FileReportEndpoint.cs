using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
            .Accepts<ReportRequest>("application/json").Accepts<ReportRequest>("multipart/form-data");

    private static async Task<IResult> FileAsync(HttpRequest http, ClaimsPrincipal user, IntakeService s, Problems p, IOptions<ThreatsOptions> options,
        CancellationToken ct)
    {
        var limits = options.Value;
        var most = limits.MaxAttachments * limits.MaxAttachmentBytes + 1024 * 1024;
        if (http.ContentLength > most)
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
                        return p.Status(StatusCodes.Status413PayloadTooLarge, "threats.file-too-large", Attachments.SafeName(file.FileName), limits.MaxAttachmentBytes / (1024 * 1024));
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
