using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Varta.Community.Tests.Forms;
using Varta.Testing;

namespace Varta.Community.Tests.Api;

/// <summary>The administrator imports the codifier and the population from XLSX workbooks (a host of its own: a codifier import retires what it does not list).</summary>
public sealed class TerritoryImportApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Base = "/api/v1/community";
    private const string Oblast = "UA02000000000011111";
    private const string Raion = "UA02020000000022222";
    private const string Hromada = "UA02020030000033333";

    private static readonly object?[] Header = ["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень", "Категорія об’єкта", "Назва об’єкта"];

    private static MultipartFormDataContent File(MemoryStream xlsx, string name)
    {
        var file = new ByteArrayContent(xlsx.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task The_codifier_and_the_population_import_from_XLSX_and_a_bad_workbook_is_refused_naming_sheet_row_and_column()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var codifier = XlsxBuilder.Build(("Кодифікатор", [
            ["Кодифікатор (вигаданий, для перевірки)"],
            Header,
            [Oblast, null, null, null, null, "О", "Друга вигадана область"],
            [Oblast, Raion, null, null, null, "Р", "Вигаданий район"],
            [Oblast, Raion, Hromada, null, null, "Н", "Вигадана громада"],
        ]));
        var imported = await JsonAsync(await admin.PostAsync($"{Base}/territories/import", File(codifier, "katotth.xlsx")), HttpStatusCode.OK);
        Assert.Equal((3, 3), (imported.GetProperty("rows").GetInt32(), imported.GetProperty("added").GetInt32()));
        var hromada = await JsonAsync(await admin.GetAsync($"{Base}/territories/{Hromada}"), HttpStatusCode.OK);
        Assert.Equal(("hromada", Raion), (hromada.GetProperty("level").GetString(), hromada.GetProperty("parentCode").GetString()));

        // The workbook as the request body works too (no multipart).
        codifier.Position = 0;
        var body = new ByteArrayContent(codifier.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var again = await JsonAsync(await admin.PostAsync($"{Base}/territories/import", body), HttpStatusCode.OK);
        Assert.Equal((0, 0, 0), (again.GetProperty("added").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("retired").GetInt32()));

        var broken = XlsxBuilder.Build(("Кодифікатор", [Header, [Oblast, null, null, null, null, "О", "Область"], null, [Oblast, "UA0202", null, null, null, "Р", "Район"]]));
        var refused = await JsonAsync(await admin.PostAsync($"{Base}/territories/import", File(broken, "broken.xlsx")), HttpStatusCode.BadRequest);
        Assert.Equal("Аркуш «Кодифікатор», рядок 4, стовпець «Другий рівень»: «UA0202» не є кодом КАТОТТГ (UA і 17 цифр).",
            refused.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(JsonValueKind.Object, (await JsonAsync(await admin.GetAsync($"{Base}/territories/{Hromada}"), HttpStatusCode.OK)).ValueKind);

        var population = XlsxBuilder.Build(("Населення", [["katotth", "year", "sex", "age_group", "count"], [Hromada, 2026, "f", "18-29", 1200], [Hromada, 2026, "m", "18-29", 1100]]));
        var cells = await JsonAsync(await admin.PostAsync($"{Base}/population/import", File(population, "population.xlsx")), HttpStatusCode.OK);
        Assert.Equal(2, cells.GetProperty("cells").GetInt32());
        var stored = await JsonAsync(await admin.GetAsync($"{Base}/territories/{Hromada}/population"), HttpStatusCode.OK);
        Assert.Equal(2300, stored.GetProperty("total").GetInt32());

        var badPopulation = XlsxBuilder.Build(("Населення", [["katotth", "year", "sex", "age_group", "count"], [Hromada, 2026, "x", "18-29", 10]]));
        var populationRefused = await JsonAsync(await admin.PostAsync($"{Base}/population/import", File(badPopulation, "population.xlsx")), HttpStatusCode.BadRequest);
        Assert.StartsWith("Аркуш «Населення», рядок 2, стовпець «sex»", populationRefused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var notAWorkbook = new MemoryStream([(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0]);
        var garbage = await JsonAsync(await admin.PostAsync($"{Base}/territories/import", File(notAWorkbook, "katotth.xlsx")), HttpStatusCode.BadRequest);
        Assert.Contains("XLSX", garbage.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }
}
