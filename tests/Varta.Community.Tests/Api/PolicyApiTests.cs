using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Community.Tests.Api;

/// <summary>Indicators per 10,000 residents and a local security policy tracked to outcome (a host of its own).</summary>
public sealed class PolicyApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Base = "/api/v1/community";
    private const string Oblast = "UA05000000000011111";
    private const string Hromada = "UA05020030000033333";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Indicators_read_per_10000_residents_and_recommendations_are_tracked_to_their_outcome()
    {
        using var admin = await factory.ClientAsAsync("admin");
        await OkAsync(await admin.PostAsync($"{Base}/territories/import", Csv(string.Join("\n",
            "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта",
            $"{Oblast};;;;;O;Вигадана область",
            $"{Oblast};UA05020000000022222;;;;P;Вигаданий район",
            $"{Oblast};UA05020000000022222;{Hromada};;;H;Вигадана громада"))));
        await OkAsync(await admin.PostAsync($"{Base}/population/import", Csv($"katotth,year,sex,age_group,count\n{Hromada},2025,f,a18_64,12000\n{Hromada},2025,m,a18_64,8000")));

        // 20,000 residents: 50 thefts are 25 per 10,000; 40 the year before, so +25 %.
        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        await OkAsync(await coordinator.PostAsync($"{Base}/indicators/import",
            Csv($"katotth,year,indicator,value,source\n{Hromada},2024,offences.theft,40,police\n{Hromada},2025,offences.theft,50,police\n{Hromada},2025,road.accidents,7,police\n{Hromada},2025,calls.bridge,3,council")));
        var bad = await ProblemAsync(await coordinator.PostAsync($"{Base}/indicators/import", Csv("katotth,year,indicator,value\nUA09999999999999999,2025,x,1\n")),
            HttpStatusCode.BadRequest);
        Assert.Contains("row 2", (await ProblemAsync(await WithEnglish(coordinator).PostAsync($"{Base}/indicators/import",
            Csv("katotth,year,indicator,value\nUA09999999999999999,2025,x,1\n")), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString(),
            StringComparison.Ordinal);
        Assert.True(bad.GetProperty("errors").GetProperty("file").GetArrayLength() > 0);
        var indicators = await OkAsync(await coordinator.GetAsync($"{Base}/territories/{Hromada}/indicators"));
        Assert.Equal(20000, indicators.GetProperty("population").GetInt32());
        var theft = indicators.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("indicator").GetString() == "offences.theft" && v.GetProperty("year").GetInt32() == 2025);
        Assert.Equal(25.0, theft.GetProperty("per10k").GetDouble(), 1e-9);
        Assert.Equal(25.0, theft.GetProperty("changePercent").GetDouble(), 1e-9);

        // A code Varta knows is named in the caller's language; another keeps the code it was imported with.
        using var inUkrainian = new HttpRequestMessage(HttpMethod.Get, $"{Base}/territories/{Hromada}/indicators");
        inUkrainian.Headers.AcceptLanguage.ParseAdd("uk");
        var ukrainian = await OkAsync(await coordinator.SendAsync(inUkrainian));
        var english = await OkAsync(await WithEnglish(coordinator).GetAsync($"{Base}/territories/{Hromada}/indicators"));
        string Label(JsonElement dto, string code) => dto.GetProperty("values").EnumerateArray().First(v => v.GetProperty("indicator").GetString() == code).GetProperty("label").GetString()!;
        Assert.Equal(("Thefts", "Road accidents", "calls.bridge"), (Label(english, "offences.theft"), Label(english, "road.accidents"), Label(english, "calls.bridge")));
        Assert.Equal(("Крадіжки", "calls.bridge"), (Label(ukrainian, "offences.theft"), Label(ukrainian, "calls.bridge")));
        await ProblemAsync(await coordinator.GetAsync($"{Base}/territories/UA123/indicators"), HttpStatusCode.BadRequest);

        // A SMART recommendation; each missing part is named.
        var missing = await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations", new { unitId = DemoData.KyivRegion, territoryCode = Hromada, title = "Без деталей" }),
            HttpStatusCode.BadRequest);
        foreach (var field in new[] { "owner", "indicator", "deadline", "baseline", "target", "targetGroup" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var created = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations", new
        {
            unitId = DemoData.KyivRegion, territoryCode = Hromada, title = "Освітлення дороги до школи", targetGroup = "children", owner = "Відділ благоустрою громади",
            deadline = today.AddDays(30).ToString("yyyy-MM-dd"), indicator = "offences.theft per 10,000", baseline = 25.0, target = 15.0,
        }));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("on-track", created.GetProperty("state").GetString());
        var late = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations", new
        {
            unitId = DemoData.KyivRegion, territoryCode = Hromada, title = "Патрулювання парку", targetGroup = "women", owner = "Поліція громади",
            deadline = today.AddDays(-1).ToString("yyyy-MM-dd"), indicator = "calls per 10,000", baseline = 5.0, target = 3.0,
        }));
        Assert.Equal("late", late.GetProperty("state").GetString());

        // Progress: from 25 towards 15, now 20: half way.
        var updated = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations/{id}/updates",
            new { on = today.ToString("yyyy-MM-dd"), status = "in-progress", value = 20.0, note = "Встановлено 12 ліхтарів", version = 1 }));
        Assert.Equal(50.0, updated.GetProperty("progressPercent").GetDouble(), 1e-9);
        await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations/{id}/updates",
            new { on = today.ToString("yyyy-MM-dd"), status = "in-progress", value = 19.0, version = 1 }), HttpStatusCode.Conflict);
        await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations/{id}/updates",
            new { on = today.AddDays(1).ToString("yyyy-MM-dd"), status = "achieved" }), HttpStatusCode.BadRequest);
        await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations/{id}/updates", new { on = today.ToString("yyyy-MM-dd"), status = "achieved", value = 14.0 }));
        await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base}/recommendations/{id}/updates", new { on = today.ToString("yyyy-MM-dd"), status = "in-progress" }),
            HttpStatusCode.Conflict);

        var overview = await OkAsync(await coordinator.GetAsync($"{Base}/recommendations/overview"));
        var line = overview.EnumerateArray().Single(l => l.GetProperty("territoryCode").GetString() == Hromada);
        Assert.Equal((0, 1, 1, 2), (line.GetProperty("onTrack").GetInt32(), line.GetProperty("late").GetInt32(), line.GetProperty("achieved").GetInt32(), line.GetProperty("total").GetInt32()));
        var byOblast = await OkAsync(await coordinator.GetAsync($"{Base}/recommendations/overview?by=oblast"));
        Assert.Equal(2, byOblast.EnumerateArray().Single(l => l.GetProperty("territoryCode").GetString() == Oblast).GetProperty("total").GetInt32());

        // Another region's coordinator sees none of it.
        var lviv = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.LvivRegion)).Client;
        Assert.Empty((await OkAsync(await lviv.GetAsync($"{Base}/recommendations"))).EnumerateArray());
        await ProblemAsync(await lviv.GetAsync($"{Base}/recommendations/{id}"), HttpStatusCode.NotFound);
    }

    private static HttpClient WithEnglish(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }
}
