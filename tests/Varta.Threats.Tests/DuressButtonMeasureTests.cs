using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Varta.Testing;
using static Varta.Threats.Tests.ThreatsApi;

namespace Varta.Threats.Tests;

/// <summary>
/// Issue 14, measures: a "duress button at home" measure, when it starts, sets the button up in Alarms through its
/// contracts: owned by the protected judge, filed under their court, with a secret shown once; a press of it reaches
/// the court's dispatchers as the judge's alarm.
/// </summary>
public sealed class DuressButtonMeasureTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Starting_a_home_duress_button_measure_sets_up_the_judges_button_in_alarms()
    {
        var caseId = await CaseAsync(factory, "Погроза на домашню адресу");
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        var judgePerson = (await OkAsync(await analyst.GetAsync($"{Api}/cases/{caseId}"))).GetProperty("persons").EnumerateArray()
            .Single(p => p.GetProperty("relation").GetString() == "self").GetProperty("id").GetGuid();
        var officerId = (await OkAsync(await (await factory.ClientAsAsync("security.officer")).GetAsync("/api/v1/me"))).GetProperty("id").GetGuid();
        var starts = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd");

        // The button is one person's: without a protected person it is refused beside the field.
        var refused = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{caseId}/measures",
            new { typeCode = "home-duress-button", assigneeUserId = officerId, startsOn = starts }), HttpStatusCode.BadRequest);
        Assert.Equal("threats.button-needs-person", refused.GetProperty("rules").GetProperty("protectedPersonId")[0].GetString());

        var measure = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{caseId}/measures",
            new { typeCode = "home-duress-button", protectedPersonId = judgePerson, assigneeUserId = officerId, startsOn = starts, reviewOn = starts }));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, measure.GetProperty("deviceId").ValueKind);
        var started = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/measures/{Id(measure)}/status", new { status = "active" }));
        var deviceId = started.GetProperty("deviceId").GetGuid();
        var secret = started.GetProperty("deviceSecret").GetString()!;

        // The secret is shown once: the case page does not carry it.
        var measures = (await OkAsync(await analyst.GetAsync($"{Api}/cases/{caseId}"))).GetProperty("measures").EnumerateArray();
        var listed = measures.Single(m => Id(m) == Id(measure));
        Assert.Equal(deviceId, listed.GetProperty("deviceId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("deviceSecret").ValueKind);

        // A press of the button is the judge's alarm at their court.
        using var button = factory.CreateClient();
        button.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var alarmId = (await OkAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = Guid.NewGuid().ToString("N") })))
            .GetProperty("alarmId").GetGuid();
        using var dispatcher = await factory.ClientAsAsync("dispatcher");
        var alarm = await OkAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"));
        Assert.Equal(deviceId, alarm.GetProperty("deviceId").GetGuid());
        Assert.Equal("Демо Суддя", alarm.GetProperty("raisedByName").GetString());
        await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "test" }));

        // Its review date has come: the dashboard says so; a measure reviewed later is not listed yet.
        var later = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{caseId}/measures",
            new { typeCode = "escort", assigneeUserId = officerId, startsOn = starts, reviewOn = factory.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd") }));
        var toReview = (await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("measuresToReview").EnumerateArray().Select(Id).ToList();
        Assert.Contains(Id(measure), toReview);
        Assert.DoesNotContain(Id(later), toReview);

        // The judge sees the button among the measures taken for them.
        using var judge = await factory.ClientAsAsync("judge");
        Assert.Contains((await OkAsync(await judge.GetAsync($"{Api}/my-protection"))).EnumerateArray(),
            m => Id(m) == Id(measure) && m.GetProperty("status").GetString() == "active");
    }
}
