using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>
/// Every API route that acts on a resource (an id in the route, or a facility or building named in the query or
/// body) refuses a user who holds the right role in another region: 404 with problem details, so that not even the
/// resource's existence leaks, and nothing changes. The resources belong to Kyiv; the callers hold their roles in Lviv.
/// </summary>
public sealed class EndpointScopeTests(VartaFactory factory) : IClassFixture<VartaFactory>, IAsyncLifetime
{
    private static int _setups; // each test of the class sets up anew on the same host: its shift must not overlap the last one's

    private readonly Dictionary<string, HttpClient> _lviv = [];
    private readonly Dictionary<string, HttpClient> _kyiv = []; // the Kyiv trainer and learner, who own the training resources
    private readonly int _shiftDay = Interlocked.Increment(ref _setups);
    private Guid _record, _person, _entry, _cell, _device, _alarm, _shift, _kyivUser, _securityOfficer, _reviewItem, _monitor, _grant, _visit, _visitLine, _footage;
    private Guid _threatReport, _threatAttachment, _threatCase, _threatAssessment, _threatMeasure, _advisory, _healthNotice, _incident, _actionItem;
    private int _threatTimeline;
    private string _course = "", _draftCourse = "";
    private Guid _lesson, _lessonCard, _draftLesson, _draftReflection, _kyivLearner, _attempt, _essayAttempt, _mistakeCard, _journalEntry, _certificate, _session;
    private Guid _survey, _recommendation, _finding;

    /// <summary>Routes whose resource is named in the query string or the body rather than the path.</summary>
    private static readonly HashSet<string> ResourceInQueryOrBody =
    [
        "POST /api/v1/custody/records", "GET /api/v1/custody/board", "GET /api/v1/custody/alerts",
        "POST /api/v1/alarms/zones", "POST /api/v1/alarms/devices", "GET /api/v1/audit/entries", "POST /api/v1/oversight/grants",
        "POST /api/v1/oversight/footage-requests",
        "GET /api/v1/oversight/reports", "GET /api/v1/oversight/reports/csv", "GET /api/v1/oversight/reports/chart",
        "POST /api/v1/threats/reports", "POST /api/v1/threats/advisories", "POST /api/v1/threats/recommendation-requests",
        "POST /api/v1/threats/health-notices", "POST /api/v1/threats/incidents",
        "GET /api/v1/training/people", "POST /api/v1/training/sessions", "POST /api/v1/training/courses",
    ];

    /// <summary>Routes with an id that is not a resource of someone else's scope: the caller's own things, or open to all.</summary>
    private static readonly HashSet<string> NotScoped =
    [
        "GET /openapi/{documentName}.json", "GET /api/reference/{documentName?}",
        "GET /api/v1/training/verify/{code}", // anonymous by design: whoever holds a certificate's code may check it
        "GET /api/v1/community/territories/{code}", "GET /api/v1/community/territories/{code}/population", // the codifier and the census: reference data, nobody's resource
        "GET /api/v1/community/territories/{code}/indicators", // published statistics of a territory: reference data
        "GET /api/v1/community/public/{token}", "POST /api/v1/community/public/{token}/responses", // anonymous by design: the link's token is the secret
    ];

