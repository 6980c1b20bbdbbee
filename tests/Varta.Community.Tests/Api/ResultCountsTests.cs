using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Community.Data;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;
using Varta.Community.Results;
using Varta.Community.Surveys;
using Varta.Community.Tests.Results;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Community.Tests.Api;

/// <summary>
/// The survey count tables: kept equal to a recount of the raw rows by every stored response (once per client id, also
/// when submits race), and results read from them equal to results recomputed from the raw rows.
/// </summary>
public sealed class ResultCountsTests(VartaFactory factory) : IClassFixture<VartaFactory>, IAsyncLifetime
{
    private const string Base = "/api/v1/community";
    private const string Country = "UA00000000000000000";
    private static readonly string[] Sexes = ["f", "m"];
    private static readonly string[] Ages = ["a18_29", "a30_44", "a45_59", "a60"];
    private static readonly string[] Multiple = ["worries"];

    // Two oblasts, two raions each, two or three hromadas per raion.
    private static readonly (string Oblast, string Raion, string Hromada)[] Hromadas =
    [
        ("UA01000000000011111", "UA01020000000022222", "UA01020030000033333"),
        ("UA01000000000011111", "UA01020000000022222", "UA01020050000044444"),
        ("UA01000000000011111", "UA01040000000022223", "UA01040010000055555"),
        ("UA01000000000011111", "UA01040000000022223", "UA01040020000066666"),
        ("UA01000000000011111", "UA01040000000022223", "UA01040030000077777"),
        ("UA05000000000011112", "UA05020000000022224", "UA05020010000088888"),
        ("UA05000000000011112", "UA05020000000022224", "UA05020020000099999"),
        ("UA05000000000011112", "UA05060000000022225", "UA05060010000012345"),
        ("UA05000000000011112", "UA05060000000022225", "UA05060020000023456"),
    ];

    private HttpClient _coordinator = default!;
    private HttpClient _auditor = default!;

    private static LocalizedText Text(string en) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", en));

    private static ChoiceList List(string name, params string[] choices) => new(name, [.. choices.Select(c => new Choice(c, Text(c)))]);

    private static Form Questionnaire() => new()
    {
        Id = "counts",
        Version = "1",
        Title = Text("Counts"),
        Questions =
        [
            new Question { Type = QuestionType.SelectOne, Name = "sex", ListName = "sexes", Label = Text("Sex"), Required = "true()" },
            new Question { Type = QuestionType.SelectOne, Name = "age_group", ListName = "ages", Label = Text("Age group"), Required = "true()" },
            new Question { Type = QuestionType.SelectOne, Name = "safe", ListName = "safety", Label = Text("Do you feel safe?"), Required = "true()" },
            new Question { Type = QuestionType.SelectOne, Name = "trust", ListName = "scale", Label = Text("Do you trust the police?") },
            new Question { Type = QuestionType.SelectMultiple, Name = "worries", ListName = "worries", Label = Text("What worries you?") },
        ],
        ChoiceLists =
        [
            List("sexes", Sexes), List("ages", Ages), List("safety", "yes", "rather_yes", "rather_no", "no"), List("scale", "1", "2", "3", "4"),
            List("worries", "theft", "assault", "fraud", "vandalism", "drugs"),
        ],
    };

