using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Retention;
using Varta.Platform.Audit;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// The host with the scheduled retention job off (these tests preview and run it by hand, at a moment they choose), and
/// the other background timers ticking every 45 days: the fake clock fires a periodic timer once per period it is moved past
/// (25 years of the one-second alarm watch would be 790 million ticks, and even daily ones take a minute on a busy machine).
/// </summary>
public class RetentionFactory : VartaFactory
{
    public RetentionFactory()
        : this(job: false)
    {
    }

    public static readonly TimeSpan ScanInterval = TimeSpan.FromDays(30);

    protected RetentionFactory(bool job)
    {
        Settings["Custody:Retention:Enabled"] = job ? "true" : "false";
        Settings["Custody:Retention:ScanInterval"] = ScanInterval.ToString();
        foreach (var timer in new[] { "Alarms:WatchInterval", "Custody:AlertScanInterval", "Oversight:QueueScanInterval", "Audit:CheckpointInterval" })
        {
            Settings[timer] = "45.00:00:00"; // a periodic timer takes at most 49.7 days
        }
    }
}

/// <summary>The same host with the scheduled job on.</summary>
public sealed class RetentionJobFactory() : RetentionFactory(job: true);

/// <summary>The scheduled job anonymises by itself, as the clock passes the retention period, under the system's name.</summary>
public sealed class RetentionJobTests(RetentionJobFactory factory) : IClassFixture<RetentionJobFactory>
{
    [Fact]
    public async Task The_scheduled_job_anonymises_a_record_once_its_retention_period_has_passed()
    {
        var api = new CustodyApi(factory);
        var record = await api.BookInAsync();
        using (var officer = await api.AsAsync())
        {
            var release = CustodyApi.Entry("release", api.Now, new { grounds = "no-grounds", propertyReturned = true });
            release.Remove("type");
            Assert.True((await officer.PostAsJsonAsync($"/api/v1/custody/records/{record.Id}/release", release)).IsSuccessStatusCode);
        }

        var job = factory.Services.GetRequiredService<RetentionJob>();
        var scans = RetentionFactory.ScanInterval * 2;
        await RunJobAfterAsync(job, TimeSpan.FromDays(9131) - scans);
        Assert.Null(await StoredAsync(record.Id, r => r.AnonymisedAt)); // 9131 days: a day short of the period, untouched

        await RunJobAfterAsync(job, TimeSpan.FromDays(1));
        Assert.NotNull(await StoredAsync(record.Id, r => r.AnonymisedAt));
        Assert.Equal(Scrubber.Removed, await StoredAsync(record.Id, r => r.DetentionPlace));
        using var admin = await api.AsAsync("admin");
        var audit = await CustodyApi.OkAsync<AuditPage>(await admin.GetAsync($"/api/v1/audit/entries?resourceType=custody-record&resourceId={record.Id}"));
        Assert.Equal("system", Assert.Single(audit.Items, e => e.Action == "custody.record.anonymised").ActorId);
    }

    /// <summary>
    /// Moves the clock by <paramref name="by"/>, then a scan interval at a time until a run that started after the move has
    /// finished (one may have been under way before it): <paramref name="by"/> and two scan intervals in all.
    /// </summary>
    private async Task RunJobAfterAsync(RetentionJob job, TimeSpan by)
    {
        factory.Clock.Advance(by);
        for (var i = 0; i < 2; i++)
        {
            var ran = job.NextRunAsync();
            factory.Clock.Advance(RetentionFactory.ScanInterval);
            await ran.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    private Task<T> StoredAsync<T>(Guid recordId, System.Linq.Expressions.Expression<Func<CustodyRecord, T>> field) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<VartaDbContext>().Set<CustodyRecord>().Where(r => r.Id == recordId).Select(field).SingleAsync());
}

/// <summary>
/// Records closed longer than the retention period (25 years) lose their personal data, by an administrator's run over
/// their scope; a dry run lists them first and changes nothing; the audit log records each and still verifies.
/// </summary>
public sealed class RetentionTests(RetentionFactory factory) : IClassFixture<RetentionFactory>
{
    private const string Base = "/api/v1/custody/retention";

    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task Records_past_retention_are_previewed_then_anonymised_leaving_no_personal_data_and_the_chain_verifies()
    {
        // t0: a record full of personal data, released; a second person's record, released (they come back 25 years later);
        // a record in Lviv, released.
        var t0 = factory.Clock.GetUtcNow();
        var secrets = Secrets();
        var a = await BookInWithPersonalDataAsync(secrets);
        var b1 = await _api.BookInAsync();
        await ReleaseAsync(b1.Id);
        var (_, lvivOfficer) = await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.LvivFacility);
        var lviv = await _api.BookInAsync(_api.BookIn(facilityId: DemoData.LvivFacility), lvivOfficer);
        await ReleaseAsync(lviv.Id, lvivOfficer);
        lvivOfficer.Dispose();

