using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>
/// Every endpoint says who may use it, and every API endpoint is exercised here with a user of the wrong role
/// (and, where it acts on a resource, of the wrong scope). A new endpoint fails these tests until it is added.
/// </summary>
public sealed class EndpointAuthorizationTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    /// <summary>Reviewed anonymous endpoints, and why each is open.</summary>
    private static readonly HashSet<string> ReviewedAnonymous =
    [
        "POST /api/v1/auth/token",          // where credentials are exchanged for a token
        "ANY /health/live",                 // load balancer probes
        "ANY /health/ready",
        "GET /openapi/{documentName}.json", // the API description, no data
        "GET /api/reference/{documentName?}",
        "GET /api/reference/scalar.js",     // the API reference's own script and icon, public like the reference
        "GET /api/reference/scalar.aspnetcore.js",
        "GET /api/reference/favicon.svg",
        "GET /culture",                     // choosing a language before sign-in
        "GET /account/login",               // the sign-in pages themselves
        "POST /account/login",
        "GET /account/two-factor",
        "POST /account/two-factor",
        "GET /account/enrol",
        "POST /account/enrol",
        "GET /alarms/duress.webmanifest",   // the duress page's install manifest and service worker, no data
        "GET /alarms/duress-sw.js",
        "GET /account/denied",
        "POST /account/denied",
        "GET /api/v1/training/verify/{code}", // a certificate checked by whoever holds it: the 12-character code (31 letters) is the secret
        "GET /verify/{Code}",                 // the same check as a page, like the account pages open before sign-in
        "GET /api/v1/community/public/{token}",            // a survey's self-completion link: the 128-bit token is the secret, only an open survey answers
        "POST /api/v1/community/public/{token}/responses", // an anonymous response through that link: nothing of the sender is stored
        "GET /community/s/{token}",           // the self-completion page of that link (consent first), before any sign-in by design
        "GET /community/s/{token}/form",      // the form that page loads: the same as GET /api/v1/community/public/{token}
        "GET /community/collect/sw.js",       // the interviewer page's service worker script: code only, no data; the page and its form stay behind sign-in
        "POST /verify/{Code}",
    ];

    /// <summary>Each API endpoint with a signed-in user who must be refused, and the refusal expected.</summary>
    private static readonly (string Endpoint, string Url, string User, HttpStatusCode Expected)[] WrongRole =
    [
        ("GET /api/v1/me", "/api/v1/me", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/org/units", "/api/v1/org/units", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/audit/verify", "/api/v1/audit/verify", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/audit/checkpoint", "/api/v1/audit/checkpoint", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/audit/entries", "/api/v1/audit/entries", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/admin/users/", "/api/v1/admin/users", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/admin/users/{id:guid}", $"/api/v1/admin/users/{Guid.NewGuid()}", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/admin/users/", "/api/v1/admin/users", "custody.officer", HttpStatusCode.Forbidden),
        ("PUT /api/v1/admin/users/{id:guid}/roles", $"/api/v1/admin/users/{Guid.NewGuid()}/roles", "threat.analyst", HttpStatusCode.Forbidden),
        ("POST /api/v1/admin/users/{id:guid}/deactivate", $"/api/v1/admin/users/{Guid.NewGuid()}/deactivate", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/admin/users/{id:guid}/activate", $"/api/v1/admin/users/{Guid.NewGuid()}/activate", "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/admin/users/{id:guid}/unlock", $"/api/v1/admin/users/{Guid.NewGuid()}/unlock", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/admin/users/{id:guid}/reset-two-factor", $"/api/v1/admin/users/{Guid.NewGuid()}/reset-two-factor", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/facilities", "/api/v1/custody/facilities", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/facilities/{facilityId:guid}/cells", $"/api/v1/custody/facilities/{Demo.DemoData.DetentionFacility1}/cells", "custody.officer", HttpStatusCode.Forbidden),
        ("PUT /api/v1/custody/cells/{cellId:guid}", $"/api/v1/custody/cells/{Guid.NewGuid()}", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/entry-types", "/api/v1/custody/entry-types", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/records", "/api/v1/custody/records", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/records", "/api/v1/custody/records?query=Ви", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/records/{id:guid}", $"/api/v1/custody/records/{Guid.NewGuid()}", "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/records/{id:guid}/entries", $"/api/v1/custody/records/{Guid.NewGuid()}/entries", "rights.inspector", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/records/{id:guid}/entries/{entryId:guid}/corrections", $"/api/v1/custody/records/{Guid.NewGuid()}/entries/{Guid.NewGuid()}/corrections", "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/records/{id:guid}/release", $"/api/v1/custody/records/{Guid.NewGuid()}/release", "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/records/{id:guid}/transfer", $"/api/v1/custody/records/{Guid.NewGuid()}/transfer", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/board", $"/api/v1/custody/board?facilityId={Demo.DemoData.DetentionFacility1}", "admin", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/facilities/{facilityId:guid}/settings", $"/api/v1/custody/facilities/{Demo.DemoData.DetentionFacility1}/settings", "judge", HttpStatusCode.Forbidden),
        ("PUT /api/v1/custody/facilities/{facilityId:guid}/settings", $"/api/v1/custody/facilities/{Demo.DemoData.DetentionFacility1}/settings", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/overdue", "/api/v1/custody/overdue", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/retention/preview", "/api/v1/custody/retention/preview", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/retention/run", "/api/v1/custody/retention/run", "rights.inspector", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/signals", "/api/v1/alarms/signals", "judge", HttpStatusCode.Unauthorized), // a person's token is no device credential
        ("GET /api/v1/alarms/sites", "/api/v1/alarms/sites", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/devices", "/api/v1/alarms/devices", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/zones", "/api/v1/alarms/zones", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/devices", "/api/v1/alarms/devices", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/open", "/api/v1/alarms/open", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/feed", "/api/v1/alarms/feed", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/stream", "/api/v1/alarms/stream", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/{id:guid}", $"/api/v1/alarms/{Guid.NewGuid()}", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/{id:guid}/acknowledge", $"/api/v1/alarms/{Guid.NewGuid()}/acknowledge", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/{id:guid}/dispatch", $"/api/v1/alarms/{Guid.NewGuid()}/dispatch", "threat.analyst", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/{id:guid}/resolve", $"/api/v1/alarms/{Guid.NewGuid()}/resolve", "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/{id:guid}/notes", $"/api/v1/alarms/{Guid.NewGuid()}/notes", "admin", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/sites/{siteId:guid}/responders", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/responders", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/my-dispatches", "/api/v1/alarms/my-dispatches", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/stats", "/api/v1/alarms/stats", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/tests/untested", "/api/v1/alarms/tests/untested", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/sites/{siteId:guid}/arming", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/arming", "judge", HttpStatusCode.Forbidden),
        ("PUT /api/v1/alarms/sites/{siteId:guid}/arming", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/arming", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/medical-profile/me", "/api/v1/alarms/medical-profile/me", "dispatcher", HttpStatusCode.Forbidden),
        ("PUT /api/v1/alarms/medical-profile/me", "/api/v1/alarms/medical-profile/me", "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/medical-profile/me/withdraw", "/api/v1/alarms/medical-profile/me/withdraw", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/{id:guid}/medical-profile", $"/api/v1/alarms/{Guid.NewGuid()}/medical-profile", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/devices/{id:guid}/dc09-key", $"/api/v1/alarms/devices/{Guid.NewGuid()}/dc09-key", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/alarms/sites/{siteId:guid}/duty", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/duty", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/sites/{siteId:guid}/duty", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/duty", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/alarms/sites/{siteId:guid}/duty/{shiftId:guid}/cancel", $"/api/v1/alarms/sites/{Demo.DemoData.ShevchenkivskyiCourt}/duty/{Guid.NewGuid()}/cancel", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/alerts", $"/api/v1/custody/alerts?facilityId={Demo.DemoData.DetentionFacility1}", "threat.analyst", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/queue", "/api/v1/oversight/queue", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/queue/{id:guid}", $"/api/v1/oversight/queue/{Guid.NewGuid()}", "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/queue/{id:guid}/findings", $"/api/v1/oversight/queue/{Guid.NewGuid()}/findings", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/queue/{id:guid}/close", $"/api/v1/oversight/queue/{Guid.NewGuid()}/close", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/catalogue", "/api/v1/oversight/catalogue", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/dashboard", "/api/v1/oversight/dashboard", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/queue/{id:guid}/findings/{findingId:guid}/follow-up", $"/api/v1/oversight/queue/{Guid.NewGuid()}/findings/{Guid.NewGuid()}/follow-up",
            "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/grants", "/api/v1/oversight/grants", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/grants", "/api/v1/oversight/grants", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/grants/candidates", "/api/v1/oversight/grants/candidates", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/grants/{id:guid}/revoke", $"/api/v1/oversight/grants/{Guid.NewGuid()}/revoke", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/my-grants", "/api/v1/oversight/my-grants", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/my-grants/{grantId:guid}/records", $"/api/v1/oversight/my-grants/{Guid.NewGuid()}/records", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/my-grants/{grantId:guid}/records/{recordId:guid}", $"/api/v1/oversight/my-grants/{Guid.NewGuid()}/records/{Guid.NewGuid()}",
            "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/my-grants/{grantId:guid}/visits", $"/api/v1/oversight/my-grants/{Guid.NewGuid()}/visits", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/visits/{id:guid}", $"/api/v1/oversight/visits/{Guid.NewGuid()}", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/visits/{id:guid}/lines/{lineId:guid}", $"/api/v1/oversight/visits/{Guid.NewGuid()}/lines/{Guid.NewGuid()}", "custody.officer",
            HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/visits/{id:guid}/unregistered", $"/api/v1/oversight/visits/{Guid.NewGuid()}/unregistered", "rights.inspector", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/visits/{id:guid}/close", $"/api/v1/oversight/visits/{Guid.NewGuid()}/close", "admin", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/grantee-views", "/api/v1/oversight/grantee-views", "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/footage-requests", "/api/v1/oversight/footage-requests", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/footage-requests", "/api/v1/oversight/footage-requests", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/footage-requests/{id:guid}/decision", $"/api/v1/oversight/footage-requests/{Guid.NewGuid()}/decision", "rights.inspector",
            HttpStatusCode.Forbidden),
        ("POST /api/v1/oversight/footage-requests/{id:guid}/views", $"/api/v1/oversight/footage-requests/{Guid.NewGuid()}/views", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/custody/facilities/{facilityId:guid}/cameras", $"/api/v1/custody/facilities/{Demo.DemoData.DetentionFacility1}/cameras", "dispatcher",
            HttpStatusCode.Forbidden),
        ("POST /api/v1/custody/facilities/{facilityId:guid}/cameras", $"/api/v1/custody/facilities/{Demo.DemoData.DetentionFacility1}/cameras", "custody.officer",
            HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/records/{id:guid}/pdf", $"/api/v1/oversight/records/{Guid.NewGuid()}/pdf", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/people/{personId:guid}/export", $"/api/v1/oversight/people/{Guid.NewGuid()}/export", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/reports", $"/api/v1/oversight/reports?unit={Demo.DemoData.KyivRegion}&from=2026-11-01&to=2026-11-30", "dispatcher",
            HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/reports/csv", $"/api/v1/oversight/reports/csv?unit={Demo.DemoData.KyivRegion}&from=2026-11-01&to=2026-11-30",
            "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/oversight/reports/chart", $"/api/v1/oversight/reports/chart?unit={Demo.DemoData.KyivRegion}&from=2026-11-01&to=2026-11-30",
            "external.monitor", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/reports", "/api/v1/threats/reports", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/reports/mine", "/api/v1/threats/reports/mine", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/reports/{id:guid}", $"/api/v1/threats/reports/{Guid.NewGuid()}", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/attachments/{id:guid}", $"/api/v1/threats/attachments/{Guid.NewGuid()}", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/courts", "/api/v1/threats/courts", "external.monitor", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/courts/{id:guid}/people", $"/api/v1/threats/courts/{Demo.DemoData.ShevchenkivskyiCourt}/people", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/triage", "/api/v1/threats/triage", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/reports/{id:guid}/triage", $"/api/v1/threats/reports/{Guid.NewGuid()}/triage", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/cases", "/api/v1/threats/cases", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/cases/{id:guid}", $"/api/v1/threats/cases/{Guid.NewGuid()}", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/cases/{id:guid}", $"/api/v1/threats/cases/{Guid.NewGuid()}", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/cases/{id:guid}/persons", $"/api/v1/threats/cases/{Guid.NewGuid()}/persons", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/cases/{id:guid}/notes", $"/api/v1/threats/cases/{Guid.NewGuid()}/notes", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/dashboard", "/api/v1/threats/dashboard", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/cases/{id:guid}/assessments", $"/api/v1/threats/cases/{Guid.NewGuid()}/assessments", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/assessments/{id:guid}/review", $"/api/v1/threats/assessments/{Guid.NewGuid()}/review", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/measure-types", "/api/v1/threats/measure-types", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/measure-types", "/api/v1/threats/measure-types", "threat.analyst", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/cases/{id:guid}/measures", $"/api/v1/threats/cases/{Guid.NewGuid()}/measures", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/measures/{id:guid}/status", $"/api/v1/threats/measures/{Guid.NewGuid()}/status", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/my-protection", "/api/v1/threats/my-protection", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/advisories", "/api/v1/threats/advisories", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/advisories", "/api/v1/threats/advisories", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/advisories/mine", "/api/v1/threats/advisories/mine", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/advisories/{id:guid}/read", $"/api/v1/threats/advisories/{Guid.NewGuid()}/read", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/recommendation-requests", "/api/v1/threats/recommendation-requests", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/recommendation-requests/mine", "/api/v1/threats/recommendation-requests/mine", "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/recommendation-requests", "/api/v1/threats/recommendation-requests", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/health-notices", "/api/v1/threats/health-notices", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/health-notices", "/api/v1/threats/health-notices", "threat.analyst", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/health-notices/mine", "/api/v1/threats/health-notices/mine", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/health-notices/{id:guid}/read", $"/api/v1/threats/health-notices/{Guid.NewGuid()}/read", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/incidents", "/api/v1/threats/incidents", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/incidents", "/api/v1/threats/incidents", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/incidents/{id:guid}", $"/api/v1/threats/incidents/{Guid.NewGuid()}", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/incidents/{id:guid}/debrief", $"/api/v1/threats/incidents/{Guid.NewGuid()}/debrief", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/incidents/{id:guid}/actions", $"/api/v1/threats/incidents/{Guid.NewGuid()}/actions", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/incidents/{id:guid}/close", $"/api/v1/threats/incidents/{Guid.NewGuid()}/close", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/threats/action-items/{id:guid}/done", $"/api/v1/threats/action-items/{Guid.NewGuid()}/done", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/action-items/mine", "/api/v1/threats/action-items/mine", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/incidents/alarms", "/api/v1/threats/incidents/alarms", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/threats/lessons", "/api/v1/threats/lessons", "judge", HttpStatusCode.Forbidden),
        // Training. Every role may learn (every user of Varta is a learner), so a learner's route has no wrong role: what it
        // must refuse is a caller who is not signed in (401), as GET /api/v1/me does. Teaching, editing courses and reading
        // people's progress are the trainer's (and, for progress, the unit head's), so anyone else is refused (403).
        ("GET /api/v1/training/courses", "/api/v1/training/courses", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/courses/{key}", "/api/v1/training/courses/dynamic-security", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/courses/{key}/lessons/{lesson}", "/api/v1/training/courses/dynamic-security/lessons/01-overview", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/lessons/{id:guid}/read", $"/api/v1/training/lessons/{Guid.NewGuid()}/read", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/cards/due", "/api/v1/training/cards/due", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/cards/{id:guid}/review", $"/api/v1/training/cards/{Guid.NewGuid()}/review", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/settings", "/api/v1/training/settings", "", HttpStatusCode.Unauthorized),
        ("PUT /api/v1/training/settings", "/api/v1/training/settings", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/cards/forecast", "/api/v1/training/cards/forecast", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/cards/forecast.png", "/api/v1/training/cards/forecast.png", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/lessons/{id:guid}/attempts", $"/api/v1/training/lessons/{Guid.NewGuid()}/attempts", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/attempts/{id:guid}", $"/api/v1/training/attempts/{Guid.NewGuid()}", "", HttpStatusCode.Unauthorized),
        ("PUT /api/v1/training/attempts/{id:guid}/items/{slot:int}", $"/api/v1/training/attempts/{Guid.NewGuid()}/items/1", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/attempts/{id:guid}/items/{slot:int}/check", $"/api/v1/training/attempts/{Guid.NewGuid()}/items/1/check", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/attempts/{id:guid}/submit", $"/api/v1/training/attempts/{Guid.NewGuid()}/submit", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/journal", "/api/v1/training/journal", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/journal", "/api/v1/training/journal", "", HttpStatusCode.Unauthorized),
        ("PUT /api/v1/training/journal/{id:guid}", $"/api/v1/training/journal/{Guid.NewGuid()}", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/journal/{id:guid}/share", $"/api/v1/training/journal/{Guid.NewGuid()}/share", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/certificates/mine", "/api/v1/training/certificates/mine", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/certificates/{id:guid}/pdf", $"/api/v1/training/certificates/{Guid.NewGuid()}/pdf", "", HttpStatusCode.Unauthorized),
        ("POST /api/v1/training/certificates/{id:guid}/revoke", $"/api/v1/training/certificates/{Guid.NewGuid()}/revoke", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/sessions", "/api/v1/training/sessions", "", HttpStatusCode.Unauthorized),
        ("GET /api/v1/training/journal/shared", "/api/v1/training/journal/shared", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/journal/{id:guid}/comments", $"/api/v1/training/journal/{Guid.NewGuid()}/comments", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/grading", "/api/v1/training/grading", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/attempts/{id:guid}/items/{slot:int}/grade", $"/api/v1/training/attempts/{Guid.NewGuid()}/items/1/grade", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/sessions", "/api/v1/training/sessions", "dispatcher", HttpStatusCode.Forbidden),
        ("PUT /api/v1/training/sessions/{id:guid}/attendance", $"/api/v1/training/sessions/{Guid.NewGuid()}/attendance", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/sessions/{id:guid}/candidates", $"/api/v1/training/sessions/{Guid.NewGuid()}/candidates", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/people", "/api/v1/training/people", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/courses/{key}/item-analysis", "/api/v1/training/courses/dynamic-security/item-analysis", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/courses", "/api/v1/training/courses", "admin", HttpStatusCode.Forbidden),
        ("PUT /api/v1/training/courses/{key}", "/api/v1/training/courses/dynamic-security", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/courses/{key}/edit", "/api/v1/training/courses/dynamic-security/edit", "security.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/courses/{key}/lessons", "/api/v1/training/courses/dynamic-security/lessons", "admin", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/lessons/{id:guid}/edit", $"/api/v1/training/lessons/{Guid.NewGuid()}/edit", "judge", HttpStatusCode.Forbidden),
        ("PUT /api/v1/training/lessons/{id:guid}", $"/api/v1/training/lessons/{Guid.NewGuid()}", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/lessons/{id:guid}/cards", $"/api/v1/training/lessons/{Guid.NewGuid()}/cards", "dispatcher", HttpStatusCode.Forbidden),
        ("PUT /api/v1/training/cards/{id:guid}/retired", $"/api/v1/training/cards/{Guid.NewGuid()}/retired", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/lessons/{id:guid}/reflections", $"/api/v1/training/lessons/{Guid.NewGuid()}/reflections", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/training/lessons/{id:guid}/questions/gift", $"/api/v1/training/lessons/{Guid.NewGuid()}/questions/gift", "threat.analyst", HttpStatusCode.Forbidden),
        ("GET /api/v1/training/lessons/{id:guid}/questions/gift", $"/api/v1/training/lessons/{Guid.NewGuid()}/questions/gift?language=uk", "security.officer",
            HttpStatusCode.Forbidden),
        ("POST /api/v1/community/territories/import", "/api/v1/community/territories/import", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/population/import", "/api/v1/community/population/import", "trainer", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/territories", "/api/v1/community/territories", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/territories/{code}", "/api/v1/community/territories/UA01000000000011111", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/territories/{code}/population", "/api/v1/community/territories/UA01000000000011111/population", "dispatcher", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/surveys", "/api/v1/community/surveys", "admin", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys", "/api/v1/community/surveys", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}", $"/api/v1/community/surveys/{Guid.NewGuid()}", "custody.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/xlsform", $"/api/v1/community/surveys/{Guid.NewGuid()}/xlsform", "trainer", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/surveys/{id:guid}/status", $"/api/v1/community/surveys/{Guid.NewGuid()}/status", "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/surveys/{id:guid}/responses", $"/api/v1/community/surveys/{Guid.NewGuid()}/responses", "security.officer", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/results", $"/api/v1/community/surveys/{Guid.NewGuid()}/results?question=q", "threat.analyst", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/responses.csv", $"/api/v1/community/surveys/{Guid.NewGuid()}/responses.csv", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/report", $"/api/v1/community/surveys/{Guid.NewGuid()}/report", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/report.pdf", $"/api/v1/community/surveys/{Guid.NewGuid()}/report.pdf", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/surveys/{id:guid}/findings", $"/api/v1/community/surveys/{Guid.NewGuid()}/findings", "admin", HttpStatusCode.Forbidden),
        ("PUT /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}", $"/api/v1/community/surveys/{Guid.NewGuid()}/findings/{Guid.NewGuid()}", "trainer",
            HttpStatusCode.Forbidden),
        ("POST /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}/withdrawal", $"/api/v1/community/surveys/{Guid.NewGuid()}/findings/{Guid.NewGuid()}/withdrawal",
            "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/findings/{findingId:guid}/history", $"/api/v1/community/surveys/{Guid.NewGuid()}/findings/{Guid.NewGuid()}/history",
            "rights.inspector", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/findings/withdrawn", $"/api/v1/community/surveys/{Guid.NewGuid()}/findings/withdrawn", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/surveys/{id:guid}/compare", $"/api/v1/community/surveys/{Guid.NewGuid()}/compare?with={Guid.NewGuid()}", "judge", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/indicators/import", "/api/v1/community/indicators/import", "dispatcher", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/territories/{code}/indicators", "/api/v1/community/territories/UA01000000000011111/indicators", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/recommendations/overview", "/api/v1/community/recommendations/overview", "custody.officer", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/recommendations", "/api/v1/community/recommendations", "admin", HttpStatusCode.Forbidden),
        ("POST /api/v1/community/recommendations/{id:guid}/updates", $"/api/v1/community/recommendations/{Guid.NewGuid()}/updates", "trainer", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/recommendations", "/api/v1/community/recommendations", "judge", HttpStatusCode.Forbidden),
        ("GET /api/v1/community/recommendations/{id:guid}", $"/api/v1/community/recommendations/{Guid.NewGuid()}", "security.officer", HttpStatusCode.Forbidden),
    ];

    [Fact]
    public void Every_endpoint_has_an_authorization_rule_and_anonymous_ones_are_reviewed()
    {
        var missing = new List<string>();
        var unreviewed = new List<string>();
        foreach (var (name, endpoint) in Endpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var rule = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()
                || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any();
            if (anonymous && !ReviewedAnonymous.Contains(name) && !IsStaticAsset(endpoint))
            {
                unreviewed.Add(name);
            }
            else if (!anonymous && !rule && !IsFrameworkPlumbing(name))
            {
                missing.Add(name);
            }
        }

        Assert.True(missing.Count == 0, "Endpoints without an authorization rule: " + string.Join(", ", missing));
        Assert.True(unreviewed.Count == 0, "Anonymous endpoints not reviewed: " + string.Join(", ", unreviewed));
    }

    /// <summary>Reviewed endpoints open to every signed-in user: each answers only about the caller.</summary>
    private static readonly HashSet<string> AnySignedInUser =
    [
        "GET /api/v1/me",        // who am I
        "GET /api/v1/org/units", // the part of the tree the caller's roles cover
    ];

    [Fact]
    public async Task Every_API_endpoint_and_hub_names_the_operation_policy_it_requires()
    {
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var unnamed = new List<string>();
        foreach (var (name, endpoint) in Endpoints().Where(e => (e.Name.Contains(" /api/", StringComparison.Ordinal) || e.Name.Contains(" /hubs/", StringComparison.Ordinal))
                     && !ReviewedAnonymous.Contains(e.Name) && !AnySignedInUser.Contains(e.Name)))
        {
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            if (named.Count == 0 || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any())
            {
                unnamed.Add(name); // none named, or an inline policy beside it that a reader of the endpoint cannot see by name
            }

            foreach (var policy in named)
            {
                Assert.True(await policies.GetPolicyAsync(policy) is not null, $"{name} names the unregistered policy '{policy}'");
            }
        }

        Assert.True(unnamed.Count == 0, "Endpoints without a named operation policy: " + string.Join(", ", unnamed.Distinct()));
    }

    [Fact]
    public void Every_API_endpoint_has_a_wrong_role_case_here()
    {
        var api = Endpoints().Select(e => e.Name).Where(n => n.Contains(" /api/v1/", StringComparison.Ordinal) && !ReviewedAnonymous.Contains(n)).ToHashSet();
        var covered = WrongRole.Select(w => w.Endpoint).ToHashSet();
        Assert.Empty(api.Except(covered));
    }

    [Fact]
    public async Task Every_API_endpoint_refuses_the_wrong_role()
    {
        foreach (var (endpoint, url, user, expected) in WrongRole)
        {
            using var client = user == "" ? factory.Anonymous() : await factory.ClientAsAsync(user);
            var method = new HttpMethod(endpoint.Split(' ')[0]);
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post || method == HttpMethod.Put)
            {
                request.Content = JsonContent.Create(new { });
            }

            var response = await client.SendAsync(request);
            Assert.True(expected == response.StatusCode, $"{endpoint} as '{user}': expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    private IEnumerable<(string Name, Endpoint Endpoint)> Endpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                yield return ($"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", endpoint);
            }
        }
    }

    // Files that MapStaticAssets serves (scripts, styles) carry its descriptor; a route is never exempt for its shape.
    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets");

    // The Blazor circuit's own endpoints and the missing-static-file fallback carry no metadata; the fallback
    // policy (signed-in users only) covers them.
    private static bool IsFrameworkPlumbing(string name) => name.Contains("/_blazor", StringComparison.Ordinal) || name.Contains("/_framework", StringComparison.Ordinal)
        || name.EndsWith(":file}", StringComparison.Ordinal);
}