    public async Task InitializeAsync()
    {
        _coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        _auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;

        // Territories and population once per host (the tests of this class share it; an import retires what it does not list).
        if (await factory.WithScopeAsync(sp => sp.GetRequiredService<VartaDbContext>().Set<Territory>().AnyAsync(t => t.Code == Country)))
        {
            return;
        }

        using var admin = await factory.ClientAsAsync("admin");
        var header = "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта";
        var rows = new List<string> { header };
        foreach (var oblast in Hromadas.Select(h => h.Oblast).Distinct())
        {
            rows.Add($"{oblast};;;;;O;Область {oblast[2..4]}");
        }

        foreach (var (oblast, raion) in Hromadas.Select(h => (h.Oblast, h.Raion)).Distinct())
        {
            rows.Add($"{oblast};{raion};;;;P;Район {raion[4..6]}");
        }

        foreach (var (oblast, raion, hromada) in Hromadas)
        {
            rows.Add($"{oblast};{raion};{hromada};;;H;Громада {hromada[6..9]}");
        }

        (await admin.PostAsync($"{Base}/territories/import", new StringContent(string.Join("\n", rows), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        // Population of 2025 and 2026 (and 2027, later than the surveys: never used). The last hromada has none; the one
        // before it none for the oldest group: their respondents weigh nothing and are reported.
        var population = new StringBuilder("katotth,year,sex,age_group,count\n");
        var rng = new Random(16);
        foreach (var (_, _, hromada) in Hromadas.SkipLast(1))
        {
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                foreach (var sex in Sexes)
                {
                    foreach (var age in Ages.Where(a => hromada != Hromadas[^2].Hromada || a != "a60"))
                    {
                        population.Append(CultureInfo.InvariantCulture, $"{hromada},{year},{sex},{age},{rng.Next(500, 20_000)}\n");
                    }
                }
            }
        }

        (await admin.PostAsync($"{Base}/population/import", new StringContent(population.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        // A country row above the oblasts (the codifier has none): a survey over the whole country reads every cell.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            if (!await db.Set<Territory>().AnyAsync(t => t.Code == Country))
            {
                db.Add(new Territory { Code = Country, Category = "C", Level = "country", Name = "Країна", OblastCode = "", ChangedAt = DateTime.UnixEpoch });
            }

            await db.Set<Territory>().Where(t => t.Level == "oblast").ExecuteUpdateAsync(u => u.SetProperty(t => t.ParentCode, Country));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> OpenSurveyAsync()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DemoData.KyivRegion.ToString()), "unitId" },
            { new StringContent(Country), "territoryCode" },
            { new StringContent("2026-11-01"), "periodFrom" },
            { new StringContent("2026-12-31"), "periodTo" },
        };
        var file = new ByteArrayContent(XlsFormWriter.ToBytes(Questionnaire()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "counts.xlsx");
        var created = await _coordinator.PostAsync($"{Base}/surveys", form);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await _coordinator.PostAsJsonAsync($"{Base}/surveys/{id}/status", new { status = "open" })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A response drawn at random: women and older people overrepresented, opinions depending on age and sex.</summary>
    private static object RandomResponse(Random rng, Guid clientId)
    {
        var (_, _, hromada) = Hromadas[rng.Next(Hromadas.Length)];
        var sex = rng.NextDouble() < 0.6 ? 0 : 1;
        var age = rng.Next(0, 4) is var a && rng.NextDouble() < 0.3 ? 3 : a;
        var answers = new Dictionary<string, string>
        {
            ["sex"] = Sexes[sex],
            ["age_group"] = Ages[age],
            ["safe"] = new[] { "yes", "rather_yes", "rather_no", "no" }[Math.Min(3, rng.Next(0, 3) + (age == 3 ? 1 : 0) + (sex == 0 && rng.NextDouble() < 0.3 ? 1 : 0))],
        };
        if (rng.NextDouble() < 0.8)
        {
            answers["trust"] = ((age % 2) + rng.Next(1, 4)).ToString(CultureInfo.InvariantCulture);
        }

        var worries = new[] { "theft", "assault", "fraud", "vandalism", "drugs" }.Where(_ => rng.NextDouble() < 0.35).ToList();
        if (worries.Count > 0)
        {
            answers["worries"] = string.Join(' ', worries);
        }

        return new { clientId, territory = hromada, answers };
    }

    private async Task<bool> SubmitAsync(Guid survey, object body)
    {
        var response = await _auditor.PostAsJsonAsync($"{Base}/surveys/{survey}/responses", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("alreadyStored").GetBoolean();
    }

    private Task AssertCountsMatchRawRowsAsync(Guid survey, int responses) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<VartaDbContext>();
        var raw = await RawResults.RecountAsync(db, survey, Multiple);
        var kept = await RawResults.KeptAsync(db, survey);
        Assert.Equal(responses, await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey));
        Assert.Equal(responses, await db.Set<RespondentCount>().Where(c => c.SurveyId == survey).SumAsync(c => c.Count));
        Assert.Equal(raw.Respondents, kept.Respondents);
        Assert.Equal(raw.Questions, kept.Questions);
        Assert.Equal(raw.Answers, kept.Answers);
        return true;
    });

    [Fact]
    public async Task Counts_equal_a_recount_of_the_raw_rows_after_submits_a_resend_and_refused_responses()
    {
        var survey = await OpenSurveyAsync();
        var rng = new Random(1);
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        var bodies = ids.Select(id => RandomResponse(rng, id)).ToList();
        foreach (var body in bodies)
        {
            Assert.False(await SubmitAsync(survey, body));
        }

        // The same responses again (a phone's outbox resent them): stored once, counted once.
        Assert.True(await SubmitAsync(survey, bodies[7]));
        Assert.True(await SubmitAsync(survey, bodies[0]));

        // Refused: an answer outside its list, and a territory that is not a hromada. Nothing of them is counted.
        var badAnswer = await _auditor.PostAsJsonAsync($"{Base}/surveys/{survey}/responses", new { clientId = Guid.NewGuid(), territory = Hromadas[1].Hromada,
            answers = new Dictionary<string, string> { ["sex"] = "f", ["age_group"] = "a60", ["safe"] = "maybe" } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badAnswer.StatusCode);
        var badPlace = await _auditor.PostAsJsonAsync($"{Base}/surveys/{survey}/responses", new { clientId = Guid.NewGuid(), territory = Hromadas[1].Raion,
            answers = new Dictionary<string, string> { ["sex"] = "f", ["age_group"] = "a60", ["safe"] = "no" } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badPlace.StatusCode);

        await AssertCountsMatchRawRowsAsync(survey, 40);
    }

    [Fact]
    public async Task The_migrations_backfill_makes_the_counts_that_stored_responses_keep()
    {
        var survey = await OpenSurveyAsync();
        var rng = new Random(4);
        foreach (var body in Enumerable.Range(0, 30).Select(_ => RandomResponse(rng, Guid.NewGuid())))
        {
            Assert.False(await SubmitAsync(survey, body));
        }

        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var kept = await RawResults.KeptAsync(db, survey);
            Assert.NotEmpty(kept.Questions);

            // As on a database migrated with responses already stored: empty count tables, then the migration's own statements.
            Microsoft.EntityFrameworkCore.Migrations.Migration migration = db.Database.IsNpgsql()
                ? new Varta.Migrations.Postgres.Migrations.CommunityCounts()
                : new Varta.Migrations.Sqlite.Migrations.CommunityCounts();
            var backfill = migration.UpOperations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>().Select(o => o.Sql).ToList();
            Assert.Equal(3, backfill.Count);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var sql in new[] { "DELETE FROM community_respondent_counts", "DELETE FROM community_question_counts", "DELETE FROM community_answer_counts" }.Concat(backfill))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }

            var backfilled = await RawResults.KeptAsync(db, survey);
            Assert.Equal(kept.Respondents, backfilled.Respondents);
            Assert.Equal(kept.Questions, backfilled.Questions);
            Assert.Equal(kept.Answers, backfilled.Answers);
            return true;
        });
        await AssertCountsMatchRawRowsAsync(survey, 30);
    }