        // A year on: a record released then is 24 years closed when the others are 25.
        factory.Clock.Advance(TimeSpan.FromDays(365));
        var c = await _api.BookInAsync();
        await ReleaseAsync(c.Id);

        // 25 years and a day after t0; the second person is booked in again.
        factory.Clock.Advance(t0.AddYears(25).AddDays(1) - factory.Clock.GetUtcNow());
        var b2 = await _api.BookInAsync(new Dictionary<string, object?>(_api.BookIn()) { ["personId"] = b1.Person.Id });
        Assert.Equal(b1.Person.Id, b2.Person.Id);

        using var admin = await _api.AsAsync("admin");
        var before = await SnapshotAsync(a.Id);
        var preview = await CustodyApi.OkAsync<RetentionPreviewDto>(await admin.GetAsync($"{Base}/preview"));
        var listed = preview.Records.ToDictionary(r => r.RecordId);
        Assert.Contains(a.Id, listed.Keys);
        Assert.Contains(b1.Id, listed.Keys);
        Assert.Contains(lviv.Id, listed.Keys);
        Assert.DoesNotContain(c.Id, listed.Keys);
        Assert.DoesNotContain(b2.Id, listed.Keys);
        var itemA = listed[a.Id];
        Assert.Equal(a.Number, itemA.Number);
        Assert.True(itemA.PersonToo);
        Assert.False(listed[b1.Id].PersonToo); // the newer record keeps the person's identity
        Assert.Equal(9, itemA.Entries); // booking-in, 6 entries, a correction, the release: each holds text that goes
        Assert.Equal(9, itemA.EntriesChanged);
        Assert.True(itemA.Fields >= 20, $"fields {itemA.Fields}");
        Assert.Equal(itemA.ClosedAt + TimeSpan.FromDays(9132), itemA.DueSince);
        Assert.Equal(before, await SnapshotAsync(a.Id)); // the dry run changed nothing

        // An administrator of Lviv sees and anonymises only Lviv's record.
        var (_, lvivAdmin) = await factory.CreateUserClientAsync(Roles.Administrator, DemoData.LvivRegion);
        using (lvivAdmin)
        {
            var theirs = await CustodyApi.OkAsync<RetentionPreviewDto>(await lvivAdmin.GetAsync($"{Base}/preview"));
            Assert.Contains(theirs.Records, r => r.RecordId == lviv.Id);
            Assert.All(theirs.Records, r => Assert.Equal(DemoData.LvivFacility, r.FacilityId));
            var run = await CustodyApi.OkAsync<RetentionRunDto>(await lvivAdmin.PostAsync($"{Base}/run", null));
            Assert.Contains(run.Records, r => r.RecordId == lviv.Id);
            Assert.All(run.Records, r => Assert.Equal(DemoData.LvivFacility, r.FacilityId));
        }

        Assert.Equal(before, await SnapshotAsync(a.Id));
        Assert.Null(await AnonymisedAtAsync(a.Id));
        Assert.NotNull(await AnonymisedAtAsync(lviv.Id));

        // The country's administrator runs the rest.
        var done = await CustodyApi.OkAsync<RetentionRunDto>(await admin.PostAsync($"{Base}/run", null));
        Assert.Contains(done.Records, r => r.RecordId == a.Id && r.PersonToo);
        Assert.Contains(done.Records, r => r.RecordId == b1.Id && !r.PersonToo);
        Assert.DoesNotContain(done.Records, r => r.RecordId == lviv.Id || r.RecordId == c.Id);
        Assert.Equal(0, done.Remaining);

