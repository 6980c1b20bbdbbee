using System.Net.Http.Json;
using Varta.Custody.Records;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// The law where it used to bend (issue 11): the detention moment corrected, a minor's parents and the guardianship
/// body, the doctor safeguard, and late welfare checks. Each test moves a fake clock.
/// </summary>
public sealed class SafeguardTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    private static string Corrections(Guid recordId, Guid entryId) => $"{CustodyApi.Base}/records/{recordId}/entries/{entryId}/corrections";

    [Fact]
    public async Task A_mistyped_moment_of_detention_is_corrected_with_a_reason_and_every_clock_follows_the_original_stays_and_it_is_flagged()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(20)), officer);
        var booking = Assert.Single(record.Timeline, e => e.Type == "booking-in");
        var typed = record.Clocks.DetainedAt;
        var actual = _api.Now.AddHours(-5); // the detention report says 5 h ago; the officer typed 40 min

        var correction = await CustodyApi.CreatedAsync<EntryDto>(await officer.PostAsJsonAsync(Corrections(record.Id, booking.Id),
            new { reason = "Описка в часі затримання: за протоколом затримання 5 год тому", detainedAt = CustodyApi.At(actual) }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(actual, after.Clocks.DetainedAt);
        Assert.Equal(actual.AddHours(60), after.Clocks.CourtDeadline);
        Assert.Equal(record.Clocks.MaxDeadline - (typed - actual), after.Clocks.MaxDeadline);
        var original = Assert.Single(after.Timeline, e => e.Id == booking.Id);
        Assert.Equal(typed, DateTimeOffset.Parse(original.Data["detainedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([correction.Id], original.CorrectedBy);
        Assert.Contains("detention-corrected", after.Flags);
        Assert.Contains("late-delivery", after.Flags); // 5 h from detention to arrival, now that the moment is right
        Assert.Equal(correction.Id, after.DetentionCorrected?.EntryId);
        Assert.StartsWith("Описка в часі затримання", after.DetentionCorrected?.Reason, StringComparison.Ordinal);

        await _api.AdvanceAsync(TimeSpan.Zero);
        using var later = await _api.AsAsync();
        Assert.Contains("detention-corrected", (await CustodyApi.AlertsAsync(later)).Where(a => a.RecordId == record.Id).Select(a => a.Kind));
    }

    [Fact]
    public async Task A_detention_corrected_to_after_the_arrival_or_after_an_entry_or_without_a_reason_is_refused_and_changes_nothing()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(2), arrivedAgo: TimeSpan.FromHours(1)), officer);
        var booking = Assert.Single(record.Timeline, e => e.Type == "booking-in");
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now.AddMinutes(-90), new { text = "Особу доставляють" }));
        var url = Corrections(record.Id, booking.Id);

        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { detainedAt = CustodyApi.At(_api.Now.AddHours(-3)) }), "reason", "required");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Уточнення", detainedAt = CustodyApi.At(_api.Now.AddMinutes(-30)) }),
            "detainedAt", "not-after-arrival");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Уточнення", detainedAt = CustodyApi.At(_api.Now.AddMinutes(-80)) }),
            "detainedAt", "not-after-entries");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Уточнення", detainedAt = "2026-11-26 10:00" }), "detainedAt", "instant-required");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Уточнення", legalBasis = "court-order" }),
            "proceedingsNumber", "required-for-court-order");

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal((record.Clocks.DetainedAt, record.Clocks.CourtDeadline, record.Clocks.MaxDeadline),
            (after.Clocks.DetainedAt, after.Clocks.CourtDeadline, after.Clocks.MaxDeadline));
        Assert.DoesNotContain("detention-corrected", after.Flags);
        Assert.Null(after.DetentionCorrected);
    }

    [Fact]
    public async Task A_corrected_legal_basis_moves_the_limit_an_administrative_detention_gets_its_three_hours()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10)), officer);
        var booking = Assert.Single(record.Timeline, e => e.Type == "booking-in");

        await CustodyApi.CreatedAsync<EntryDto>(await officer.PostAsJsonAsync(Corrections(record.Id, booking.Id),
            new { reason = "Адміністративне затримання, не за ст. 208 КПК", legalBasis = "coao-262" }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal("coao-262", after.LegalBasis);
        Assert.Null(after.Clocks.CourtDeadline);
        Assert.Equal(record.Clocks.DetainedAt.AddHours(3), after.Clocks.MaxDeadline);
    }

    [Fact]
    public async Task A_minors_parents_and_the_guardianship_body_are_owed_from_booking_and_an_aunt_does_not_count()
    {
        using var officer = await _api.AsAsync();
        var born = DateOnly.FromDateTime(_api.Now.UtcDateTime).AddYears(-16).AddMonths(-2);
        var record = await _api.BookInAsync(_api.BookIn(dateOfBirth: born.ToString("yyyy-MM-dd"), detainedAgo: TimeSpan.FromMinutes(15),
            arrivedAgo: TimeSpan.FromMinutes(5)), officer);
        Assert.Contains("parents-not-notified", record.Alerts.Select(a => a.Kind));
        Assert.Contains("guardianship-not-notified", record.Alerts.Select(a => a.Kind));

        // Which kind of contact must be said for a minor; an aunt is a relative, not a parent or legal representative.
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Entry("relatives-notified", _api.Now,
            new { contactName = "Вигадана Тітка", relationship = "тітка", method = "phone" })), "contactKind", "contact-kind-required-for-minor");
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("relatives-notified", _api.Now,
            new { contactName = "Вигадана Тітка", relationship = "тітка", contactKind = "relative", method = "phone" }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("guardianship-notified", _api.Now,
            new { body = "Служба у справах дітей (вигадана)", method = "phone" }));
        await _api.AdvanceAsync(TimeSpan.Zero);
        using (var later = await _api.AsAsync())
        {
            var kinds = (await CustodyApi.RecordAsync(later, record.Id)).Alerts.Select(a => a.Kind).ToList();
            Assert.Contains("parents-not-notified", kinds);
            Assert.DoesNotContain("guardianship-not-notified", kinds);
            await CustodyApi.AppendOkAsync(later, record.Id, CustodyApi.Entry("relatives-notified", _api.Now,
                new { contactName = "Вигадана Мати", relationship = "мати", contactKind = "parent", method = "phone" }));
        }

        await _api.AdvanceAsync(TimeSpan.Zero);
        using var last = await _api.AsAsync();
        var final = (await CustodyApi.RecordAsync(last, record.Id)).Alerts.Select(a => a.Kind).ToList();
        Assert.DoesNotContain("parents-not-notified", final);
        Assert.DoesNotContain("guardianship-not-notified", final);
    }

    [Fact]
    public async Task No_medical_examination_within_two_hours_of_arrival_raises_an_alert_that_an_examination_clears()
    {
        Guid recordId;
        using (var officer = await _api.AsAsync())
        {
            recordId = (await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(20), arrivedAgo: TimeSpan.FromMinutes(10)), officer)).Id;
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(100));
        using (var officer = await _api.AsAsync())
        {
            Assert.DoesNotContain("medical-exam-missing", (await CustodyApi.RecordAsync(officer, recordId)).Alerts.Select(a => a.Kind));
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(15));
        using (var officer = await _api.AsAsync())
        {
            Assert.Contains("medical-exam-missing", (await CustodyApi.RecordAsync(officer, recordId)).Alerts.Select(a => a.Kind));
            await CustodyApi.AppendOkAsync(officer, recordId, CustodyApi.Entry("medical-examination", _api.Now,
                new { examiner = "Лікар Вигаданий", injuriesFound = false, fitForDetention = true }));
        }

        await _api.AdvanceAsync(TimeSpan.Zero);
        using var after = await _api.AsAsync();
        Assert.DoesNotContain("medical-exam-missing", (await CustodyApi.RecordAsync(after, recordId)).Alerts.Select(a => a.Kind));
    }

    [Theory]
    [InlineData(true, true, false, "injuries-in-custody")]
    [InlineData(false, false, false, "unfit-for-detention")]
    [InlineData(false, true, true, "hospital-referral")]
    public async Task A_later_examination_finding_injuries_or_unfit_or_a_hospital_referral_raises_the_medical_flag(
        bool injuries, bool fit, bool hospital, string flag)
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(40)), officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", _api.Now.AddMinutes(-30),
            new { examiner = "Лікар Вигаданий", injuriesFound = false, fitForDetention = true }));
        Assert.DoesNotContain((await CustodyApi.RecordAsync(officer, record.Id)).Flags, f => f is "injuries-on-arrival" or "injuries-in-custody");

        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", _api.Now, new
        {
            examiner = "Лікар Вигаданий", injuriesFound = injuries, injuriesDescription = injuries ? "Садно на лівому передпліччі" : null,
            fitForDetention = fit, hospitalReferral = hospital,
        }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Contains(flag, after.Flags);
        await _api.AdvanceAsync(TimeSpan.Zero);
        using var later = await _api.AsAsync();
        Assert.Contains(flag, (await CustodyApi.RecordAsync(later, record.Id)).Alerts.Select(a => a.Kind));
    }

    [Fact]
    public async Task A_correction_withdrawing_an_injury_finding_keeps_the_flag_and_says_who_withdrew_it()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(40)), officer);
        var exam = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", _api.Now.AddMinutes(-30),
            new { examiner = "Лікар Вигаданий", injuriesFound = true, injuriesDescription = "Гематома під правим оком", fitForDetention = true }));
        Assert.Contains("injuries-on-arrival", (await CustodyApi.RecordAsync(officer, record.Id)).Flags);

        var correction = await CustodyApi.CreatedAsync<EntryDto>(await officer.PostAsJsonAsync(Corrections(record.Id, exam.Id),
            new { reason = "Ушкоджень не було, помилка введення", injuriesFound = false }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Contains("injuries-on-arrival", after.Flags);
        Assert.Contains("medical-finding-withdrawn", after.Flags);
        Assert.Equal(correction.Id, after.MedicalFindingWithdrawn?.EntryId);
        Assert.Equal(correction.RecordedBy, after.MedicalFindingWithdrawn?.RecordedBy);
        Assert.False(string.IsNullOrWhiteSpace(after.MedicalFindingWithdrawn?.RecordedBy));
        await _api.AdvanceAsync(TimeSpan.Zero);
        using var later = await _api.AsAsync();
        Assert.Contains("injuries-on-arrival", (await CustodyApi.RecordAsync(later, record.Id)).Alerts.Select(a => a.Kind));
    }

    [Fact]
    public async Task A_welfare_check_recorded_after_it_was_due_is_marked_late_on_the_timeline_the_record_and_the_board()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(150), arrivedAgo: TimeSpan.FromMinutes(140)), officer);
        var onTime = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now.AddMinutes(-85), new { condition = "awake-well" }));
        var late = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now.AddMinutes(-10), new { condition = "awake-well" }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.False(Assert.Single(after.Timeline, e => e.Id == onTime.Id).Late); // 55 min after arrival at level 1: on time
        Assert.True(Assert.Single(after.Timeline, e => e.Id == late.Id).Late); // 75 min after the last: late
        Assert.Contains("check-late", after.Flags);
        Assert.Contains("check-late", (await CustodyApi.BoardAsync(officer)).Rows.Single(r => r.RecordId == record.Id).Flags);

        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        Assert.DoesNotContain("check-late", (await CustodyApi.RecordAsync(officer, record.Id)).Flags);
    }
}
