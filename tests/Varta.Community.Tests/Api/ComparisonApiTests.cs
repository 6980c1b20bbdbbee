using System.Net;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Community.Tests.Api.CommunityApi;

namespace Varta.Community.Tests.Api;

/// <summary>Two periods of the same territory compared through the API (a host of its own: the codifier import retires what it does not list).</summary>
public sealed class ComparisonApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Oblast = "UA03000000000011111";
    private const string Raion = "UA03020000000022222";
    private const string Hromada = "UA03020030000033333";
    private const string OtherHromada = "UA03020050000077777";

    private static JsonElement Line(JsonElement comparison, string value) =>
        comparison.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("value").GetString() == value);

    [Fact]
    public async Task Two_periods_are_compared_with_the_difference_and_its_test_suppression_on_both_sides_and_scope_kept()
    {
        using var admin = await factory.ClientAsAsync("admin");
        await CodifierAsync(admin, Oblast, Raion, Hromada, OtherHromada);
        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        var lviv = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;

        // No population is imported: the shares are unweighted, so the effective sizes are the respondents.
        var autumn = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Hromada, "2025-10-01", "2025-10-31");
        var spring = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Hromada, "2026-04-01", "2026-04-30");
        var small = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, Hromada, "2026-10-01", "2026-10-31");
        var elsewhere = await OpenSurveyAsync(coordinator, DemoData.KyivRegion, OtherHromada, "2026-04-01", "2026-04-30");
        var lvivSurvey = await OpenSurveyAsync(lviv, DemoData.LvivRegion, Hromada, "2026-04-01", "2026-04-30");
        await RespondAsync(auditor, autumn, Hromada, 40, 10);
        await RespondAsync(auditor, spring, Hromada, 60, 30);
        await RespondAsync(auditor, small, Hromada, 15, 3);

        // 10 of 40 (25 %) against 30 of 60 (50 %): +25 points; pooled 0.4, SE = √(0.24 × (1/40 + 1/60)) = 0.1, z = 2.5,
        // p = 2 (1 − Φ(2.5)) = 0.0124. The Wilson intervals (14.2–40.2 % and 37.7–62.3 %) still overlap: the test is the finer reading.
        var compared = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{autumn}/compare?with={spring}&question=feel_safe"));
        Assert.Equal((Hromada, "2025-10-01", "2026-04-01"), (compared.GetProperty("area").GetString(),
            compared.GetProperty("first").GetProperty("periodFrom").GetString(), compared.GetProperty("second").GetProperty("periodFrom").GetString()));
        Assert.Equal((40, 60), (compared.GetProperty("first").GetProperty("result").GetProperty("respondents").GetInt32(),
            compared.GetProperty("second").GetProperty("result").GetProperty("respondents").GetInt32()));
        var yes = Line(compared, "yes");
        Assert.Equal(0.25, yes.GetProperty("firstShare").GetDouble(), 12);
        Assert.Equal(0.5, yes.GetProperty("secondShare").GetDouble(), 12);
        Assert.Equal(0.25, yes.GetProperty("difference").GetDouble(), 12);
        Assert.Equal(0.0656, yes.GetProperty("differenceLower").GetDouble(), 4);
        Assert.Equal(0.4344, yes.GetProperty("differenceUpper").GetDouble(), 4);
        Assert.Equal((2.5, 0.0124), (yes.GetProperty("z").GetDouble(), yes.GetProperty("pValue").GetDouble()));
        Assert.True(yes.GetProperty("significant").GetBoolean());
        Assert.True(yes.GetProperty("intervalsOverlap").GetBoolean());
        Assert.Equal(-2.5, Line(compared, "no").GetProperty("z").GetDouble());

        // Asked from the later survey, the earlier period still comes first: the same figures.
        var reversed = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{spring}/compare?with={autumn}&question=feel_safe"));
        Assert.Equal(autumn, reversed.GetProperty("first").GetProperty("surveyId").GetGuid());
        Assert.Equal(0.25, Line(reversed, "yes").GetProperty("difference").GetDouble(), 12);

        // 3 of 15 is below the threshold of 10, and "no" (12) would give it away by subtraction: nothing compared.
        var suppressed = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{spring}/compare?with={small}&question=feel_safe&area={Hromada}"));
        Assert.All(suppressed.GetProperty("answers").EnumerateArray(), a =>
        {
            Assert.True(a.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, a.GetProperty("difference").ValueKind);
            Assert.Equal(JsonValueKind.Null, a.GetProperty("secondShare").ValueKind);
        });
        Assert.Equal(0.5, Line(suppressed, "yes").GetProperty("firstShare").GetDouble(), 12);
        Assert.Equal(small, suppressed.GetProperty("second").GetProperty("surveyId").GetGuid());

        // Bad requests name their field; a survey outside the caller's scope is unknown to it, on either side.
        var other = await ProblemAsync(await auditor.GetAsync($"{Base}/surveys/{autumn}/compare?with={elsewhere}&question=feel_safe"), HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("with", out _));
        var missing = await ProblemAsync(await auditor.GetAsync($"{Base}/surveys/{autumn}/compare?question=feel_safe"), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("with", out _));
        var question = await ProblemAsync(await auditor.GetAsync($"{Base}/surveys/{autumn}/compare?with={spring}&question=sexes"), HttpStatusCode.BadRequest);
        Assert.True(question.GetProperty("errors").TryGetProperty("question", out _));
        await ProblemAsync(await auditor.GetAsync($"{Base}/surveys/{autumn}/compare?with={lvivSurvey}&question=feel_safe"), HttpStatusCode.NotFound);
        await ProblemAsync(await lviv.GetAsync($"{Base}/surveys/{lvivSurvey}/compare?with={autumn}&question=feel_safe"), HttpStatusCode.NotFound);
        await ProblemAsync(await lviv.GetAsync($"{Base}/surveys/{autumn}/compare?with={lvivSurvey}&question=feel_safe"), HttpStatusCode.NotFound);
        using var judge = await factory.ClientAsAsync("judge");
        await ProblemAsync(await judge.GetAsync($"{Base}/surveys/{autumn}/compare?with={spring}&question=feel_safe"), HttpStatusCode.Forbidden);
    }
}