        // Nothing personal is left of record A: not in the database, not in what the API answers.
        var after = await SnapshotAsync(a.Id);
        using (var officer = await _api.AsAsync())
        {
            var read = await officer.GetStringAsync($"/api/v1/custody/records/{a.Id}");
            foreach (var secret in secrets.Values)
            {
                Assert.DoesNotContain(secret, after, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, read, StringComparison.OrdinalIgnoreCase);
            }

            var record = JsonSerializer.Deserialize<RecordDto>(read, CustodyApi.Json)!;
            Assert.NotNull(record.AnonymisedAt);
            Assert.Equal(new DateOnly(1990, 1, 1), record.Person.DateOfBirth); // the year stays, for age bands
            Assert.Equal("male", record.Person.Sex);
            Assert.Null(record.Person.IdentityDocument);
            Assert.Null(record.ProceedingsNumber);
            Assert.Equal(Scrubber.Removed, record.DetentionPlace);
            // What statistics need stays: the basis, the flags, the codes, booleans and times of entries.
            Assert.Equal("cpc-208", record.LegalBasis);
            Assert.Contains("injuries-on-arrival", record.Flags);
            var exam = Assert.Single(record.Timeline, e => e.Type == "medical-examination");
            Assert.True(exam.Data["injuriesFound"]!.GetValue<bool>());
            Assert.Equal(Scrubber.Removed, exam.Data["injuriesDescription"]!.GetValue<string>());
            var relatives = Assert.Single(record.Timeline, e => e.Type == "relatives-notified");
            Assert.Equal("phone", relatives.Data["method"]!.GetValue<string>());
            Assert.Equal("parent", relatives.Data["contactKind"]!.GetValue<string>());
            var search = Assert.Single(record.Timeline, e => e.Type == "search-property");
            Assert.Equal(2, search.Data["items"]!.AsArray().Count);
            Assert.Equal("court-decision", Assert.Single(record.Timeline, e => e.Type == "release").Data["grounds"]!.GetValue<string>());
            Assert.Equal(Scrubber.Removed, Assert.Single(record.Timeline, e => e.CorrectsEntryId is not null).CorrectionReason);

            // An anonymised record takes no correction: the text would come back.
            var note = Assert.Single(record.Timeline, e => e.Type == "note");
            await CustodyApi.ConflictAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{a.Id}/entries/{note.Id}/corrections",
                new { reason = "Описка", text = "Новий текст" }), "anonymised");

            // Nor is an anonymised person booked in again by their id: they are no longer anyone.
            var rebook = new Dictionary<string, object?>(_api.BookIn()) { ["personId"] = a.Person.Id };
            await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", rebook), "personId", "unknown-person");

            // The person with a newer record keeps their name there, while the old record loses its own free text.
            var old = await CustodyApi.RecordAsync(officer, b1.Id);
            Assert.Equal(b1.Person.Surname, old.Person.Surname);
            Assert.Equal(Scrubber.Removed, old.DetentionPlace);
            Assert.Equal(b1.Person.Surname, (await CustodyApi.RecordAsync(officer, b2.Id)).Person.Surname);

