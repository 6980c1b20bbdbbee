using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Records;
using Varta.Custody.SearchRecords;
using Varta.Platform.Audit;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// Role and scope on every custody endpoint: the wrong role is 403, the wrong facility is 404 (so that a
/// record's existence is not leaked), and every read and write of a record is in the audit log.
/// </summary>
public sealed class AccessTests(VartaFactory factory) : IClassFixture<VartaFactory>, IAsyncLifetime
{
    private readonly CustodyApi _api = new(factory);
    private RecordDto _record = default!;
    private EntryDto _entry = default!;
    private Guid _cellId;

    public async Task InitializeAsync()
    {
        using var officer = await _api.AsAsync();
        _record = await _api.BookInAsync(client: officer);
        _entry = await CustodyApi.AppendOkAsync(officer, _record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Для перевірки доступу" }));
        _cellId = (await _api.NewCellAsync(capacity: 1, floorArea: 6)).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every custody endpoint as (route pattern, method, url, body); the pattern ties the list to the routing table.</summary>
    private IEnumerable<(string Route, HttpMethod Method, string Url, object? Body)> Endpoints()
    {
        var b = CustodyApi.Base;
        var record = $"{b}/records/{_record.Id}";
        var note = CustodyApi.Entry("note", _api.Now, new { text = "x" });
        yield return ("GET api/v1/custody/facilities", HttpMethod.Get, $"{b}/facilities", null);
        yield return ("POST api/v1/custody/facilities/{facilityId:guid}/cells", HttpMethod.Post, $"{b}/facilities/{DemoData.DetentionFacility1}/cells",
            new { number = "X1", capacity = 1, floorArea = 6m });
        yield return ("PUT api/v1/custody/cells/{cellId:guid}", HttpMethod.Put, $"{b}/cells/{_cellId}", new { inService = false });
        yield return ("GET api/v1/custody/facilities/{facilityId:guid}/settings", HttpMethod.Get, $"{b}/facilities/{DemoData.DetentionFacility1}/settings", null);
        yield return ("PUT api/v1/custody/facilities/{facilityId:guid}/settings", HttpMethod.Put, $"{b}/facilities/{DemoData.DetentionFacility1}/settings",
            new { l1Minutes = 45 });
        yield return ("GET api/v1/custody/entry-types", HttpMethod.Get, $"{b}/entry-types", null);
        yield return ("POST api/v1/custody/records", HttpMethod.Post, $"{b}/records", _api.BookIn());
        yield return ("POST api/v1/custody/records/{id:guid}/entries", HttpMethod.Post, $"{record}/entries", note);
        yield return ("POST api/v1/custody/records/{id:guid}/entries/{entryId:guid}/corrections", HttpMethod.Post,
            $"{record}/entries/{_entry.Id}/corrections", new { reason = "x", text = "y" });
        yield return ("POST api/v1/custody/records/{id:guid}/release", HttpMethod.Post, $"{record}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true });
        yield return ("POST api/v1/custody/records/{id:guid}/transfer", HttpMethod.Post, $"{record}/transfer",
            new { occurredAt = CustodyApi.At(_api.Now), destination = "hospital", destinationName = "Лікарня", propertyReturned = true });
        yield return ("GET api/v1/custody/records", HttpMethod.Get, $"{b}/records?query={Uri.EscapeDataString(_record.Number)}", null);
        yield return ("GET api/v1/custody/records/{id:guid}", HttpMethod.Get, record, null);
        yield return ("GET api/v1/custody/board", HttpMethod.Get, $"{b}/board?facilityId={DemoData.DetentionFacility1}", null);
        yield return ("GET api/v1/custody/alerts", HttpMethod.Get, $"{b}/alerts?facilityId={DemoData.DetentionFacility1}", null);
        yield return ("GET api/v1/custody/overdue", HttpMethod.Get, $"{b}/overdue", null);
        yield return ("GET api/v1/custody/retention/preview", HttpMethod.Get, $"{b}/retention/preview", null);
        yield return ("POST api/v1/custody/retention/run", HttpMethod.Post, $"{b}/retention/run", null);
        yield return ("GET api/v1/custody/facilities/{facilityId:guid}/cameras", HttpMethod.Get, $"{b}/facilities/{DemoData.DetentionFacility1}/cameras", null);
        yield return ("POST api/v1/custody/facilities/{facilityId:guid}/cameras", HttpMethod.Post, $"{b}/facilities/{DemoData.DetentionFacility1}/cameras",
            new { code = "X-CAM", room = "Коридор", roomType = "corridor" });
    }

    [Fact]
    public void Every_custody_endpoint_is_covered_here()
    {
        var routed = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/custody", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        var covered = Endpoints().Select(e => e.Route).ToHashSet();
        Assert.True(routed.SetEquals(covered), "Not covered: " + string.Join(", ", routed.Except(covered)) + "; gone: " + string.Join(", ", covered.Except(routed)));
    }

    [Theory]
    [InlineData("judge")]
    [InlineData("dispatcher")]
    public async Task Users_without_a_custody_role_are_refused_every_custody_endpoint(string username)
    {
        using var client = await _api.AsAsync(username);
        foreach (var (route, method, url, body) in Endpoints())
        {
            var response = await SendAsync(client, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{username} on {route}: {(int)response.StatusCode}");
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
        }

        using var officer = await _api.AsAsync();
        Assert.Single((await CustodyApi.RecordAsync(officer, _record.Id)).Timeline, e => e.Type == "note");
    }

    [Fact]
    public async Task Without_a_token_every_custody_endpoint_is_401()
    {
        using var client = factory.Anonymous();
        foreach (var (route, method, url, body) in Endpoints())
        {
            var response = await SendAsync(client, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"anonymous on {route}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_officer_of_another_facility_gets_404_for_this_facilitys_records_and_finds_nothing()
    {
        var lviv = await _api.CreateUserAsync(Roles.CustodyOfficer, DemoData.LvivFacility);
        using var client = await _api.AsAsync(lviv);
        foreach (var (route, method, url, body) in Endpoints().Where(e => e.Route.Contains("records/{id", StringComparison.Ordinal)
            || e.Route.EndsWith("board", StringComparison.Ordinal) || e.Route.EndsWith("alerts", StringComparison.Ordinal)))
        {
            var response = await SendAsync(client, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Lviv officer on {route}: {(int)response.StatusCode}");
            await Problem.AssertAsync(response, HttpStatusCode.NotFound);
        }

        await Problem.AssertAsync(await client.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn()), HttpStatusCode.NotFound);
        Assert.Empty(await CustodyApi.OkAsync<List<SearchHitDto>>(
            await client.GetAsync($"{CustodyApi.Base}/records?query={Uri.EscapeDataString(_record.Number)}")));
        Assert.Empty(await CustodyApi.OkAsync<List<SearchHitDto>>(
            await client.GetAsync($"{CustodyApi.Base}/records?query={Uri.EscapeDataString(_record.Person.Surname)}")));

        // Nothing was written, and in their own facility the same officer works normally.
        using var officer = await _api.AsAsync();
        var record = await CustodyApi.RecordAsync(officer, _record.Id);
        Assert.Equal("in-custody", record.Status);
        Assert.Equal(2, record.Timeline.Count);
        var own = await _api.BookInAsync(_api.BookIn(facilityId: DemoData.LvivFacility), client);
        Assert.StartsWith("ITT-LVIV-1/", own.Number, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{CustodyApi.Base}/records/{own.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("external.monitor")]
    [InlineData("rights.inspector")]
    public async Task Monitors_and_inspectors_read_records_but_cannot_write(string username)
    {
        using var client = await _api.AsAsync(username);
        Assert.Equal(_record.Number, (await CustodyApi.RecordAsync(client, _record.Id)).Number);
        Assert.Contains((await CustodyApi.BoardAsync(client)).Rows, r => r.RecordId == _record.Id);

        await Problem.AssertAsync(await CustodyApi.AppendAsync(client, _record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Монітор" })),
            HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn()), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{CustodyApi.Base}/records/{_record.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true }), HttpStatusCode.Forbidden);
        Assert.Equal("in-custody", (await CustodyApi.RecordAsync(client, _record.Id)).Status);
    }

    [Fact]
    public async Task An_administrator_manages_cells_but_cannot_open_a_record()
    {
        using var admin = await _api.AsAsync("admin");
        await Problem.AssertAsync(await admin.GetAsync($"{CustodyApi.Base}/records/{_record.Id}"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await admin.GetAsync($"{CustodyApi.Base}/board?facilityId={DemoData.DetentionFacility1}"), HttpStatusCode.Forbidden);
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        Assert.Equal(2, (await CustodyApi.CellAsync(admin, cell.Id)).Capacity);
    }

    [Fact]
    public async Task Every_read_and_write_of_a_record_is_audited_with_who_did_it()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var entry = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Аудит" }));
        await CustodyApi.RecordAsync(officer, record.Id);
        using (var monitor = await _api.AsAsync("external.monitor"))
        {
            await CustodyApi.RecordAsync(monitor, record.Id);
        }

        await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{entry.Id}/corrections", new { reason = "Описка", text = "Аудит." });
        await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true });

        using var admin = await _api.AsAsync("admin");
        var page = await CustodyApi.OkAsync<AuditPage>(
            await admin.GetAsync($"/api/v1/audit/entries?resourceType=custody-record&resourceId={record.Id}&limit=100"));
        var byAction = page.Items.ToLookup(e => e.Action);

        Assert.Single(byAction["custody.record.created"], e => e.ActorName == CustodyApi.Officer);
        var appended = Assert.Single(byAction["custody.entry.appended"]);
        Assert.Equal(CustodyApi.Officer, appended.ActorName);
        Assert.Contains(entry.Id.ToString(), appended.Details, StringComparison.Ordinal);
        Assert.Single(byAction["custody.record.read"], e => e.ActorName == CustodyApi.Officer);
        Assert.Single(byAction["custody.record.read"], e => e.ActorName == "external.monitor");
        Assert.All(byAction["custody.record.read"], e => Assert.Equal("read", e.Category));
        Assert.Equal("Описка", Assert.Single(byAction["custody.entry.corrected"]).Reason);
        Assert.Single(byAction["custody.record.released"], e => e.ActorName == CustodyApi.Officer);
        Assert.All(page.Items, e => Assert.Equal(DemoData.DetentionFacility1, e.OrgUnitId));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: CustodyApi.Json);
        }

        return await client.SendAsync(request);
    }
}