    public async Task InitializeAsync()
    {
        _lviv["officer"] = (await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.LvivFacility)).Client;
        _lviv["admin"] = (await factory.CreateUserClientAsync(Roles.Administrator, DemoData.LvivRegion)).Client;
        _lviv["dispatcher"] = (await factory.CreateUserClientAsync(Roles.Dispatcher, DemoData.LvivRegion)).Client;
        _lviv["inspector"] = (await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion)).Client;
        _lviv["monitor"] = (await factory.CreateUserClientAsync(Roles.ExternalMonitor, DemoData.LvivRegion)).Client;
        _lviv["head"] = (await factory.CreateUserClientAsync(Roles.UnitHead, DemoData.LvivRegion)).Client;
        _lviv["analyst"] = (await factory.CreateUserClientAsync(Roles.ThreatAnalyst, DemoData.LvivRegion)).Client;
        _lviv["judge"] = (await factory.CreateUserClientAsync(Roles.Judge, DemoData.LvivRegion)).Client;
        _lviv["security"] = (await factory.CreateUserClientAsync(Roles.SecurityOfficer, DemoData.LvivRegion)).Client;
        _lviv["medic"] = (await factory.CreateUserClientAsync(Roles.MedicalOfficer, DemoData.LvivRegion)).Client;
        _lviv["trainer"] = (await factory.CreateUserClientAsync(Roles.Trainer, DemoData.LvivRegion)).Client;
        _lviv["learner"] = (await factory.CreateUserClientAsync(Roles.Learner, DemoData.LvivFacility)).Client;
        _lviv["coordinator"] = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;
        _lviv["auditor"] = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.LvivRegion)).Client;
        _kyivUser = (await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.DetentionFacility1)).Id;

        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", BookIn()));
        (_record, _person) = (Id(booked), Id(booked.GetProperty("person")));
        _entry = Id(await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{_record}/entries", Note())));
        _reviewItem = await ReviewItemAsync(officer);
        using (var inspector = await factory.ClientAsAsync("rights.inspector"))
        {
            _footage = Id(await OkAsync(await inspector.PostAsJsonAsync("/api/v1/oversight/footage-requests", FootageBody())));
        }

        using var admin = await factory.ClientAsAsync("admin");
        await KyivGrantAndVisitAsync(admin);
        _cell = Id(await OkAsync(await admin.PostAsJsonAsync($"/api/v1/custody/facilities/{DemoData.DetentionFacility1}/cells",
            new { number = "S-" + Guid.NewGuid().ToString("N")[..6], capacity = 1, floorArea = 6m })));
        var device = await OkAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка для перевірки меж" }));
        _device = device.GetProperty("device").GetProperty("id").GetGuid();
        using (var button = factory.CreateClient())
        {
            button.DefaultRequestHeaders.Authorization = new("Bearer", device.GetProperty("secret").GetString());
            _alarm = (await OkAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "scope-1" })))
                .GetProperty("alarmId").GetGuid();
        }

        var users = await OkAsync(await admin.GetAsync("/api/v1/admin/users"));
        _securityOfficer = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == "security.officer").GetProperty("id").GetGuid();
        using var dispatcher = await factory.ClientAsAsync("dispatcher");
        _shift = Id(await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/duty", Shift())));
        await KyivThreatCaseAsync();
        await KyivTrainingAsync();
        _survey = await KyivSurveyAsync();
        _recommendation = await KyivRecommendationAsync();
        _finding = await KyivFindingAsync();
    }

    /// <summary>A recommendation of the Kyiv region's local policy, stored directly like the survey above.</summary>
    private async Task<Guid> KyivRecommendationAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == "Varta.Community.Data.Recommendation").ClrType;
        var recommendation = Activator.CreateInstance(type, nonPublic: true)!;
        var id = Guid.NewGuid();
        void Set(string name, object value) => type.GetProperty(name)!.SetValue(recommendation, value);
        Set("Id", id);
        Set("UnitId", DemoData.KyivRegion);
        Set("TerritoryCode", "UA80000000000093317");
        Set("OblastCode", "UA80000000000093317");
        Set("Title", "Освітлення вулиць для перевірки меж");
        Set("Owner", "Вигаданий відділ");
        Set("Indicator", "crimes.street");
        Set("Deadline", new DateOnly(2027, 6, 30));
        Set("Baseline", 10.0);
        Set("Target", 5.0);
        db.Add(recommendation);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A finding on the Kyiv survey above, stored directly the same way.</summary>
    private async Task<Guid> KyivFindingAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == "Varta.Community.Data.Finding").ClrType;
        var finding = Activator.CreateInstance(type, nonPublic: true)!;
        var id = Guid.NewGuid();
        void Set(string name, object value) => type.GetProperty(name)!.SetValue(finding, value);
        Set("Id", id);
        Set("SurveyId", _survey);
        Set("UnitId", DemoData.KyivRegion);
        Set("TerritoryCode", "UA80000000000093317");
        Set("PeriodFrom", new DateOnly(2026, 1, 1));
        Set("PeriodTo", new DateOnly(2026, 12, 31));
        Set("Text", "Висновок для перевірки меж");
        db.Add(finding);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>
    /// An open survey of the Kyiv region, stored directly (the Community module's types are its own): every survey route
    /// answers for another region's survey before it reads the form, so the row needs no questionnaire.
    /// </summary>
    private async Task<Guid> KyivSurveyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == "Varta.Community.Data.Survey").ClrType;
        var survey = Activator.CreateInstance(type, nonPublic: true)!;
        var id = Guid.NewGuid();
        void Set(string name, object value) => type.GetProperty(name)!.SetValue(survey, value);
        Set("Id", id);
        Set("UnitId", DemoData.KyivRegion);
        Set("TerritoryCode", "UA80000000000093317");
        Set("Title", "Опитування для перевірки меж");
        Set("FormId", "scope-check");
        Set("PeriodFrom", new DateOnly(2026, 1, 1));
        Set("PeriodTo", new DateOnly(2026, 12, 31));
        Set("Status", "open");
        Set("PublicToken", Guid.NewGuid().ToString("N"));
        Set("FormJson", "{}");
        db.Add(survey);
        await db.SaveChangesAsync();
        return id;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _lviv.Values.Concat(_kyiv.Values))
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    private IEnumerable<(string Endpoint, HttpMethod Method, string Url, string Caller, object? Body)> Cases()
    {
        const string c = "/api/v1/custody";
        const string a = "/api/v1/alarms";
        var f1 = DemoData.DetentionFacility1;
        var court = DemoData.ShevchenkivskyiCourt;
        var now = factory.Clock.GetUtcNow();
        yield return ("POST /api/v1/custody/facilities/{facilityId:guid}/cells", HttpMethod.Post, $"{c}/facilities/{f1}/cells", "admin",
            new { number = "Z9", capacity = 1, floorArea = 6m });
        yield return ("PUT /api/v1/custody/cells/{cellId:guid}", HttpMethod.Put, $"{c}/cells/{_cell}", "admin", new { inService = false });
        yield return ("GET /api/v1/custody/facilities/{facilityId:guid}/settings", HttpMethod.Get, $"{c}/facilities/{f1}/settings", "officer", null);
        yield return ("PUT /api/v1/custody/facilities/{facilityId:guid}/settings", HttpMethod.Put, $"{c}/facilities/{f1}/settings", "admin", new { l1Minutes = 45 });
        yield return ("POST /api/v1/custody/records", HttpMethod.Post, $"{c}/records", "officer", BookIn());
        yield return ("GET /api/v1/custody/records/{id:guid}", HttpMethod.Get, $"{c}/records/{_record}", "officer", null);
        yield return ("POST /api/v1/custody/records/{id:guid}/entries", HttpMethod.Post, $"{c}/records/{_record}/entries", "officer", Note());
        yield return ("POST /api/v1/custody/records/{id:guid}/entries/{entryId:guid}/corrections", HttpMethod.Post,
            $"{c}/records/{_record}/entries/{_entry}/corrections", "officer", new { reason = "Описка", text = "Виправлено" });
        yield return ("POST /api/v1/custody/records/{id:guid}/release", HttpMethod.Post, $"{c}/records/{_record}/release", "officer",
            new { occurredAt = At(now), grounds = "no-grounds", propertyReturned = true });
        yield return ("POST /api/v1/custody/records/{id:guid}/transfer", HttpMethod.Post, $"{c}/records/{_record}/transfer", "officer",
            new { occurredAt = At(now), destination = "hospital", destinationName = "Лікарня", propertyReturned = true });
        yield return ("GET /api/v1/custody/board", HttpMethod.Get, $"{c}/board?facilityId={f1}", "officer", null);
        yield return ("GET /api/v1/custody/alerts", HttpMethod.Get, $"{c}/alerts?facilityId={f1}", "officer", null);

        yield return ("POST /api/v1/alarms/zones", HttpMethod.Post, $"{a}/zones", "admin", new { siteId = court, name = "Коридор", kind = "corridor" });
        yield return ("POST /api/v1/alarms/devices", HttpMethod.Post, $"{a}/devices", "admin", new { siteId = court, kind = "fixed-button", name = "Кнопка" });
        yield return ("POST /api/v1/alarms/devices/{id:guid}/dc09-key", HttpMethod.Post, $"{a}/devices/{_device}/dc09-key", "admin", new { encryption = "aes-128" });
        yield return ("GET /api/v1/alarms/{id:guid}", HttpMethod.Get, $"{a}/{_alarm}", "dispatcher", null);
        yield return ("POST /api/v1/alarms/{id:guid}/acknowledge", HttpMethod.Post, $"{a}/{_alarm}/acknowledge", "dispatcher", null);
        yield return ("POST /api/v1/alarms/{id:guid}/dispatch", HttpMethod.Post, $"{a}/{_alarm}/dispatch", "dispatcher", new { responders = new[] { _securityOfficer.ToString() } });
        yield return ("POST /api/v1/alarms/{id:guid}/notes", HttpMethod.Post, $"{a}/{_alarm}/notes", "dispatcher", new { text = "Нотатка" });
        yield return ("GET /api/v1/alarms/{id:guid}/medical-profile", HttpMethod.Get, $"{a}/{_alarm}/medical-profile", "dispatcher", null);
        yield return ("POST /api/v1/alarms/{id:guid}/resolve", HttpMethod.Post, $"{a}/{_alarm}/resolve", "dispatcher", new { outcome = "false", note = "Хибна" });
        yield return ("GET /api/v1/alarms/sites/{siteId:guid}/responders", HttpMethod.Get, $"{a}/sites/{court}/responders", "dispatcher", null);
        yield return ("GET /api/v1/alarms/sites/{siteId:guid}/duty", HttpMethod.Get, $"{a}/sites/{court}/duty", "dispatcher", null);
        yield return ("POST /api/v1/alarms/sites/{siteId:guid}/duty", HttpMethod.Post, $"{a}/sites/{court}/duty", "dispatcher", Shift());
        yield return ("POST /api/v1/alarms/sites/{siteId:guid}/duty/{shiftId:guid}/cancel", HttpMethod.Post,
            $"{a}/sites/{court}/duty/{_shift}/cancel", "dispatcher", new { reason = "Хворіє" });
        yield return ("GET /api/v1/alarms/sites/{siteId:guid}/arming", HttpMethod.Get, $"{a}/sites/{court}/arming", "dispatcher", null);
        yield return ("PUT /api/v1/alarms/sites/{siteId:guid}/arming", HttpMethod.Put, $"{a}/sites/{court}/arming", "admin",
            new { windows = Array.Empty<object>(), holidays = Array.Empty<string>() });

        const string g = "/api/v1/oversight";
        yield return ("POST /api/v1/oversight/grants", HttpMethod.Post, $"{g}/grants", "admin", GrantBody());
        yield return ("POST /api/v1/oversight/grants/{id:guid}/revoke", HttpMethod.Post, $"{g}/grants/{_grant}/revoke", "admin", new { reason = "Чужий регіон" });
        yield return ("GET /api/v1/oversight/my-grants/{grantId:guid}/records", HttpMethod.Get, $"{g}/my-grants/{_grant}/records", "monitor", null);
        yield return ("GET /api/v1/oversight/my-grants/{grantId:guid}/records/{recordId:guid}", HttpMethod.Get, $"{g}/my-grants/{_grant}/records/{_record}", "monitor", null);
        yield return ("POST /api/v1/oversight/my-grants/{grantId:guid}/visits", HttpMethod.Post, $"{g}/my-grants/{_grant}/visits", "monitor",
            new { facilityId = DemoData.DetentionFacility1 });
        yield return ("GET /api/v1/oversight/visits/{id:guid}", HttpMethod.Get, $"{g}/visits/{_visit}", "monitor", null);
        yield return ("POST /api/v1/oversight/visits/{id:guid}/lines/{lineId:guid}", HttpMethod.Post, $"{g}/visits/{_visit}/lines/{_visitLine}", "monitor",
            new { result = "absent" });
        yield return ("POST /api/v1/oversight/visits/{id:guid}/unregistered", HttpMethod.Post, $"{g}/visits/{_visit}/unregistered", "monitor",
            new { description = "Чужий регіон" });
        yield return ("POST /api/v1/oversight/visits/{id:guid}/close", HttpMethod.Post, $"{g}/visits/{_visit}/close", "monitor", new { summary = "Чужий регіон" });

        yield return ("POST /api/v1/oversight/footage-requests", HttpMethod.Post, $"{g}/footage-requests", "inspector", FootageBody());
        yield return ("POST /api/v1/oversight/footage-requests/{id:guid}/decision", HttpMethod.Post, $"{g}/footage-requests/{_footage}/decision", "head",
            new { decision = "approve" });
        yield return ("POST /api/v1/oversight/footage-requests/{id:guid}/views", HttpMethod.Post, $"{g}/footage-requests/{_footage}/views", "inspector", null);
        yield return ("GET /api/v1/custody/facilities/{facilityId:guid}/cameras", HttpMethod.Get,
            $"/api/v1/custody/facilities/{DemoData.DetentionFacility1}/cameras", "officer", null);
        yield return ("POST /api/v1/custody/facilities/{facilityId:guid}/cameras", HttpMethod.Post,
            $"/api/v1/custody/facilities/{DemoData.DetentionFacility1}/cameras", "admin", new { code = "X-1", room = "Коридор", roomType = "corridor" });

        const string o = "/api/v1/oversight/queue";
        yield return ("GET /api/v1/oversight/queue/{id:guid}", HttpMethod.Get, $"{o}/{_reviewItem}", "inspector", null);
        yield return ("POST /api/v1/oversight/queue/{id:guid}/findings", HttpMethod.Post, $"{o}/{_reviewItem}/findings", "inspector",
            new { violationType = "other", text = "Чужий регіон" });
        yield return ("POST /api/v1/oversight/queue/{id:guid}/findings/{findingId:guid}/follow-up", HttpMethod.Post,
            $"{o}/{_reviewItem}/findings/{Guid.NewGuid()}/follow-up", "inspector", new { note = "Чужий регіон" });
        yield return ("POST /api/v1/oversight/queue/{id:guid}/close", HttpMethod.Post, $"{o}/{_reviewItem}/close", "inspector",
            new { conclusion = "no-violation", note = "Чужий регіон" });
        yield return ("GET /api/v1/oversight/records/{id:guid}/pdf", HttpMethod.Get, $"/api/v1/oversight/records/{_record}/pdf", "inspector", null);
        yield return ("GET /api/v1/oversight/people/{personId:guid}/export", HttpMethod.Get, $"/api/v1/oversight/people/{_person}/export?format=pdf", "inspector", null);
        var period = $"unit={DemoData.KyivRegion}&from=2026-11-01&to=2026-11-30";
        yield return ("GET /api/v1/oversight/reports", HttpMethod.Get, $"/api/v1/oversight/reports?{period}", "inspector", null);
        yield return ("GET /api/v1/oversight/reports/csv", HttpMethod.Get, $"/api/v1/oversight/reports/csv?{period}", "inspector", null);
        yield return ("GET /api/v1/oversight/reports/chart", HttpMethod.Get, $"/api/v1/oversight/reports/chart?{period}", "inspector", null);

        yield return ("GET /api/v1/audit/entries", HttpMethod.Get, $"/api/v1/audit/entries?resourceId={_record}", "admin", null);

        const string t = "/api/v1/threats";
        yield return ("POST /api/v1/threats/reports", HttpMethod.Post, $"{t}/reports", "judge", ThreatReport());
        yield return ("GET /api/v1/threats/reports/{id:guid}", HttpMethod.Get, $"{t}/reports/{_threatReport}", "analyst", null);
        yield return ("GET /api/v1/threats/attachments/{id:guid}", HttpMethod.Get, $"{t}/attachments/{_threatAttachment}", "analyst", null);
        yield return ("GET /api/v1/threats/courts/{id:guid}/people", HttpMethod.Get, $"{t}/courts/{court}/people", "analyst", null);
        yield return ("POST /api/v1/threats/reports/{id:guid}/triage", HttpMethod.Post, $"{t}/reports/{_threatReport}/triage", "analyst",
            new { tier = "threat", priority = "standard" });
        yield return ("GET /api/v1/threats/cases/{id:guid}", HttpMethod.Get, $"{t}/cases/{_threatCase}", "head", null);
        yield return ("POST /api/v1/threats/cases/{id:guid}", HttpMethod.Post, $"{t}/cases/{_threatCase}", "analyst", new { status = "closed", reason = "Чужий регіон" });
        yield return ("POST /api/v1/threats/cases/{id:guid}/persons", HttpMethod.Post, $"{t}/cases/{_threatCase}/persons", "analyst",
            new { name = "Чужий регіон", relation = "colleague" });
        yield return ("POST /api/v1/threats/cases/{id:guid}/notes", HttpMethod.Post, $"{t}/cases/{_threatCase}/notes", "analyst", new { text = "Чужий регіон" });
        yield return ("POST /api/v1/threats/cases/{id:guid}/assessments", HttpMethod.Post, $"{t}/cases/{_threatCase}/assessments", "analyst", ThreatAssessment());
        yield return ("POST /api/v1/threats/assessments/{id:guid}/review", HttpMethod.Post, $"{t}/assessments/{_threatAssessment}/review", "head",
            new { decision = "approve" });
        yield return ("POST /api/v1/threats/cases/{id:guid}/measures", HttpMethod.Post, $"{t}/cases/{_threatCase}/measures", "head",
            new { typeCode = "escort", assigneeUnitId = DemoData.LvivRegion, startsOn = "2026-11-26" });
        yield return ("POST /api/v1/threats/measures/{id:guid}/status", HttpMethod.Post, $"{t}/measures/{_threatMeasure}/status", "head", new { status = "active" });
        yield return ("POST /api/v1/threats/advisories", HttpMethod.Post, $"{t}/advisories", "analyst",
            new { audience = "court", unitId = DemoData.ShevchenkivskyiCourt, kind = "general", title = "Чужий регіон", body = "Чужий регіон" });
        yield return ("POST /api/v1/threats/advisories/{id:guid}/read", HttpMethod.Post, $"{t}/advisories/{_advisory}/read", "judge", null);
        yield return ("POST /api/v1/threats/recommendation-requests", HttpMethod.Post, $"{t}/recommendation-requests", "judge",
            new { courtId = DemoData.ShevchenkivskyiCourt, question = "Чужий регіон" });
        yield return ("POST /api/v1/threats/health-notices", HttpMethod.Post, $"{t}/health-notices", "medic", HealthNotice());
        yield return ("POST /api/v1/threats/health-notices/{id:guid}/read", HttpMethod.Post, $"{t}/health-notices/{_healthNotice}/read", "judge", null);
        yield return ("POST /api/v1/threats/incidents", HttpMethod.Post, $"{t}/incidents", "security",
            new { courtId = DemoData.ShevchenkivskyiCourt, occurredAt = At(factory.Clock.GetUtcNow().AddHours(-1)), kind = "other", summary = "Чужий регіон" });
        yield return ("GET /api/v1/threats/incidents/{id:guid}", HttpMethod.Get, $"{t}/incidents/{_incident}", "security", null);
        yield return ("POST /api/v1/threats/incidents/{id:guid}/debrief", HttpMethod.Post, $"{t}/incidents/{_incident}/debrief", "analyst", new { lessons = "Чужий регіон" });
        yield return ("POST /api/v1/threats/incidents/{id:guid}/actions", HttpMethod.Post, $"{t}/incidents/{_incident}/actions", "head",
            new { text = "Чужий регіон", ownerUserId = _securityOfficer, dueOn = "2026-12-31" });
        yield return ("POST /api/v1/threats/incidents/{id:guid}/close", HttpMethod.Post, $"{t}/incidents/{_incident}/close", "security", null);
        yield return ("POST /api/v1/threats/action-items/{id:guid}/done", HttpMethod.Post, $"{t}/action-items/{_actionItem}/done", "security", new { note = "Чужий регіон" });

        // Training: the Kyiv learner's attempts, card, journal entry and certificate are theirs alone (404 to another learner);
        // the Kyiv trainer's draft course is unknown to whoever may not edit it; the Kyiv courses, people and sessions are
        // taught and edited by trainers of Kyiv, and the shipped courses (the country's) by a trainer of the whole country only.
        const string tr = "/api/v1/training";
        var answer = new { selected = new[] { ResponseTrue } };
        yield return ("GET /api/v1/training/courses/{key}", HttpMethod.Get, $"{tr}/courses/{_draftCourse}", "learner", null);
        yield return ("GET /api/v1/training/courses/{key}/lessons/{lesson}", HttpMethod.Get, $"{tr}/courses/{_draftCourse}/lessons/draft", "learner", null);
        yield return ("POST /api/v1/training/lessons/{id:guid}/read", HttpMethod.Post, $"{tr}/lessons/{_draftLesson}/read", "learner", null);
        yield return ("POST /api/v1/training/lessons/{id:guid}/attempts", HttpMethod.Post, $"{tr}/lessons/{_draftLesson}/attempts", "learner", null);
        yield return ("POST /api/v1/training/cards/{id:guid}/review", HttpMethod.Post, $"{tr}/cards/{_mistakeCard}/review", "learner", new { rating = 3, version = 0 });
        yield return ("GET /api/v1/training/attempts/{id:guid}", HttpMethod.Get, $"{tr}/attempts/{_attempt}", "learner", null);
        yield return ("PUT /api/v1/training/attempts/{id:guid}/items/{slot:int}", HttpMethod.Put, $"{tr}/attempts/{_attempt}/items/1", "learner", new { response = answer });
        yield return ("POST /api/v1/training/attempts/{id:guid}/items/{slot:int}/check", HttpMethod.Post, $"{tr}/attempts/{_attempt}/items/1/check", "learner",
            new { response = answer });
        yield return ("POST /api/v1/training/attempts/{id:guid}/submit", HttpMethod.Post, $"{tr}/attempts/{_attempt}/submit", "learner",
            new { responses = new Dictionary<string, object> { ["1"] = answer } });
        yield return ("PUT /api/v1/training/journal/{id:guid}", HttpMethod.Put, $"{tr}/journal/{_journalEntry}", "learner", new { text = "Чужий регіон", version = 2 });
        yield return ("POST /api/v1/training/journal/{id:guid}/share", HttpMethod.Post, $"{tr}/journal/{_journalEntry}/share", "learner", new { shared = false });
        yield return ("POST /api/v1/training/journal/{id:guid}/comments", HttpMethod.Post, $"{tr}/journal/{_journalEntry}/comments", "trainer", new { text = "Чужий регіон" });
        yield return ("GET /api/v1/training/certificates/{id:guid}/pdf", HttpMethod.Get, $"{tr}/certificates/{_certificate}/pdf", "learner", null);
        yield return ("POST /api/v1/training/certificates/{id:guid}/revoke", HttpMethod.Post, $"{tr}/certificates/{_certificate}/revoke", "trainer",
            new { reason = "Чужий регіон" });
        yield return ("GET /api/v1/training/people", HttpMethod.Get, $"{tr}/people?unitId={DemoData.KyivRegion}", "head", null);
        yield return ("GET /api/v1/training/courses/{key}/item-analysis", HttpMethod.Get, $"{tr}/courses/{_draftCourse}/item-analysis", "trainer", null);
        yield return ("POST /api/v1/training/attempts/{id:guid}/items/{slot:int}/grade", HttpMethod.Post, $"{tr}/attempts/{_essayAttempt}/items/2/grade", "trainer",
            new { fraction = 1.0, comment = "Чужий регіон" });
        yield return ("POST /api/v1/training/sessions", HttpMethod.Post, $"{tr}/sessions", "trainer", SessionBody(DemoData.KyivRegion, _course));
        yield return ("PUT /api/v1/training/sessions/{id:guid}/attendance", HttpMethod.Put, $"{tr}/sessions/{_session}/attendance", "trainer",
            new { lines = new[] { new { userId = _kyivLearner, attended = true, practicePassed = true } }, version = 1 });
        yield return ("GET /api/v1/training/sessions/{id:guid}/candidates", HttpMethod.Get, $"{tr}/sessions/{_session}/candidates", "trainer", null);
        const string cm = "/api/v1/community";
        yield return ("GET /api/v1/community/surveys/{id:guid}", HttpMethod.Get, $"{cm}/surveys/{_survey}", "auditor", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/xlsform", HttpMethod.Get, $"{cm}/surveys/{_survey}/xlsform", "coordinator", null);
        yield return ("POST /api/v1/community/surveys/{id:guid}/status", HttpMethod.Post, $"{cm}/surveys/{_survey}/status", "coordinator", new { status = "closed" });
        yield return ("POST /api/v1/community/surveys/{id:guid}/responses", HttpMethod.Post, $"{cm}/surveys/{_survey}/responses", "auditor",
            new { clientId = Guid.NewGuid(), territory = "UA80000000000093317", answers = new Dictionary<string, string>() });
        yield return ("GET /api/v1/community/surveys/{id:guid}/results", HttpMethod.Get, $"{cm}/surveys/{_survey}/results?question=q", "auditor", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/responses.csv", HttpMethod.Get, $"{cm}/surveys/{_survey}/responses.csv", "coordinator", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/report", HttpMethod.Get, $"{cm}/surveys/{_survey}/report", "auditor", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/report.pdf", HttpMethod.Get, $"{cm}/surveys/{_survey}/report.pdf", "auditor", null);
        yield return ("POST /api/v1/community/surveys/{id:guid}/findings", HttpMethod.Post, $"{cm}/surveys/{_survey}/findings", "coordinator", new { text = "Чужий регіон" });
        yield return ("PUT /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}", HttpMethod.Put, $"{cm}/surveys/{_survey}/findings/{_finding}", "coordinator",
            new { text = "Чужий регіон", version = 1 });
        yield return ("POST /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}/withdrawal", HttpMethod.Post, $"{cm}/surveys/{_survey}/findings/{_finding}/withdrawal",
            "coordinator", new { version = 1, reason = "Чужий регіон" });
        yield return ("GET /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}/history", HttpMethod.Get, $"{cm}/surveys/{_survey}/findings/{_finding}/history",
            "coordinator", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/findings/withdrawn", HttpMethod.Get, $"{cm}/surveys/{_survey}/findings/withdrawn", "coordinator", null);
        yield return ("GET /api/v1/community/surveys/{id:guid}/compare", HttpMethod.Get, $"{cm}/surveys/{_survey}/compare?with={_survey}&question=q", "auditor", null);
        yield return ("GET /api/v1/community/recommendations/{id:guid}", HttpMethod.Get, $"{cm}/recommendations/{_recommendation}", "auditor", null);
        yield return ("POST /api/v1/community/recommendations/{id:guid}/updates", HttpMethod.Post, $"{cm}/recommendations/{_recommendation}/updates", "coordinator",
            new { on = "2026-01-15", status = "in-progress", value = 8.0, note = "Чужий регіон" });
        yield return ("POST /api/v1/training/courses", HttpMethod.Post, $"{tr}/courses", "trainer", CourseBody(NewCourseKey(), DemoData.KyivRegion, false, "Чужий регіон"));
        yield return ("PUT /api/v1/training/courses/{key}", HttpMethod.Put, $"{tr}/courses/{_course}", "trainer", CourseBody(_course, DemoData.KyivRegion, false, "Чужий регіон"));
        yield return ("PUT /api/v1/training/courses/{key}", HttpMethod.Put, $"{tr}/courses/dynamic-security", "trainer",
            CourseBody("dynamic-security", DemoData.Country, false, "Чужий регіон"));
        yield return ("GET /api/v1/training/courses/{key}/edit", HttpMethod.Get, $"{tr}/courses/{_course}/edit", "trainer", null);
        yield return ("POST /api/v1/training/courses/{key}/lessons", HttpMethod.Post, $"{tr}/courses/{_course}/lessons", "trainer", LessonBody("foreign", "Чужий регіон"));
        yield return ("GET /api/v1/training/lessons/{id:guid}/edit", HttpMethod.Get, $"{tr}/lessons/{_lesson}/edit", "trainer", null);
        yield return ("PUT /api/v1/training/lessons/{id:guid}", HttpMethod.Put, $"{tr}/lessons/{_lesson}", "trainer", LessonBody(null, "Чужий регіон"));
        yield return ("POST /api/v1/training/lessons/{id:guid}/cards", HttpMethod.Post, $"{tr}/lessons/{_lesson}/cards", "trainer",
            new { frontUk = "Чужий регіон", backUk = "Чужий регіон", frontEn = "Foreign region", backEn = "Foreign region" });
        yield return ("PUT /api/v1/training/cards/{id:guid}/retired", HttpMethod.Put, $"{tr}/cards/{_lessonCard}/retired", "trainer", new { retired = true });
        yield return ("POST /api/v1/training/lessons/{id:guid}/reflections", HttpMethod.Post, $"{tr}/lessons/{_lesson}/reflections", "trainer",
            new { textUk = "Чужий регіон", textEn = "Foreign region" });
        yield return ("POST /api/v1/training/lessons/{id:guid}/questions/gift", HttpMethod.Post, $"{tr}/lessons/{_lesson}/questions/gift", "trainer",
            new { language = "uk", gift = "::foreign:: Чужий регіон? {TRUE}", replace = true });
        yield return ("GET /api/v1/training/lessons/{id:guid}/questions/gift", HttpMethod.Get, $"{tr}/lessons/{_lesson}/questions/gift?language=uk", "trainer", null);

        const string u = "/api/v1/admin/users";
        yield return ("GET /api/v1/admin/users/{id:guid}", HttpMethod.Get, $"{u}/{_kyivUser}", "admin", null);
        yield return ("PUT /api/v1/admin/users/{id:guid}/roles", HttpMethod.Put, $"{u}/{_kyivUser}/roles", "admin",
            new { assignments = new[] { new { role = Roles.CustodyOfficer, scopeId = DemoData.LvivFacility } }, reason = "Переведення" });
        yield return ("POST /api/v1/admin/users/{id:guid}/deactivate", HttpMethod.Post, $"{u}/{_kyivUser}/deactivate", "admin", null);
        yield return ("POST /api/v1/admin/users/{id:guid}/activate", HttpMethod.Post, $"{u}/{_kyivUser}/activate", "admin", null);
        yield return ("POST /api/v1/admin/users/{id:guid}/unlock", HttpMethod.Post, $"{u}/{_kyivUser}/unlock", "admin", null);
        yield return ("POST /api/v1/admin/users/{id:guid}/reset-two-factor", HttpMethod.Post, $"{u}/{_kyivUser}/reset-two-factor", "admin", null);
    }

    [Fact]
    public void Every_API_route_that_acts_on_a_resource_has_a_wrong_scope_case_here()
    {
        var routed = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(n => n.Contains(" /api/", StringComparison.Ordinal) && (n.Contains('{', StringComparison.Ordinal) || ResourceInQueryOrBody.Contains(n)) && !NotScoped.Contains(n))
            .ToHashSet();
        var covered = Cases().Select(x => x.Endpoint).ToHashSet();
        Assert.True(routed.SetEquals(covered), "Without a wrong-scope case: " + string.Join(", ", routed.Except(covered)) + "; stale cases: " + string.Join(", ", covered.Except(routed)));
    }

    [Fact]
    public async Task Every_API_route_that_acts_on_a_resource_answers_404_to_the_right_role_in_the_wrong_region_and_changes_nothing()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, method, url, caller, body) in Cases())
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null || method != HttpMethod.Get)
            {
                request.Content = JsonContent.Create(body ?? new { });
            }

            var response = await _lviv[caller].SendAsync(request);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"{endpoint} as Lviv {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            else
            {
                await Problem.AssertAsync(response, HttpStatusCode.NotFound);
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));

        // Nothing changed: the record is still open with its three entries (booking, note, complaint), the alarm still new,
        // the user still active, the review item still open without findings.
        using var officer = await factory.ClientAsAsync("custody.officer");
        var record = await OkAsync(await officer.GetAsync($"/api/v1/custody/records/{_record}"));
        Assert.Equal("in-custody", record.GetProperty("status").GetString());
        Assert.Equal(3, record.GetProperty("timeline").GetArrayLength());
        using var dispatcher = await factory.ClientAsAsync("dispatcher");
        Assert.Null((await OkAsync(await dispatcher.GetAsync($"/api/v1/alarms/{_alarm}"))).GetProperty("acknowledgedAt").GetString());
        using var admin = await factory.ClientAsAsync("admin");
        Assert.True((await OkAsync(await admin.GetAsync($"/api/v1/admin/users/{_kyivUser}"))).GetProperty("isActive").GetBoolean());
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var item = await OkAsync(await inspector.GetAsync($"/api/v1/oversight/queue/{_reviewItem}"));
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal(0, item.GetProperty("findings").GetArrayLength());
        using var monitor = await factory.ClientAsAsync("external.monitor");
        var visit = await OkAsync(await monitor.GetAsync($"/api/v1/oversight/visits/{_visit}"));
        Assert.Equal(JsonValueKind.Null, visit.GetProperty("closedAt").ValueKind);
        Assert.All(visit.GetProperty("lines").EnumerateArray(), l => Assert.Equal("unchecked", l.GetProperty("result").GetString()));
        Assert.Contains((await OkAsync(await admin.GetAsync("/api/v1/oversight/grants"))).EnumerateArray(),
            x => Id(x) == _grant && x.GetProperty("state").GetString() == "active");
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        var threatCase = await OkAsync(await analyst.GetAsync($"/api/v1/threats/cases/{_threatCase}"));
        Assert.Equal("assessing", threatCase.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("pending", Assert.Single(threatCase.GetProperty("assessments").EnumerateArray()).GetProperty("review").GetString());
        Assert.Equal("planned", Assert.Single(threatCase.GetProperty("measures").EnumerateArray()).GetProperty("status").GetString());
        Assert.Single(threatCase.GetProperty("persons").EnumerateArray());
        Assert.Equal(_threatTimeline, threatCase.GetProperty("timeline").GetArrayLength());
        var advisory = (await OkAsync(await analyst.GetAsync("/api/v1/threats/advisories"))).EnumerateArray().Single(a => Id(a) == _advisory);
        Assert.Equal(0, advisory.GetProperty("read").GetInt32());
        using var judge = await factory.ClientAsAsync("judge");
        Assert.Equal(JsonValueKind.Null, (await OkAsync(await judge.GetAsync("/api/v1/threats/health-notices/mine"))).EnumerateArray()
            .Single(n => Id(n) == _healthNotice).GetProperty("readAt").ValueKind);
        Assert.DoesNotContain((await OkAsync(await analyst.GetAsync("/api/v1/threats/recommendation-requests"))).EnumerateArray(),
            r => r.GetProperty("question").GetString() == "Чужий регіон");
        using var security = await factory.ClientAsAsync("security.officer");
        var incident = await OkAsync(await security.GetAsync($"/api/v1/threats/incidents/{_incident}"));
        Assert.Equal("open", incident.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("lessons").ValueKind);
        Assert.Equal("open", Assert.Single(incident.GetProperty("actionItems").EnumerateArray()).GetProperty("status").GetString());
        Assert.DoesNotContain((await OkAsync(await security.GetAsync("/api/v1/threats/incidents"))).EnumerateArray(), i => i.GetProperty("summary").GetString() == "Чужий регіон");
        await AssertKyivTrainingUnchangedAsync();
    }

    /// <summary>
    /// A body may name a draft course of another region (a session's course, a journal entry's reflective question): the
    /// answer is the one for a course or question that does not exist, so that neither the draft nor its text leaks.
    /// </summary>
    [Fact]
    public async Task A_draft_course_of_another_region_named_in_a_body_is_as_unknown_as_one_that_does_not_exist()
    {
        const string tr = "/api/v1/training";
        var draft = await Problem.AssertAsync(await _lviv["learner"].PostAsJsonAsync($"{tr}/journal", new { reflectionId = _draftReflection, text = "Чужий регіон" }),
            HttpStatusCode.BadRequest);
        var unknown = await Problem.AssertAsync(await _lviv["learner"].PostAsJsonAsync($"{tr}/journal", new { reflectionId = Guid.NewGuid(), text = "Чужий регіон" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(unknown.GetProperty("errors").GetProperty("reflectionId").ToString(), draft.GetProperty("errors").GetProperty("reflectionId").ToString());
        Assert.Empty((await OkAsync(await _lviv["learner"].GetAsync($"{tr}/journal"))).EnumerateArray());

        draft = await Problem.AssertAsync(await _lviv["trainer"].PostAsJsonAsync($"{tr}/sessions", SessionBody(DemoData.LvivRegion, _draftCourse)), HttpStatusCode.BadRequest);
        unknown = await Problem.AssertAsync(await _lviv["trainer"].PostAsJsonAsync($"{tr}/sessions", SessionBody(DemoData.LvivRegion, NewCourseKey())), HttpStatusCode.BadRequest);
        Assert.Equal(unknown.GetProperty("errors").GetProperty("courseKey").ToString(), draft.GetProperty("errors").GetProperty("courseKey").ToString());
        Assert.Empty((await OkAsync(await _lviv["trainer"].GetAsync($"{tr}/sessions"))).EnumerateArray());

        // The Kyiv trainer who edits the draft may name it.
        await OkAsync(await _kyiv["trainer"].PostAsJsonAsync($"{tr}/sessions", SessionBody(DemoData.KyivRegion, _draftCourse)));
    }

    /// <summary>
    /// A Kyiv threat case: the demo judge's report with a file, triaged by the demo analyst, with a high assessment waiting
    /// for review and a planned measure.
    /// </summary>
    private async Task KyivThreatCaseAsync()
    {
        const string t = "/api/v1/threats";
        using var judge = await factory.ClientAsAsync("judge");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(ThreatReport()), System.Text.Encoding.UTF8, "application/json"), "report" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Лист із погрозою, переписаний від руки.")), "files", "letter.txt" },
        };
        var report = await OkAsync(await judge.PostAsync($"{t}/reports", form));
        (_threatReport, _threatAttachment) = (Id(report), Id(report.GetProperty("attachments")[0]));
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        _threatCase = Id(await OkAsync(await analyst.PostAsJsonAsync($"{t}/reports/{_threatReport}/triage", new { tier = "threat", priority = "expedited" })));
        _threatAssessment = Id(await OkAsync(await analyst.PostAsJsonAsync($"{t}/cases/{_threatCase}/assessments", ThreatAssessment())));
        _threatMeasure = Id(await OkAsync(await analyst.PostAsJsonAsync($"{t}/cases/{_threatCase}/measures",
            new { typeCode = "escort", assigneeUserId = _securityOfficer, startsOn = "2026-11-26" })));
        _threatTimeline = (await OkAsync(await analyst.GetAsync($"{t}/cases/{_threatCase}"))).GetProperty("timeline").GetArrayLength();

        // An advisory to the court's judges, a health notice to the demo judge, an incident with an open action item.
        _advisory = Id(await OkAsync(await analyst.PostAsJsonAsync($"{t}/advisories",
            new { audience = "group", role = Roles.Judge, unitId = DemoData.ShevchenkivskyiCourt, kind = "general", title = "Межі", body = "Перевірка меж" })));
        var judgeId = Id(await OkAsync(await judge.GetAsync("/api/v1/me")));
        var (_, medic) = await factory.CreateUserClientAsync(Roles.MedicalOfficer, DemoData.ShevchenkivskyiCourt);
        using (medic)
        {
            _healthNotice = Id(await OkAsync(await medic.PostAsJsonAsync($"{t}/health-notices", HealthNotice(judgeId))));
        }

        using var security = await factory.ClientAsAsync("security.officer");
        _incident = Id(await OkAsync(await security.PostAsJsonAsync($"{t}/incidents",
            new { courtId = DemoData.ShevchenkivskyiCourt, occurredAt = At(factory.Clock.GetUtcNow().AddHours(-2)), kind = "activist-misconduct", summary = "Перевірка меж" })));
        _actionItem = Id(await OkAsync(await security.PostAsJsonAsync($"{t}/incidents/{_incident}/actions",
            new { text = "Перевірка меж", ownerUserId = _securityOfficer, dueOn = "2026-12-31" })));
    }

    /// <summary>True/false questions are answered with choice 0 for TRUE, 1 for FALSE.</summary>
    private const int ResponseTrue = 0, ResponseFalse = 1;

    /// <summary>
    /// Kyiv training. A Kyiv trainer's published course whose one lesson tests with a true/false question (slot 1) and an
    /// essay (slot 2), and a draft course with a reflective question. A Kyiv learner got the true/false question wrong in
    /// the first attempt (a mistake card) and earned the certificate once the trainer marked the essay; the second attempt
    /// awaits the essay's mark, the third is in progress. The learner shared a journal entry; the trainer recorded a session.
    /// </summary>
    private async Task KyivTrainingAsync()
    {
        const string tr = "/api/v1/training";
        var trainer = _kyiv["trainer"] = (await factory.CreateUserClientAsync(Roles.Trainer, DemoData.KyivRegion)).Client;
        _course = NewCourseKey();
        await OkAsync(await trainer.PostAsJsonAsync($"{tr}/courses", CourseBody(_course, DemoData.KyivRegion, published: true)));
        _lesson = Id(await OkAsync(await trainer.PostAsJsonAsync($"{tr}/courses/{_course}/lessons", LessonBody("test"))));
        _lessonCard = Id(await OkAsync(await trainer.PostAsJsonAsync($"{tr}/lessons/{_lesson}/cards",
            new { frontUk = "Що таке динамічна безпека?", backUk = "Знання людей і обстановки", frontEn = "What is dynamic security?", backEn = "Knowing people and the setting" })));
        await OkAsync(await trainer.PostAsJsonAsync($"{tr}/lessons/{_lesson}/questions/gift", new
        {
            language = "uk", replace = false,
            gift = "::tf:: Динамічна безпека доповнює фізичну і процедурну. {TRUE}\n\n::essay:: Опишіть випадок зі своєї служби. {}\n",
        }));
        _draftCourse = NewCourseKey();
        await OkAsync(await trainer.PostAsJsonAsync($"{tr}/courses", CourseBody(_draftCourse, DemoData.KyivRegion, published: false)));
        _draftLesson = Id(await OkAsync(await trainer.PostAsJsonAsync($"{tr}/courses/{_draftCourse}/lessons", LessonBody("draft"))));
        _draftReflection = Id(await OkAsync(await trainer.PostAsJsonAsync($"{tr}/lessons/{_draftLesson}/reflections",
            new { textUk = "Що ви зробили б інакше?", textEn = "What would you do differently?" })));

        (_kyivLearner, var learner) = await factory.CreateUserClientAsync(Roles.Learner, DemoData.DetentionFacility1);
        _kyiv["learner"] = learner;
        var first = await SubmittedAttemptAsync(learner, ResponseFalse);
        await OkAsync(await trainer.PostAsJsonAsync($"{tr}/attempts/{first}/items/2/grade", new { fraction = 1.0, comment = "Добре" }));
        _essayAttempt = await SubmittedAttemptAsync(learner, ResponseTrue);
        var open = await OkAsync(await learner.PostAsync($"{tr}/lessons/{_lesson}/attempts", null));
        Assert.Equal("in-progress", open.GetProperty("status").GetString());
        _attempt = Id(open);
        _certificate = Id(Assert.Single((await OkAsync(await learner.GetAsync($"{tr}/certificates/mine"))).EnumerateArray()));
        _mistakeCard = Assert.Single((await OkAsync(await learner.GetAsync($"{tr}/cards/due"))).GetProperty("cards").EnumerateArray(),
            c => c.GetProperty("mistake").GetBoolean()).GetProperty("cardId").GetGuid();
        _journalEntry = Id(await OkAsync(await learner.PostAsJsonAsync($"{tr}/journal", new { text = "Запис для перевірки меж" })));
        await OkAsync(await learner.PostAsJsonAsync($"{tr}/journal/{_journalEntry}/share", new { shared = true }));
        _session = Id(await OkAsync(await trainer.PostAsJsonAsync($"{tr}/sessions", SessionBody(DemoData.KyivRegion, _course))));
    }

    /// <summary>An attempt at the Kyiv lesson, submitted with the true/false answer given and a written essay: it awaits the essay's mark.</summary>
    private async Task<Guid> SubmittedAttemptAsync(HttpClient learner, int trueFalse)
    {
        var attempt = Id(await OkAsync(await learner.PostAsync($"/api/v1/training/lessons/{_lesson}/attempts", null)));
        var responses = new Dictionary<string, object> { ["1"] = new { selected = new[] { trueFalse } }, ["2"] = new { text = "Розмова з затриманим зняла напругу." } };
        var submitted = await OkAsync(await learner.PostAsJsonAsync($"/api/v1/training/attempts/{attempt}/submit", new { responses }));
        Assert.Equal("needs-grading", submitted.GetProperty("status").GetString());
        return attempt;
    }

    /// <summary>Nothing the Lviv callers tried changed the Kyiv training.</summary>
    private async Task AssertKyivTrainingUnchangedAsync()
    {
        const string tr = "/api/v1/training";
        var learner = _kyiv["learner"];
        var open = await OkAsync(await learner.GetAsync($"{tr}/attempts/{_attempt}"));
        Assert.Equal("in-progress", open.GetProperty("status").GetString());
        Assert.All(open.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("response").ValueKind));
        Assert.Equal("needs-grading", (await OkAsync(await learner.GetAsync($"{tr}/attempts/{_essayAttempt}"))).GetProperty("status").GetString());
        var entry = (await OkAsync(await learner.GetAsync($"{tr}/journal"))).EnumerateArray().Single(e => Id(e) == _journalEntry);
        Assert.Equal("Запис для перевірки меж", entry.GetProperty("text").GetString());
        Assert.True(entry.GetProperty("shared").GetBoolean());
        Assert.Equal(0, entry.GetProperty("comments").GetArrayLength());

        var trainer = _kyiv["trainer"];
        var course = await OkAsync(await trainer.GetAsync($"{tr}/courses/{_course}/edit"));
        Assert.True(course.GetProperty("settings").GetProperty("published").GetBoolean());
        Assert.Equal("Курс для перевірки меж", course.GetProperty("settings").GetProperty("titleUk").GetString());
        var lesson = Assert.Single(course.GetProperty("lessons").EnumerateArray());
        Assert.Equal("Урок для перевірки меж", lesson.GetProperty("titleUk").GetString());
        // One card, still in the decks (withdrawn it would not count), and none added from the other region.
        Assert.Equal((1, 2, 0), (lesson.GetProperty("cards").GetInt32(), lesson.GetProperty("questionsUk").GetInt32(), lesson.GetProperty("reflections").GetInt32()));
        var session = (await OkAsync(await trainer.GetAsync($"{tr}/sessions"))).EnumerateArray().Single(x => Id(x) == _session);
        Assert.Equal(0, session.GetProperty("attendance").GetArrayLength());
        Assert.Contains((await OkAsync(await trainer.GetAsync($"{tr}/grading"))).EnumerateArray(), g => g.GetProperty("attemptId").GetGuid() == _essayAttempt);
        var shipped = await OkAsync(await learner.GetAsync($"{tr}/courses/dynamic-security"));
        Assert.True(shipped.GetProperty("published").GetBoolean());
        Assert.NotEqual("Чужий регіон", shipped.GetProperty("title").GetString());
    }

    private static string NewCourseKey() => "scope-" + Guid.NewGuid().ToString("N")[..10];

    private static object CourseBody(string key, Guid unitId, bool published, string titleUk = "Курс для перевірки меж") => new
    {
        key, unitId, titleUk, titleEn = "Scope check course", passPercent = 50, attemptsAllowed = 0, questionsPerTest = 0,
        behaviour = "immediate", penalty = 0.0, mandatoryRoles = Array.Empty<string>(), dueDays = 30, published,
    };

    private static object LessonBody(string? key, string titleUk = "Урок для перевірки меж") => new
    {
        key, titleUk, titleEn = "Scope check lesson", bodyUk = "Текст уроку.", bodyEn = "The lesson's text.",
    };

    private object SessionBody(Guid unitId, string courseKey) => new
    {
        unitId, courseKey, title = "Перша допомога", startsAt = At(factory.Clock.GetUtcNow().AddDays(3)), durationMinutes = 90, place = "Навчальний клас",
        firstAidPractice = true,
    };

    private object HealthNotice(Guid? recipient = null) => new
    {
        courtId = DemoData.ShevchenkivskyiCourt, hearingAt = At(factory.Clock.GetUtcNow().AddDays(1)), courtCaseNumber = "757/9/26",
        precautions = new[] { "masks" }, diagnosis = "Перевірка меж", recipients = new[] { recipient ?? Guid.NewGuid() },
    };

    private object ThreatReport() => new
    {
        courtId = DemoData.ShevchenkivskyiCourt, occurredAt = At(factory.Clock.GetUtcNow().AddHours(-1)), channel = "letter", target = "self",
        description = "Лист із погрозою для перевірки меж",
    };

    private static object ThreatAssessment() => new { stage = "ideation", behaviours = new[] { "fixation" }, riskLevel = "high", reasons = "Перевірка меж" };

    /// <summary>
    /// A review item of the Kyiv record: a complaint, queued by the oversight rules, which run in the background on the
    /// test clock; the clock is moved a scan interval at a time until the item is there (bounded).
    /// </summary>
    private async Task<Guid> ReviewItemAsync(HttpClient officer)
    {
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{_record}/entries",
            new Dictionary<string, object?> { ["type"] = "complaint", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["text"] = "Скарга для перевірки меж" }));
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        for (var i = 0; i < 100; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var queue = await OkAsync(await inspector.GetAsync("/api/v1/oversight/queue?rule=complaint"));
            if (queue.EnumerateArray().FirstOrDefault(x => x.GetProperty("recordId").GetGuid() == _record) is { ValueKind: JsonValueKind.Object } item)
            {
                return Id(item);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The oversight rules did not queue the complaint.");
    }

    /// <summary>A Kyiv grant to the demo external monitor, and a visit they started under it with the Kyiv record on its register.</summary>
    private async Task KyivGrantAndVisitAsync(HttpClient admin)
    {
        _monitor = (await OkAsync(await admin.GetAsync("/api/v1/oversight/grants/candidates"))).EnumerateArray()
            .First(c => c.GetProperty("displayName").GetString() == "Демо Зовнішній монітор").GetProperty("userId").GetGuid();
        _grant = Id(await OkAsync(await admin.PostAsJsonAsync("/api/v1/oversight/grants", GrantBody())));
        using var monitor = await factory.ClientAsAsync("external.monitor");
        var visit = await OkAsync(await monitor.PostAsJsonAsync($"/api/v1/oversight/my-grants/{_grant}/visits", new { facilityId = DemoData.DetentionFacility1 }));
        _visit = Id(visit);
        _visitLine = visit.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("recordId").GetString() == _record.ToString()).GetProperty("id").GetGuid();
    }

    private object FootageBody() => new
    {
        facilityId = DemoData.DetentionFacility1, cameraCode = "ITT1-CAM-01", from = At(factory.Clock.GetUtcNow().AddHours(-2)),
        to = At(factory.Clock.GetUtcNow().AddHours(-1)), reason = "Перевірка меж",
    };

    private object GrantBody() => new
    {
        granteeUserId = _monitor, body = "prosecutor", scopeUnitId = DemoData.KyivRegion, validFrom = At(factory.Clock.GetUtcNow().AddMinutes(-1)),
        validUntil = At(factory.Clock.GetUtcNow().AddDays(1)), purpose = "Перевірка меж",
    };

    private Dictionary<string, object?> BookIn() => CustodyBodies.BookIn(factory, "Межовий" + Guid.NewGuid().ToString("N")[..4]);

    private Dictionary<string, object?> Note() => new() { ["type"] = "note", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["text"] = "Для перевірки меж" };

    private object Shift() => new
    {
        userId = _securityOfficer,
        startsAt = At(factory.Clock.GetUtcNow().AddDays(_shiftDay).AddHours(14)), // clear of the demo roster's shifts
        endsAt = At(factory.Clock.GetUtcNow().AddDays(_shiftDay).AddHours(22)),
    };

    private static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static Guid Id(JsonElement body) => body.GetProperty("id").GetGuid();

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
