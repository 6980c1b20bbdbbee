using System.Net;
using System.Net.Http.Json;
using System.Text;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Community.Tests.Api.CommunityApi;

namespace Varta.Community.Tests.Api;

/// <summary>The audit report with the initiative group's findings, as JSON and as a PDF (a host of its own: the codifier import retires what it does not list).</summary>
public sealed class AuditReportApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Oblast = "UA04000000000011111";
    private const string Raion = "UA04020000000022222";
    private const string Hromada = "UA04020030000033333";
    private const string OtherHromada = "UA04020050000077777";

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task A_coordinator_writes_findings_that_the_report_and_its_PDF_carry_and_others_are_refused()
    {
        using var admin = await factory.ClientAsAsync("admin");
        await CodifierAsync(admin, Oblast, Raion, Hromada, OtherHromada);
        await OkAsync(await admin.PostAsync($"{Base}/indicators/import", new StringContent(
            $"katotth,year,indicator,value\n{Oblast},2025,offences.theft,120\n{Oblast},2026,offences.theft,90", Encoding.UTF8, "text/csv")));
        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        var lviv = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;
        var survey = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Oblast, "2026-03-01", "2026-03-31");
        await RespondAsync(auditor, survey, Hromada, 30, 12);

        const string finding = "Темні зупинки на вулиці Вигаданій: половина жінок не почувається безпечно після настання темряви.";
        var written = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = finding }));
        Assert.Equal((Oblast, "2026-03-01", "2026-03-31"), (written.GetProperty("territoryCode").GetString(), written.GetProperty("periodFrom").GetString(),
            written.GetProperty("periodTo").GetString()));
        await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Лише про першу громаду.", area = Hromada }));

        // Refused: empty text, an area outside the survey, an auditor (who reads but does not manage), another region's coordinator.
        var empty = await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "  " }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));
        var outside = await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Деінде.", area = "UA99000000000000000" }),
            HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("area", out _));
        await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Аудитор не пише висновків." }), HttpStatusCode.Forbidden);
        await ProblemAsync(await lviv.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Чужий регіон." }), HttpStatusCode.NotFound);

        // The report over the survey's territory carries its finding (not the hromada's), the results and the indicators.
        var report = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{survey}/report"));
        Assert.Equal(finding, Assert.Single(report.GetProperty("findings").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(30, report.GetProperty("respondents").GetInt32());
        Assert.Equal(["offences.theft", "offences.theft"], report.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicator").GetString()));
        var hromadaReport = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{survey}/report?area={Hromada}"));
        Assert.Equal("Лише про першу громаду.", Assert.Single(hromadaReport.GetProperty("findings").EnumerateArray()).GetProperty("text").GetString());

        // The PDF: PDFsharp opens it, and its text (read with PdfPig) holds the finding, the question and the indicator.
        var response = await auditor.GetAsync($"{Base}/surveys/{survey}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var opened = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            Assert.True(opened.PageCount >= 1);
        }

        var text = PdfText(pdf);
        Assert.Contains("Висновки ініціативної групи", text, StringComparison.Ordinal);
        Assert.Contains("Темні зупинки на вулиці Вигаданій", text, StringComparison.Ordinal);
        Assert.Contains("після настання темряви.", text, StringComparison.Ordinal);
        Assert.Contains("Чи почуваєтеся ви безпечно", text, StringComparison.Ordinal);
        Assert.Contains("Крадіжки", text, StringComparison.Ordinal); // offences.theft, named
        Assert.DoesNotContain("Лише про першу громаду", text, StringComparison.Ordinal);

        // In English when asked in English.
        using var english = new HttpRequestMessage(HttpMethod.Get, $"{Base}/surveys/{survey}/report.pdf");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishPdf = await (await auditor.SendAsync(english)).Content.ReadAsByteArrayAsync();
        Assert.Contains("Findings of the initiative group", PdfText(englishPdf), StringComparison.Ordinal);

        // The finding written and each PDF download are in the audit log.
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=community-survey&resourceId={survey}&limit=100"));
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(2, actions.Count(a => a == "community.finding.written"));
        Assert.Equal(2, actions.Count(a => a == "community.report.exported"));

        await ProblemAsync(await lviv.GetAsync($"{Base}/surveys/{survey}/report.pdf"), HttpStatusCode.NotFound);
        using var judge = await factory.ClientAsAsync("judge");
        await ProblemAsync(await judge.GetAsync($"{Base}/surveys/{survey}/report.pdf"), HttpStatusCode.Forbidden);
    }
}
