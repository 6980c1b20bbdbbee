using Varta.Platform.Audit;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// Issue 13, field-level protection (rules for information rights in custody records): medical details and risk
/// assessments only to the roles that need them; a reader without the right gets the record without them, and the audit
/// log says what was withheld.
/// </summary>
public sealed class FieldProtectionTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task An_external_monitor_reads_the_record_without_medical_details_or_risk_assessments_and_the_audit_says_so()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var exam = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", _api.Now.AddMinutes(-30),
            new { examiner = "лікар Вигаданенко", injuriesFound = true, injuriesDescription = "синець на плечі", fitForDetention = true }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("risk-assessment", _api.Now.AddMinutes(-20),
            new { riskLevel = "high", observationLevel = 3 }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now.AddMinutes(-10), new { text = "Видима примітка" }));

        var full = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal("high", full.RiskLevel);
        Assert.Contains("injuries-on-arrival", full.Flags);
        Assert.Equal("синець на плечі", full.Timeline.Single(e => e.Id == exam.Id).Data["injuriesDescription"]!.GetValue<string>());
        Assert.True(full.Withheld is null or { Count: 0 });

        using var monitor = await _api.AsAsync("external.monitor");
        var seen = await CustodyApi.RecordAsync(monitor, record.Id);
        Assert.Null(seen.RiskLevel);
        Assert.DoesNotContain("injuries-on-arrival", seen.Flags);
        Assert.DoesNotContain("high-risk", seen.Flags);
        Assert.Equal(["medical", "risk-assessment"], seen.Withheld);
        var hidden = seen.Timeline.Where(e => e.Type is "medical-examination" or "risk-assessment").ToList();
        Assert.Equal(2, hidden.Count);
        Assert.All(hidden, e => Assert.True(e.Withheld && e.Data.Count == 0));
        Assert.Equal("Видима примітка", seen.Timeline.Single(e => e.Type == "note").Data["text"]!.GetValue<string>());

        // The board tells neither: no risk level, no medical or risk flag, no injuries alert; the officer's board does.
        var officerRow = (await CustodyApi.BoardAsync(officer)).Rows.Single(r => r.RecordId == record.Id);
        Assert.Equal("high", officerRow.RiskLevel);
        Assert.Contains("injuries-on-arrival", officerRow.Flags);
        var monitorRow = (await CustodyApi.BoardAsync(monitor)).Rows.Single(r => r.RecordId == record.Id);
        Assert.Null(monitorRow.RiskLevel);
        Assert.DoesNotContain(monitorRow.Flags, f => f is "injuries-on-arrival" or "high-risk");
        Assert.DoesNotContain("injuries-on-arrival", monitorRow.Alerts);

        using var admin = await _api.AsAsync("admin");
        var page = await CustodyApi.OkAsync<AuditPage>(
            await admin.GetAsync($"/api/v1/audit/entries?resourceType=custody-record&resourceId={record.Id}&limit=100"));
        var reads = page.Items.Where(e => e.Action == "custody.record.read").ToList();
        Assert.Contains(reads, e => e.ActorName == "external.monitor" && e.Details!.Contains("\"withheld\":[\"medical\",\"risk-assessment\"]", StringComparison.Ordinal));
        Assert.Contains(reads, e => e.ActorName == CustodyApi.Officer && e.Details is null);
    }
}