    [Fact]
    public async Task Concurrent_submits_and_resends_leave_the_counts_equal_to_a_recount()
    {
        var survey = await OpenSurveyAsync();
        var rng = new Random(2);
        var bodies = Enumerable.Range(0, 60).Select(_ => RandomResponse(rng, Guid.NewGuid())).ToList();

        // Every tenth response is sent twice, the two copies side by side in the queue so that they race.
        var queue = bodies.SelectMany((b, i) => i % 10 == 0 ? new[] { b, b } : [b]).ToList();
        var resends = 0;
        await Parallel.ForEachAsync(queue, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (body, _) =>
        {
            if (await SubmitAsync(survey, body))
            {
                Interlocked.Increment(ref resends);
            }
        });

        Assert.Equal(6, resends);
        await AssertCountsMatchRawRowsAsync(survey, 60);
    }

    [Fact]
    public async Task Results_from_the_counts_equal_results_recomputed_from_the_raw_rows_for_every_question_and_area()
    {
        var survey = await OpenSurveyAsync();
        var rng = new Random(3);
        var bodies = Enumerable.Range(0, 400).Select(_ => RandomResponse(rng, Guid.NewGuid())).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (body, _) => Assert.False(await SubmitAsync(survey, body)));
        await AssertCountsMatchRawRowsAsync(survey, 400);

