using System.Net.Http.Json;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>Alerts for overdue checks, deadlines and notifications, raised by the background scan as the clock moves.</summary>
public sealed class AlertTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task An_overdue_check_raises_an_alert_by_itself_and_a_check_clears_it()
    {
        Guid recordId;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(20), arrivedAgo: TimeSpan.FromMinutes(5)), officer)).Id;
            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("legal-aid-notified", _api.Now,
                new { centre = "Київський місцевий центр БПД", method = "system" }));
            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("relatives-notified", _api.Now,
                new { contactName = "Вигадана Ганна", relationship = "дружина", method = "phone" }));
            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        }

        // 50 min after the check (and the scan's own minutes): not yet due.
        await _api.AdvanceAsync(TimeSpan.FromMinutes(50));
        using (var officer = await _api.AsAsync())
        {
            Assert.DoesNotContain(await CustodyApi.AlertsAsync(officer), a => a.RecordId == recordId);
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(9));
        using (var officer = await _api.AsAsync())
        {
            var overdue = Assert.Single(await CustodyApi.AlertsAsync(officer), a => a.RecordId == recordId);
            Assert.Equal("check-overdue", overdue.Kind);
            Assert.Contains("check-overdue", (await CustodyApi.RecordAsync(officer, recordId)).Alerts.Select(a => a.Kind));
            Assert.Contains("check-overdue", Assert.Single((await CustodyApi.BoardAsync(officer)).Rows, r => r.RecordId == recordId).Alerts);

            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        }

        await _api.AdvanceAsync(TimeSpan.Zero);
        using (var officer = await _api.AsAsync())
        {
            Assert.DoesNotContain(await CustodyApi.AlertsAsync(officer), a => a.RecordId == recordId);
        }
    }

    [Fact]
    public async Task The_court_deadline_warns_six_hours_ahead_and_then_says_it_has_passed()
    {
        // Detained 52 h ago (the record typed in late): 8 h to the court. Keeps the clock moves short, so the test is quick.
        Guid recordId;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(52), arrivedAgo: TimeSpan.FromHours(51)), officer)).Id;
        }

        var court = _api.Now.AddHours(-52).AddHours(60);
        await _api.AdvanceAsync(TimeSpan.Zero);
        using (var officer = await _api.AsAsync())
        {
            Assert.DoesNotContain(await KindsAsync(officer, recordId), k => k.StartsWith("court-", StringComparison.Ordinal));
        }

        await _api.AdvanceAsync(TimeSpan.FromHours(2));
        using (var officer = await _api.AsAsync())
        {
            var kinds = await KindsAsync(officer, recordId);
            Assert.Contains("court-deadline-soon", kinds);
            Assert.DoesNotContain("court-deadline-passed", kinds);
            var alert = Assert.Single(await CustodyApi.AlertsAsync(officer), a => a.RecordId == recordId && a.Kind == "court-deadline-soon");
            Assert.Equal(court, alert.DueAt);
        }

        await _api.AdvanceAsync(court - _api.Now);
        using (var officer = await _api.AsAsync())
        {
            var kinds = await KindsAsync(officer, recordId);
            Assert.Contains("court-deadline-passed", kinds);
            Assert.DoesNotContain("court-deadline-soon", kinds);
            var row = Assert.Single((await CustodyApi.BoardAsync(officer)).Rows, r => r.RecordId == recordId);
            Assert.True(row.Clocks.CourtMinutesLeft < 0);

            // Released: every alert of the record is cleared.
            var released = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{recordId}/release",
                new { occurredAt = CustodyApi.At(_api.Now), grounds = "court-decision", propertyReturned = true });
            Assert.Equal(System.Net.HttpStatusCode.OK, released.StatusCode);
            Assert.Empty(await KindsAsync(officer, recordId));
        }
    }

    [Fact]
    public async Task Administrative_detention_past_three_hours_raises_the_maximum_passed_alert()
    {
        Guid recordId;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10),
                legalBasis: "coao-262"), officer)).Id;
        }

        // The 3 h maximum is less than 6 h away from the start.
        await _api.AdvanceAsync(TimeSpan.FromHours(2));
        using (var officer = await _api.AsAsync())
        {
            Assert.Contains("max-deadline-soon", await KindsAsync(officer, recordId));
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(30));
        using (var officer = await _api.AsAsync())
        {
            var kinds = await KindsAsync(officer, recordId);
            Assert.Contains("max-deadline-passed", kinds);
            Assert.DoesNotContain("max-deadline-soon", kinds);
        }
    }

    [Fact]
    public async Task Legal_aid_not_notified_within_an_hour_raises_an_alert_and_a_late_notice_needs_a_reason()
    {
        Guid recordId;
        DateTimeOffset detained;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(10), arrivedAgo: TimeSpan.FromMinutes(5)), officer)).Id;
            detained = _api.Now.AddMinutes(-10);
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(40));
        using (var officer = await _api.AsAsync())
        {
            Assert.DoesNotContain("legal-aid-not-notified", await KindsAsync(officer, recordId));
        }

        await _api.AdvanceAsync(detained.AddHours(2) - _api.Now);
        using (var officer = await _api.AsAsync())
        {
            Assert.Contains("legal-aid-not-notified", await KindsAsync(officer, recordId));
            Assert.Contains("relatives-not-notified", await KindsAsync(officer, recordId));

            var twoHoursAfter = detained.AddHours(2);
            var late = CustodyApi.Entry("legal-aid-notified", twoHoursAfter, new { centre = "Київський місцевий центр БПД", method = "phone" });
            var refused = await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, recordId, late), "delayReason", "delay-reason-required");
            Assert.Contains("delay-reason-required", refused.GetProperty("rules").GetProperty("delayAuthorisedBy").EnumerateArray().Select(r => r.GetString()));

            late["delayReason"] = "Особа потребувала невідкладної медичної допомоги";
            await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, recordId, late), "delayAuthorisedBy", "delay-reason-required");

            late["delayAuthorisedBy"] = "начальник ІТТ майор Вигаданий";
            await CustodyApi.AppendOkAsync(officer, recordId, late);
            var record = await CustodyApi.RecordAsync(officer, recordId);
            Assert.Equal(twoHoursAfter, record.Clocks.LegalAidNotifiedAt);
            Assert.Equal(120, record.Clocks.LegalAidDelayMinutes);
        }

        await _api.AdvanceAsync(TimeSpan.Zero);
        using (var officer = await _api.AsAsync())
        {
            var kinds = await KindsAsync(officer, recordId);
            Assert.DoesNotContain("legal-aid-not-notified", kinds);
            Assert.Contains("relatives-not-notified", kinds);
        }
    }

    [Fact]
    public async Task Injuries_found_at_the_first_examination_flag_the_record_for_inspectors()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", _api.Now, new
        {
            examiner = "лікар Вигаданий", injuriesFound = true, injuriesDescription = "Садна на лівому зап'ясті", fitForDetention = true,
        }));
        await _api.AdvanceAsync(TimeSpan.Zero);

        using var inspector = await _api.AsAsync("rights.inspector");
        var seen = await CustodyApi.RecordAsync(inspector, record.Id);
        Assert.Contains("injuries-on-arrival", seen.Flags);
        Assert.Contains("injuries-on-arrival", seen.Alerts.Select(a => a.Kind));
    }

    [Fact]
    public async Task Inspectors_see_everyone_overdue_across_their_region_and_other_regions_do_not()
    {
        Guid recordId;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(20), arrivedAgo: TimeSpan.FromMinutes(5)), officer)).Id;
            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        }

        var lviv = await _api.CreateUserAsync(Varta.Platform.Identity.Roles.CustodyOfficer, Varta.Platform.Demo.DemoData.LvivFacility);
        using (var inspector = await _api.AsAsync("rights.inspector"))
        {
            Assert.DoesNotContain(await OverdueAsync(inspector), o => o.RecordId == recordId);
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(61));
        using (var inspector = await _api.AsAsync("rights.inspector"))
        {
            var overdue = Assert.Single(await OverdueAsync(inspector), o => o.RecordId == recordId);
            Assert.Equal(new[] { "check-overdue" }, overdue.Reasons);
        }

        using var other = await _api.AsAsync(lviv);
        Assert.DoesNotContain(await OverdueAsync(other), o => o.RecordId == recordId);
    }

    private static async Task<List<Varta.Custody.Overdue.OverdueDto>> OverdueAsync(HttpClient client) =>
        await CustodyApi.OkAsync<List<Varta.Custody.Overdue.OverdueDto>>(await client.GetAsync($"{CustodyApi.Base}/overdue"));

    private static async Task<List<string>> KindsAsync(HttpClient client, Guid recordId) =>
        (await CustodyApi.AlertsAsync(client)).Where(a => a.RecordId == recordId).Select(a => a.Kind).ToList();
}
