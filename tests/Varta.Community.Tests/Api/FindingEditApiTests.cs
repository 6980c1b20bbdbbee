using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Varta.Community.Data;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;
using static Varta.Community.Tests.Api.CommunityApi;

namespace Varta.Community.Tests.Api;

/// <summary>
/// A finding is changed (with the version read: a stale one is a 409) and withdrawn (kept with who, when and why, out of
/// the report and its PDF); the texts it had are kept as revisions; wrong role and wrong region refused. A host of its own.
/// </summary>
public sealed class FindingEditApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Oblast = "UA05000000000011111";
    private const string Raion = "UA05020000000022222";
    private const string Hromada = "UA05020030000033333";

    private static bool HasCyrillic(string s) => s.Any(c => c is >= '\u0400' and <= '\u04FF');

    [Fact]
    public async Task A_coordinator_changes_and_withdraws_a_finding_with_its_version_and_others_are_refused()
    {
        using var admin = await factory.ClientAsAsync("admin");
        await CodifierAsync(admin, Oblast, Raion, Hromada);
        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        var lviv = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;
        var survey = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Oblast, "2026-04-01", "2026-04-30");
        var other = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Oblast, "2026-05-01", "2026-05-31");
        await RespondAsync(auditor, survey, Hromada, 20, 8);

        var written = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{survey}/findings", new { text = "Перша редакція висновку." }));
        var id = written.GetProperty("id").GetGuid();
        Assert.Equal(1, written.GetProperty("version").GetInt32());
        var url = $"{Base}/surveys/{survey}/findings/{id}";

        // Changed with the version read: the new text, version 2, who and when; the old text kept as revision 1.
        var edited = await OkAsync(await coordinator.PutAsJsonAsync(url, new { text = "  Друга редакція висновку.  ", version = 1 }));
        Assert.Equal(("Друга редакція висновку.", 2), (edited.GetProperty("text").GetString(), edited.GetProperty("version").GetInt32()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, edited.GetProperty("editedAt").ValueKind);
        var report = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{survey}/report"));
        Assert.Equal("Друга редакція висновку.", Assert.Single(report.GetProperty("findings").EnumerateArray()).GetProperty("text").GetString());
        var revisions = await factory.WithScopeAsync(sp => sp.GetRequiredService<VartaDbContext>().Set<FindingRevision>().AsNoTracking()
            .Where(r => r.FindingId == id).Select(r => new { r.Version, r.Text }).ToListAsync());
        Assert.Equal((1, "Перша редакція висновку."), (Assert.Single(revisions).Version, revisions[0].Text));

        // A writer still holding version 1 is told the finding changed (409, nothing stored).
        var stale = await ProblemAsync(await coordinator.PutAsJsonAsync(url, new { text = "Запізніла редакція.", version = 1 }), HttpStatusCode.Conflict);
        Assert.Contains("іншому вікні", stale.GetProperty("detail").GetString() ?? stale.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Bad input: an empty text and no version, named by field, in the caller's language.
        var empty = await ProblemAsync(await coordinator.PutAsJsonAsync(url, new { text = " ", version = 2 }), HttpStatusCode.BadRequest);
        Assert.True(HasCyrillic(string.Concat(empty.GetProperty("errors").GetProperty("text").EnumerateArray().Select(m => m.GetString()))));
        using (var english = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { text = " " }) })
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            var problem = await ProblemAsync(await coordinator.SendAsync(english), HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            var words = string.Concat(errors.GetProperty("text").EnumerateArray().Concat(errors.GetProperty("version").EnumerateArray()).Select(m => m.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(words));
            Assert.False(HasCyrillic(words), words);
        }

        // Wrong role (an auditor reads, does not manage), wrong region, and this finding through another survey: refused.
        await ProblemAsync(await auditor.PutAsJsonAsync(url, new { text = "Аудитор.", version = 2 }), HttpStatusCode.Forbidden);
        await ProblemAsync(await lviv.PutAsJsonAsync(url, new { text = "Чужий регіон.", version = 2 }), HttpStatusCode.NotFound);
        await ProblemAsync(await coordinator.PutAsJsonAsync($"{Base}/surveys/{other}/findings/{id}", new { text = "Не те опитування.", version = 2 }), HttpStatusCode.NotFound);
        await ProblemAsync(await auditor.PostAsJsonAsync($"{url}/withdrawal", new { version = 2, reason = "Аудитор." }), HttpStatusCode.Forbidden);
        await ProblemAsync(await lviv.PostAsJsonAsync($"{url}/withdrawal", new { version = 2, reason = "Чужий регіон." }), HttpStatusCode.NotFound);

        // Withdrawal: a reason is required, the version must be current; then the finding leaves the report and the PDF.
        var noReason = await ProblemAsync(await coordinator.PostAsJsonAsync($"{url}/withdrawal", new { version = 2, reason = "" }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await ProblemAsync(await coordinator.PostAsJsonAsync($"{url}/withdrawal", new { version = 1, reason = "Застаріло." }), HttpStatusCode.Conflict);
        var withdrawn = await OkAsync(await coordinator.PostAsJsonAsync($"{url}/withdrawal", new { version = 2, reason = "Дані поліції уточнено." }));
        Assert.Equal(3, withdrawn.GetProperty("version").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, withdrawn.GetProperty("withdrawnAt").ValueKind);
        report = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{survey}/report"));
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
        var pdf = await (await auditor.GetAsync($"{Base}/surveys/{survey}/report.pdf")).Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(pdf))
        {
            Assert.DoesNotContain("редакція", string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }

        // Kept in the database with who, when and why; a withdrawn finding is neither changed nor withdrawn again.
        var row = await factory.WithScopeAsync(sp => sp.GetRequiredService<VartaDbContext>().Set<Finding>().AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal(("Друга редакція висновку.", "Дані поліції уточнено."), (row.Text, row.WithdrawnReason));
        Assert.NotNull(row.WithdrawnAt);
        Assert.False(string.IsNullOrEmpty(row.WithdrawnBy));
        await ProblemAsync(await coordinator.PutAsJsonAsync(url, new { text = "Після відкликання.", version = 3 }), HttpStatusCode.Conflict);
        await ProblemAsync(await coordinator.PostAsJsonAsync($"{url}/withdrawal", new { version = 3, reason = "Ще раз." }), HttpStatusCode.Conflict);

        // Audited like the writing: one edit, one withdrawal (with its reason).
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=community-survey&resourceId={survey}&limit=100"));
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(entries, e => e.GetProperty("action").GetString() == "community.finding.edited");
        var withdrawal = Assert.Single(entries, e => e.GetProperty("action").GetString() == "community.finding.withdrawn");
        Assert.Equal("Дані поліції уточнено.", withdrawal.GetProperty("reason").GetString());
    }
}
