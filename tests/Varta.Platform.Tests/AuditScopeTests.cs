using System.Net;
using System.Net.Http.Json;
using Varta.Platform.Audit;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>The audit log is read under the scope rules of what it is about: a regional administrator sees their region's entries only.</summary>
public sealed class AuditScopeTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_regional_administrator_reads_only_their_regions_entries_and_gets_404_for_another_regions_record()
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, "Аудитний"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var record = (await booked.Content.ReadFromJsonAsync<IdBody>())!.Id;

        var (_, lvivAdmin) = await factory.CreateUserClientAsync(Roles.Administrator, DemoData.LvivRegion);
        using (lvivAdmin)
        {
            await Problem.AssertAsync(await lvivAdmin.GetAsync($"/api/v1/audit/entries?resourceId={record}"), HttpStatusCode.NotFound);
            var own = await lvivAdmin.GetFromJsonAsync<AuditPage>("/api/v1/audit/entries?limit=500");
            Assert.DoesNotContain(own!.Items, e => e.ResourceId == record.ToString());
            Assert.All(own.Items, e => Assert.True(e.OrgUnitId is { } unit && (unit == DemoData.LvivRegion || unit == DemoData.LvivPolice || unit == DemoData.LvivFacility),
                $"entry {e.Seq} ({e.Action}) of unit {e.OrgUnitId} shown to a Lviv administrator"));
        }

        using var national = await factory.ClientAsAsync("admin");
        var all = await national.GetFromJsonAsync<AuditPage>($"/api/v1/audit/entries?resourceId={record}");
        Assert.Contains(all!.Items, e => e.Action == "custody.record.created");
    }

    private sealed record IdBody(Guid Id);
}