        var areas = new[] { Country, Hromadas[0].Oblast, Hromadas[^1].Oblast, Hromadas[0].Raion, Hromadas[^1].Raion, Hromadas[0].Hromada, Hromadas[^2].Hromada,
            Hromadas[^1].Hromada };
        var seen = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var service = sp.GetRequiredService<SurveyService>();
            var s = await db.Set<Survey>().AsNoTracking().SingleAsync(x => x.Id == survey);
            var form = service.FormOf(s);
            var seen = (Weighted: 0, Unweighted: 0, Without: 0, Suppressed: 0, Compared: 0);
            foreach (var q in form.AllQuestions().Where(q => q.Type is QuestionType.SelectOne or QuestionType.SelectMultiple))
            {
                var values = form.FindList(q.ListName!)!.Choices.Select(c => c.Name).ToList();
                var multiple = q.Type == QuestionType.SelectMultiple;
                foreach (var code in areas)
                {
                    var area = await db.Set<Territory>().AsNoTracking().SingleAsync(t => t.Code == code);
                    var expected = await RawResults.ComputeAsync(db, s, q.Name, multiple, values, area, threshold: 10);
                    var actual = await service.ComputeAsync(s, q.Name, multiple, values, area, CancellationToken.None);
                    AssertSame(expected, actual, $"{q.Name} over {code}");
                    seen.Compared++;
                    seen.Weighted += actual.Weighted ? 1 : 0;
                    seen.Unweighted += actual.Weighted ? 0 : 1;
                    seen.Without += actual.StrataWithoutPopulation.Count > 0 ? 1 : 0;
                    seen.Suppressed += actual.Answers.Any(a => a.Suppressed) && actual.Answers.Any(a => !a.Suppressed) ? 1 : 0;
                }
            }

            return seen;
        });

        // The dataset reaches every branch: weighted and not, cells without population, partial suppression.
        Assert.Equal(5 * areas.Length, seen.Compared);
        Assert.True(seen.Weighted > 0 && seen.Unweighted > 0 && seen.Without > 0 && seen.Suppressed > 0, seen.ToString());
    }

    private static void AssertSame(QuestionResult expected, QuestionResult actual, string what)
    {
        Assert.True(expected.Respondents == actual.Respondents, $"{what}: respondents {expected.Respondents} ≠ {actual.Respondents}");
        Assert.True(expected.Weighted == actual.Weighted, $"{what}: weighted");
        Assert.Equal(expected.Threshold, actual.Threshold);
        Assert.Equal(expected.StrataWithoutPopulation.Select(x => x.ToString()).Order(StringComparer.Ordinal), actual.StrataWithoutPopulation.Select(x => x.ToString()).Order(StringComparer.Ordinal));
        Close(expected.DesignEffect, actual.DesignEffect, $"{what}: design effect");
        Close(expected.EffectiveRespondents, actual.EffectiveRespondents, $"{what}: effective respondents");
        Assert.Equal(expected.Answers.Select(a => (a.Value, a.Count, a.Suppressed)), actual.Answers.Select(a => (a.Value, a.Count, a.Suppressed)));
        foreach (var (e, a) in expected.Answers.Zip(actual.Answers))
        {
            Close(e.Share, a.Share, $"{what}: {e.Value} share");
            Close(e.WeightedShare, a.WeightedShare, $"{what}: {e.Value} weighted share");
            Close(e.Lower, a.Lower, $"{what}: {e.Value} lower");
            Close(e.Upper, a.Upper, $"{what}: {e.Value} upper");
        }
    }

    /// <summary>Equal but for the order of additions: within 1e-12 of the larger magnitude (doubles carry ~16 digits).</summary>
    private static void Close(double? expected, double? actual, string what) =>
        Assert.True(expected is null ? actual is null : actual is { } x && Math.Abs(expected.Value - x) <= 1e-12 * Math.Max(1, Math.Abs(expected.Value)),
            $"{what}: {expected:R} ≠ {actual:R}");
}
