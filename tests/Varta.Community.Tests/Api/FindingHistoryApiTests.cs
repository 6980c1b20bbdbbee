using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Community.Tests.Api.CommunityApi;

namespace Varta.Community.Tests.Api;

/// <summary>
/// A finding's history (the texts it had before each edit, who withdrew it and why) and an area's withdrawn findings are
/// read by the survey unit's coordinators, audited; other roles, other regions and other surveys are refused. A host of its own.
/// </summary>
public sealed class FindingHistoryApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Oblast = "UA06000000000011111";
    private const string Raion = "UA06020000000022222";
    private const string Hromada = "UA06020030000033333";

    [Fact]
    public async Task A_coordinator_reads_every_earlier_text_of_a_finding_and_the_withdrawn_ones_and_nobody_else_does()
    {
        using var admin = await factory.ClientAsAsync("admin");
        await CodifierAsync(admin, Oblast, Raion, Hromada);
        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        var lviv = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;
        var survey = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Oblast, "2026-06-01", "2026-06-30");
        var other = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Oblast, "2026-07-01", "2026-07-31");

        var id = (await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Редакція перша." }))).GetProperty("id").GetGuid();
        var url = $"{Base}/surveys/{survey}/findings/{id}";
        var untouched = await OkAsync(await coordinator.GetAsync($"{url}/history"));
        Assert.Empty(untouched.GetProperty("revisions").EnumerateArray());

        await OkAsync(await coordinator.PutAsJsonAsync(url, new { text = "Редакція друга.", version = 1 }));
        await OkAsync(await coordinator.PutAsJsonAsync(url, new { text = "Редакція третя.", version = 2 }));

        // Oldest first: each earlier text with its version, who wrote it and who replaced it; the finding as it is now.
        var history = await OkAsync(await coordinator.GetAsync($"{url}/history"));
        var finding = history.GetProperty("finding");
        Assert.Equal(("Редакція третя.", 3), (finding.GetProperty("text").GetString(), finding.GetProperty("version").GetInt32()));
        var revisions = history.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([(1, "Редакція перша."), (2, "Редакція друга.")], revisions.Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("text").GetString())));
        Assert.All(revisions, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("writtenBy").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("replacedBy").GetString()));
            Assert.True(r.GetProperty("replacedAt").GetDateTime() >= r.GetProperty("writtenAt").GetDateTime());
        });
        Assert.Equal(revisions[0].GetProperty("replacedAt").GetDateTime(), revisions[1].GetProperty("writtenAt").GetDateTime());
        Assert.Equal(JsonValueKind.Null, history.GetProperty("withdrawnReason").ValueKind);

        // Wrong role (an auditor reads the report, not the drafts), wrong region, another survey, an unknown finding.
        await ProblemAsync(await auditor.GetAsync($"{url}/history"), HttpStatusCode.Forbidden);
        await ProblemAsync(await lviv.GetAsync($"{url}/history"), HttpStatusCode.NotFound);
        await ProblemAsync(await coordinator.GetAsync($"{Base}/surveys/{other}/findings/{id}/history"), HttpStatusCode.NotFound);
        await ProblemAsync(await coordinator.GetAsync($"{Base}/surveys/{survey}/findings/{Guid.NewGuid()}/history"), HttpStatusCode.NotFound);

        // Withdrawn: out of the report, listed for the coordinator with who and why; its history says so too.
        var withdrawnUrl = $"{Base}/surveys/{survey}/findings/withdrawn";
        Assert.Empty((await OkAsync(await coordinator.GetAsync(withdrawnUrl))).EnumerateArray());
        await OkAsync(await coordinator.PostAsJsonAsync($"{url}/withdrawal", new { version = 3, reason = "Поліція уточнила дані." }));
        var listed = Assert.Single((await OkAsync(await coordinator.GetAsync(withdrawnUrl))).EnumerateArray());
        Assert.Equal(("Редакція третя.", "Поліція уточнила дані."), (listed.GetProperty("finding").GetProperty("text").GetString(), listed.GetProperty("withdrawnReason").GetString()));
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("withdrawnBy").GetString()));
        Assert.Empty((await OkAsync(await coordinator.GetAsync($"{withdrawnUrl}?area={Hromada}"))).EnumerateArray());
        history = await OkAsync(await coordinator.GetAsync($"{url}/history"));
        Assert.Equal("Поліція уточнила дані.", history.GetProperty("withdrawnReason").GetString());
        Assert.Equal(2, history.GetProperty("revisions").GetArrayLength());

        // An area outside the survey's territory is bad input, named by field; others are refused as above.
        var outside = await ProblemAsync(await coordinator.GetAsync($"{withdrawnUrl}?area=UA46000000000011111"), HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("area", out _));
        await ProblemAsync(await auditor.GetAsync(withdrawnUrl), HttpStatusCode.Forbidden);
        await ProblemAsync(await lviv.GetAsync(withdrawnUrl), HttpStatusCode.NotFound);

        // Each read is in the audit log.
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=community-survey&resourceId={survey}&limit=100"));
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(3, actions.Count(a => a == "community.finding.history-read"));
        Assert.Equal(3, actions.Count(a => a == "community.finding.withdrawn-read"));
    }
}
