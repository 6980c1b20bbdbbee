using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Community.Data;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;
using Varta.Community.Surveys;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;

namespace Varta.Community.Demo;

/// <summary>
/// The demo's community audit (only when the demo is seeded; everything invented): an oblast, a raion and three
/// hromadas with codes in the codifier's shape (oblast number 99, which the real codifier does not use), their
/// population, a few security indicators, and one questionnaire run twice over the oblast by the Kyiv unit: autumn 2025
/// (closed) and spring 2026 (open), with answers, so that the results, the comparison of the two periods and the audit
/// report show something. Responses go in through the public link's path, so they are checked and counted as any other.
/// </summary>
internal sealed class CommunityDemoSeeder : IDemoSeeder
{
    public const string Oblast = "UA99000000000010001";
    public const string Raion = "UA99020000000020002";
    public const string AutumnFormId = "demo_safety_2025";
    public const string SpringFormId = "demo_safety_2026";

    /// <summary>Invented hromadas with their residents' age structure (women and men of 18–34, 35–59 and 60+).</summary>
    private static readonly (string Code, string Name, int[] Women, int[] Men)[] Hromadas =
    [
        ("UA99020030000030003", "Світанкова громада (демо)", [2100, 3400, 2600], [2000, 3100, 1700]),
        ("UA99020050000050005", "Озерецька громада (демо)", [900, 1500, 1400], [950, 1350, 900]),
        ("UA99020070000070007", "Зорянська громада (демо)", [600, 1000, 1100], [620, 940, 700]),
    ];

    private static readonly string[] Ages = ["18-34", "35-59", "60+"];

    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VartaDbContext>();
        if (await db.Set<Territory>().AnyAsync(t => t.Code == Oblast, cancellationToken))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.Add(new Territory { Code = Oblast, Category = "O", Level = "oblast", Name = "Демонстраційна область", OblastCode = Oblast, ChangedAt = now });
        db.Add(new Territory { Code = Raion, Category = "P", Level = "raion", Name = "Демонстраційний район", ParentCode = Oblast, OblastCode = Oblast, ChangedAt = now });
        foreach (var (code, name, women, men) in Hromadas)
        {
            db.Add(new Territory { Code = code, Category = "H", Level = "hromada", Name = name, ParentCode = Raion, OblastCode = Oblast, HromadaCode = code, ChangedAt = now });
            for (var a = 0; a < Ages.Length; a++)
            {
                db.Add(new PopulationCell { HromadaCode = code, Year = 2025, Sex = "f", AgeGroup = Ages[a], Count = women[a] });
                db.Add(new PopulationCell { HromadaCode = code, Year = 2025, Sex = "m", AgeGroup = Ages[a], Count = men[a] });
            }
        }

        foreach (var (year, theft, calls, accidents) in new[] { (2024, 310.0, 5200.0, 140.0), (2025, 280.0, 5600.0, 128.0), (2026, 240.0, 5900.0, 117.0) })
        {
            db.Add(new IndicatorValue { TerritoryCode = Oblast, Year = year, Indicator = "offences.theft", Value = theft, Source = "демо" });
            db.Add(new IndicatorValue { TerritoryCode = Oblast, Year = year, Indicator = "calls.police", Value = calls, Source = "демо" });
            db.Add(new IndicatorValue { TerritoryCode = Oblast, Year = year, Indicator = "road.accidents", Value = accidents, Source = "демо" });
        }

