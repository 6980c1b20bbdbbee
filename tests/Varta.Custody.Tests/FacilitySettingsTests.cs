using System.Net;
using System.Net.Http.Json;
using Varta.Custody.ReadFacilitySettings;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>A facility may check more often than the national standard, never less often.</summary>
public sealed class FacilitySettingsTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    private static string Url(Guid facilityId) => $"{CustodyApi.Base}/facilities/{facilityId}/settings";

    [Fact]
    public async Task Without_settings_a_facility_uses_the_national_defaults()
    {
        using var admin = await _api.AsAsync("admin");
        var settings = await CustodyApi.OkAsync<FacilitySettingsDto>(await admin.GetAsync(Url(DemoData.LvivFacility)));
        Assert.Equal((60, 30, 15, 15, 4.0m), (settings.L1Minutes, settings.L2Minutes, settings.L3Minutes, settings.L4Minutes, settings.MinFloorAreaPerPerson));
    }

    [Fact]
    public async Task Shorter_check_intervals_apply_to_open_records_at_once_and_to_new_checks()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10)), officer);
        var arrived = _api.Now.AddMinutes(-10);
        Assert.Equal(arrived.AddMinutes(60), record.Clocks.NextCheckDue);

        using var admin = await _api.AsAsync("admin");
        var saved = await CustodyApi.OkAsync<FacilitySettingsDto>(await admin.PutAsJsonAsync(Url(DemoData.DetentionFacility1), new { l1Minutes = 20 }));
        Assert.Equal(20, saved.L1Minutes);
        Assert.Equal(30, saved.L2Minutes);

        Assert.Equal(arrived.AddMinutes(20), (await CustodyApi.RecordAsync(officer, record.Id)).Clocks.NextCheckDue);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        Assert.Equal(_api.Now.AddMinutes(20), (await CustodyApi.RecordAsync(officer, record.Id)).Clocks.NextCheckDue);

        // Back to the defaults.
        await CustodyApi.OkAsync<FacilitySettingsDto>(await admin.PutAsJsonAsync(Url(DemoData.DetentionFacility1), new { }));
        Assert.Equal(_api.Now.AddMinutes(60), (await CustodyApi.RecordAsync(officer, record.Id)).Clocks.NextCheckDue);
    }

    [Fact]
    public async Task Intervals_longer_than_the_national_standard_or_less_floor_area_are_refused()
    {
        using var admin = await _api.AsAsync("admin");
        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync(Url(DemoData.LvivFacility), new { l1Minutes = 90 }), "l1Minutes", "range");
        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync(Url(DemoData.LvivFacility), new { l2Minutes = 0 }), "l2Minutes", "range");
        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync(Url(DemoData.LvivFacility), new { minFloorAreaPerPerson = 3.5m }), "minFloorAreaPerPerson", "range");
        var settings = await CustodyApi.OkAsync<FacilitySettingsDto>(await admin.GetAsync(Url(DemoData.LvivFacility)));
        Assert.Equal(60, settings.L1Minutes);
    }

    [Fact]
    public async Task Only_an_administrator_changes_the_settings()
    {
        using var officer = await _api.AsAsync();
        await Problem.AssertAsync(await officer.PutAsJsonAsync(Url(DemoData.DetentionFacility1), new { l1Minutes = 10 }), HttpStatusCode.Forbidden);
        using var judge = await _api.AsAsync("judge");
        await Problem.AssertAsync(await judge.GetAsync(Url(DemoData.DetentionFacility1)), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await officer.GetAsync(Url(DemoData.LvivFacility)), HttpStatusCode.NotFound);
        Assert.Equal(DemoData.DetentionFacility1, (await CustodyApi.OkAsync<FacilitySettingsDto>(await officer.GetAsync(Url(DemoData.DetentionFacility1)))).FacilityId);
    }
}