            // The record closed 24 years ago is untouched.
            var young = await CustodyApi.RecordAsync(officer, c.Id);
            Assert.Null(young.AnonymisedAt);
            Assert.Equal(c.Person.Surname, young.Person.Surname);
            Assert.Equal(c.DetentionPlace, young.DetentionPlace);
        }

        // A second run finds nothing more to do.
        var again = await CustodyApi.OkAsync<RetentionRunDto>(await admin.PostAsync($"{Base}/run", null));
        Assert.Equal(0, again.Anonymised);
        Assert.Equal(after, await SnapshotAsync(a.Id));
        Assert.DoesNotContain((await CustodyApi.OkAsync<RetentionPreviewDto>(await admin.GetAsync($"{Base}/preview"))).Records, r => r.RecordId == a.Id);

        // Each anonymisation is in the audit log, once, without personal data, and the chain still verifies.
        var audit = await CustodyApi.OkAsync<AuditPage>(await admin.GetAsync($"/api/v1/audit/entries?resourceType=custody-record&resourceId={a.Id}&limit=500"));
        var entry = Assert.Single(audit.Items, e => e.Action == "custody.record.anonymised");
        Assert.Equal(DemoData.DetentionFacility1, entry.OrgUnitId);
        Assert.Contains("\"person\":true", entry.Details, StringComparison.Ordinal);
        foreach (var secret in secrets.Values)
        {
            Assert.DoesNotContain(secret, entry.Details!, StringComparison.OrdinalIgnoreCase);
        }

        var verification = await CustodyApi.OkAsync<AuditVerification>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.True(verification.Valid, $"chain broken at {verification.FirstInvalidSeq}");
    }

    [Fact]
    public async Task Only_an_administrator_may_preview_or_run_retention()
    {
        foreach (var user in new[] { "custody.officer", "rights.inspector", "external.monitor" })
        {
            using var client = await _api.AsAsync(user);
            await Problem.AssertAsync(await client.GetAsync($"{Base}/preview"), HttpStatusCode.Forbidden);
            await Problem.AssertAsync(await client.PostAsync($"{Base}/run", null), HttpStatusCode.Forbidden);
        }
    }

    private static Dictionary<string, string> Secrets()
    {
        string U(string stem) => CustodyApi.UniqueSurname(stem);
        return new()
        {
            ["surname"] = U("Секретенко"), ["givenName"] = U("Таємир"), ["patronymic"] = U("Прихованович"), ["document"] = "ЯЯ" + Random.Shared.Next(100000, 999999),
            ["place"] = U("вул. Потайна"), ["officer"] = U("лейтенант Закритий"), ["proceedings"] = "120260000" + Random.Shared.Next(10000000, 99999999),
            ["detail"] = U("Підозра у крадіжці у сусідки Нишпорчук"), ["interpreter"] = U("Перекладач Мовчан"), ["relative"] = U("Мати Ганна"),
            ["relationship"] = U("мати"), ["examiner"] = U("лікар Зцілюк"), ["injuries"] = U("синець під лівим оком"), ["searcher"] = U("сержант Обшукач"),
            ["item1"] = U("телефон із фото"), ["item2"] = U("паспорт"), ["note"] = U("Скаржився на сусіда Кривдюка"), ["correction"] = U("Ім'я сусіда Кривдюк"),
            ["corrected"] = U("Скаржився на сусіда Ображенка"), ["complaint"] = U("Побив конвоїр Лютий"), ["release"] = U("Ухвала судді Праведної"),
            ["discrepancy"] = U("бракує годинника"),
        };
    }

    /// <summary>Book-in, six entries naming people, a correction with a reason naming one, and a release; all at t0 or just before.</summary>
    private async Task<RecordDto> BookInWithPersonalDataAsync(Dictionary<string, string> s)
    {
        using var officer = await _api.AsAsync();
        var body = _api.BookIn(surname: s["surname"], givenName: s["givenName"], proceedingsNumber: s["proceedings"]);
        body["detentionPlace"] = s["place"];
        body["detainingOfficer"] = s["officer"];
        body["legalBasisDetail"] = s["detail"];
        var person = CustodyApi.Person(body);
        person["patronymic"] = s["patronymic"];
        person["identityDocument"] = s["document"];
        var record = await _api.BookInAsync(body, officer);
        var at = _api.Now.AddMinutes(-20);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("rights-explained", at,
            new { language = "українська", interpreterUsed = true, interpreterName = s["interpreter"], outcome = "signed" }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("relatives-notified", at,
            new { contactName = s["relative"], relationship = s["relationship"], contactKind = "parent", method = "phone" }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("medical-examination", at,
            new { examiner = s["examiner"], injuriesFound = true, injuriesDescription = s["injuries"], fitForDetention = true }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("search-property", at,
            new { searchedBy = s["searcher"], sameSexSearcher = true, items = new[] { s["item1"], s["item2"] } }));
        var note = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", at, new { text = s["note"] }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("complaint", at, new { text = s["complaint"], addressedTo = "прокурор" }));
        var corrected = await officer.PostAsJsonAsync($"/api/v1/custody/records/{record.Id}/entries/{note.Id}/corrections",
            new { reason = s["correction"], text = s["corrected"] });
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        await ReleaseAsync(record.Id, officer, new { groundsDetail = s["release"], propertyReturned = false, propertyDiscrepancy = s["discrepancy"] });
        return record;
    }

    private async Task ReleaseAsync(Guid recordId, HttpClient? client = null, object? fields = null)
    {
        using var own = client is null ? await _api.AsAsync() : null;
        var body = CustodyApi.Entry("release", _api.Now.AddMinutes(-5), fields ?? new { propertyReturned = true });
        body.Remove("type");
        body["grounds"] = "court-decision";
        var response = await (client ?? own!).PostAsJsonAsync($"/api/v1/custody/records/{recordId}/release", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Everything stored of the record, its entries and its person, as one text.</summary>
    private Task<string> SnapshotAsync(Guid recordId) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<VartaDbContext>();
        var record = await db.Set<CustodyRecord>().AsNoTracking().SingleAsync(r => r.Id == recordId);
        var person = await db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == record.PersonId);
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == recordId).OrderBy(e => e.Seq).ToListAsync();
        record.AnonymisedAt = null; // compared before and after a run that must not touch it
        return JsonSerializer.Serialize(new { record, person, entries }, new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    });

    private Task<DateTime?> AnonymisedAtAsync(Guid recordId) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<VartaDbContext>().Set<CustodyRecord>().Where(r => r.Id == recordId).Select(r => r.AnonymisedAt).SingleAsync());
}