        var autumn = Survey(AutumnFormId, "Безпека в громаді: осінь 2025 (демо)", "Community safety: autumn 2025 (demo)", new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 30));
        var spring = Survey(SpringFormId, "Безпека в громаді: весна 2026 (демо)", "Community safety: spring 2026 (demo)", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31));
        db.AddRange(autumn, spring);
        await db.SaveChangesAsync(cancellationToken);

        // Answers drawn from a fixed seed: the same demo every time. After dark, fewer feel safe in autumn than in spring.
        // In one transaction: 120 separate durable commits made every host's start (each test's too) seconds slower.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var surveys = services.GetRequiredService<SurveyService>();
        await RespondAsync(surveys, autumn, new Random(2025), 0.45, cancellationToken);
        await RespondAsync(surveys, spring, new Random(2026), 0.6, cancellationToken);
        autumn.Status = "closed";
        autumn.Version++;
        db.Add(new Finding
        {
            Id = Guid.CreateVersion7(now), SurveyId = spring.Id, UnitId = spring.UnitId, TerritoryCode = Oblast, PeriodFrom = spring.PeriodFrom, PeriodTo = spring.PeriodTo,
            Text = "Після встановлення освітлення на зупинках частка тих, хто почувається безпечно після настання темряви, зросла. "
                + "Жінки 60+ і далі називають неосвітлені дороги до зупинок головною загрозою (демонстраційний висновок).",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Survey Survey(string formId, string titleUk, string titleEn, DateOnly from, DateOnly to)
    {
        var form = Questionnaire(formId, titleUk, titleEn);
        return new Survey
        {
            Id = Guid.NewGuid(), UnitId = DemoData.KyivRegion, TerritoryCode = Oblast, Title = titleUk, FormId = formId, FormVersion = "1", PeriodFrom = from, PeriodTo = to,
            Status = "open", PublicToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ConsentUk = "Опитування анонімне і добровільне (демо).", ConsentEn = "The survey is anonymous and voluntary (demo).",
            FormXlsx = XlsFormWriter.ToBytes(form), FormJson = FormJson.Serialize(form), Version = 1,
        };
    }

    private static LocalizedText Text(string en, string uk) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", uk));

    private static Question Choice(string name, string list, string en, string uk, string? relevant = null) =>
        new() { Type = QuestionType.SelectOne, Name = name, ListName = list, Label = Text(en, uk), Required = "true()", Relevant = relevant };

    private static Form Questionnaire(string id, string titleUk, string titleEn) => new()
    {
        Id = id,
        Version = "1",
        Title = Text(titleEn, titleUk),
        Questions =
        [
            Choice("sex", "sexes", "Sex", "Стать"),
            Choice("age_group", "ages", "Age group", "Вікова група"),
            Choice("feel_safe", "yes_no", "Do you feel safe walking alone after dark?", "Чи почуваєтеся ви безпечно, коли йдете сам(а) після настання темряви?"),
            Choice("lighting", "lighting", "How is the street lighting near your home?", "Яке вуличне освітлення біля вашого дому?"),
            Choice("victim", "yes_no", "Were you a victim of a crime in the last 12 months?", "Чи були ви жертвою злочину за останні 12 місяців?"),
            new Question
            {
                Type = QuestionType.SelectMultiple, Name = "crime_types", ListName = "crimes", Label = Text("Which crimes?", "Яких злочинів?"), Relevant = "${victim} = 'yes'",
                Required = "true()",
            },
        ],
        ChoiceLists =
        [
            new ChoiceList("sexes", [new Choice("f", Text("Woman", "Жінка")), new Choice("m", Text("Man", "Чоловік"))]),
            new ChoiceList("ages", [new Choice("18-34", Text("18–34", "18–34")), new Choice("35-59", Text("35–59", "35–59")), new Choice("60+", Text("60+", "60+"))]),
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
            new ChoiceList("lighting", [new Choice("good", Text("Good", "Добре")), new Choice("poor", Text("Poor", "Погане")), new Choice("none", Text("None", "Немає"))]),
            new ChoiceList("crimes", [new Choice("theft", Text("Theft", "Крадіжка")), new Choice("fraud", Text("Fraud", "Шахрайство")),
                new Choice("assault", Text("Assault", "Напад"))]),
        ],
    };

    private const int ResponsesPerSurvey = 60;

    private static async Task RespondAsync(SurveyService surveys, Survey survey, Random random, double safeShare, CancellationToken ct)
    {
        string[] crimes = ["theft", "fraud", "assault"];
        for (var i = 0; i < ResponsesPerSurvey; i++)
        {
            // Half the respondents from the largest hromada, the rest from the other two.
            var hromada = Hromadas[(i % 4) switch { 0 or 1 => 0, 2 => 1, _ => 2 }].Code;
            var victim = random.NextDouble() < 0.2;
            var answers = new Dictionary<string, string>
            {
                ["sex"] = random.NextDouble() < 0.55 ? "f" : "m",
                ["age_group"] = Ages[random.Next(Ages.Length)],
                ["feel_safe"] = random.NextDouble() < safeShare ? "yes" : "no",
                ["lighting"] = random.NextDouble() switch { < 0.4 => "good", < 0.85 => "poor", _ => "none" },
                ["victim"] = victim ? "yes" : "no",
            };
            if (victim)
            {
                answers["crime_types"] = crimes[random.Next(crimes.Length)];
            }

            var stored = await surveys.SubmitPublicAsync(survey.PublicToken!, new ResponseRequest(Guid.NewGuid(), hromada, answers), ct);
            if (!stored.IsOk)
            {
                throw new InvalidOperationException($"A demo response of {survey.FormId} was refused: {stored.Kind}.");
            }
        }
    }
}
