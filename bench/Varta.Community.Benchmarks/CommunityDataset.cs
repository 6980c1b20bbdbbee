using System.Diagnostics;
using System.Globalization;
using System.Text;
using Varta.Custody.Benchmarks;

namespace Varta.Community.Benchmarks;

internal sealed record CommunityGeneration(int Territories, int PopulationCells, int Responses, long Answers, TimeSpan Load, TimeSpan Indexes, TimeSpan Counts, TimeSpan Total);

/// <summary>
/// The dataset: a country row above 24 oblasts (each with raions and hromadas, KATOTTH-shaped codes), the population of
/// every hromada by sex and 4 age groups, one open survey over the country with the 40-question form, and the
/// responses spread over the hromadas in proportion to their population (random order of arrival, as from the field),
/// each with its one community_answers row per ticked choice, as SurveyService stores them. Respondents lean female
/// and older than the population, and opinions depend on the age group, so the weights move the shares.
/// Secondary indexes (and on PostgreSQL the answers' foreign key) are dropped for the load and made again after it;
/// then the survey count tables are filled from the rows with the CommunityCounts migration's backfill statements.
/// </summary>
internal sealed class CommunityDataset(CommunityBenchOptions options, Action<string> log)
{
    public const string Country = "UA00000000000000000";
    public static readonly Guid SurveyId = new("0198f000-0000-7000-8000-000000000016");
    private const int Year = 2026;
    private static readonly DateOnly From = new(Year, 3, 1);
    private static readonly double[] SexShare = [0.60, 0.40];
    private static readonly double[] AgeShare = [0.16, 0.24, 0.31, 0.29];
    private static readonly double[] PopulationAgeShare = [0.30, 0.26, 0.24, 0.20];

    public static string OblastCode(int o) => string.Create(CultureInfo.InvariantCulture, $"UA{o:D2}000000000000000");

    private static string RaionCode(int o, int r) => string.Create(CultureInfo.InvariantCulture, $"UA{o:D2}{r:D2}0000000000000");

    private static string HromadaCode(int o, int r, int h) => string.Create(CultureInfo.InvariantCulture, $"UA{o:D2}{r:D2}{h:D3}0000000000");

    public async Task<CommunityGeneration> GenerateAsync(string provider, string connectionString, Guid unitId)
    {
        var total = Stopwatch.StartNew();
        var sql = new Sql(provider, connectionString);
        var rng = new Random(options.Seed);
        var changedAt = new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc);

        // Territories and population.
        var territories = new List<object?[]> { new object?[] { Country, "C", "country", "Україна (benchmark)", null, "", null, null, changedAt } };
        var hromadas = new List<(string Code, string Oblast, int[] Population)>();
        for (var o = 1; o <= options.Oblasts; o++)
        {
            var oblast = OblastCode(o);
            territories.Add([oblast, "O", "oblast", $"Oblast {o}", Country, oblast, null, null, changedAt]);
            var count = options.Hromadas / options.Oblasts + (o <= options.Hromadas % options.Oblasts ? 1 : 0);
            var raions = Math.Clamp(count / 12, 1, 5);
            for (var r = 1; r <= raions; r++)
            {
                territories.Add([RaionCode(o, r), "P", "raion", $"Raion {o}.{r}", oblast, oblast, null, null, changedAt]);
            }

            for (var h = 0; h < count; h++)
            {
                var raion = 1 + (h % raions);
                var code = HromadaCode(o, raion, h + 1);
                territories.Add([code, "H", "hromada", $"Hromada {o}.{raion}.{h + 1}", RaionCode(o, raion), oblast, code, null, changedAt]);
                // Hromada sizes from about 3,000 to 60,000 adults, a few cities far larger.
                var size = rng.NextDouble() < 0.03 ? rng.Next(150_000, 900_000) : (int)(3_000 * Math.Exp(rng.NextDouble() * 3));
                var cells = new int[8];
                for (var s = 0; s < 2; s++)
                {
                    for (var a = 0; a < 4; a++)
                    {
                        var share = (s == 0 ? 0.53 : 0.47) * PopulationAgeShare[a] * (0.85 + (rng.NextDouble() * 0.3));
                        cells[(s * 4) + a] = Math.Max(1, (int)(size * share));
                    }
                }

                hromadas.Add((code, oblast, cells));
            }
        }

        var load = Stopwatch.StartNew();
        var indexes = await sql.SecondaryIndexesAsync("community_responses", "community_answers");
        foreach (var (name, _) in indexes)
        {
            await sql.ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        const string answersForeignKey = "FK_community_answers_community_responses_ResponseId";
        if (!sql.IsSqlite)
        {
            await sql.ExecuteAsync($"ALTER TABLE community_answers DROP CONSTRAINT \"{answersForeignKey}\"");
        }

        log($"dropped {indexes.Count} secondary indexes of community_responses and community_answers for the load");

        // The survey row, with the workbook and JSON the module writes from the form.
        var (xlsx, json) = CommunityForm.Write();
        var recordedAt = new DateTime(2026, 2, 20, 9, 30, 0, DateTimeKind.Utc);
        await sql.ExecuteAsync(
            "INSERT INTO community_surveys (\"Id\", \"UnitId\", \"TerritoryCode\", \"Title\", \"FormId\", \"FormVersion\", \"PeriodFrom\", \"PeriodTo\", \"Status\", " +
            "\"PublicToken\", \"ConsentUk\", \"ConsentEn\", \"FormXlsx\", \"FormJson\", \"RecordedAt\", \"RecordedBy\", \"Version\") VALUES " +
            "(@id, @unit, @territory, 'Community safety survey (benchmark)', 'community_bench', '2026-1', @from, @to, 'open', 'bench0000000000000000000000000016', " +
            "'Згода (benchmark)', 'Consent (benchmark)', @xlsx, @json, @at, 'bench', 1)",
            ("@id", sql.IsSqlite ? SqliteTarget.Guid(SurveyId) : SurveyId), ("@unit", sql.IsSqlite ? SqliteTarget.Guid(unitId) : unitId), ("@territory", Country),
            ("@from", sql.IsSqlite ? From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : From),
            ("@to", sql.IsSqlite ? From.AddMonths(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : From.AddMonths(4)),
            ("@xlsx", xlsx), ("@json", json), ("@at", sql.IsSqlite ? SqliteTarget.Timestamp(recordedAt) : recordedAt));

        long answerRows = 0;
        await using (IBulkTarget target = sql.IsSqlite
            ? await SqliteTarget.OpenAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource)
            : await PostgresTarget.OpenAsync(connectionString))
        {
            await using (var writer = await target.OpenAsync("community_territories",
                [new("Code", ColumnKind.Text), new("Category", ColumnKind.Text), new("Level", ColumnKind.Text), new("Name", ColumnKind.Text), new("ParentCode", ColumnKind.Text),
                 new("OblastCode", ColumnKind.Text), new("HromadaCode", ColumnKind.Text), new("RetiredAt", ColumnKind.Timestamp), new("ChangedAt", ColumnKind.Timestamp)]))
            {
                foreach (var row in territories)
                {
                    await writer.AddAsync(row);
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await target.OpenAsync("community_population",
                [new("HromadaCode", ColumnKind.Text), new("Year", ColumnKind.Int), new("Sex", ColumnKind.Text), new("AgeGroup", ColumnKind.Text), new("Count", ColumnKind.Int)]))
            {
                foreach (var (code, _, cells) in hromadas)
                {
                    for (var c = 0; c < 8; c++)
                    {
                        await writer.AddAsync([code, Year, CommunityForm.Sexes[c / 4], CommunityForm.AgeGroups[c % 4], cells[c]]);
                    }
                }

                await writer.CompleteAsync();
            }

            // Every response: its hromada (in proportion to the population), then its choices, kept compactly
            // (one byte per question: the choice, a bit set for select_multiple, 255 for no answer) for the answers pass.
            var cumulative = new double[hromadas.Count];
            var sum = 0.0;
            for (var i = 0; i < hromadas.Count; i++)
            {
                sum += Math.Sqrt(hromadas[i].Population.Sum());
                cumulative[i] = sum;
            }

            var questions = CommunityForm.Questions;
            var lean = questions.Select(q => Enumerable.Range(0, q.Choices).Select(_ => 0.5 + rng.NextDouble()).ToArray()).ToArray();
            var where = new int[options.Responses];
            var choices = new byte[options.Responses * questions.Count];
            for (var i = 0; i < options.Responses; i++)
            {
                var at = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
                where[i] = at < 0 ? Math.Min(~at, hromadas.Count - 1) : at;
                var sex = Pick(rng, SexShare);
                var age = Pick(rng, AgeShare);
                var row = i * questions.Count;
                choices[row] = (byte)sex;
                choices[row + 1] = (byte)age;
                for (var k = 2; k < questions.Count; k++)
                {
                    var q = questions[k];
                    if (q.Multiple)
                    {
                        var bits = 0;
                        for (var c = 0; c < q.Choices; c++)
                        {
                            bits |= rng.NextDouble() < 0.22 + (0.05 * age * (c == 0 ? 1 : 0)) ? 1 << c : 0;
                        }

                        choices[row + k] = bits == 0 ? (byte)255 : (byte)bits;
                    }
                    else if (rng.NextDouble() < 0.05)
                    {
                        choices[row + k] = 255;
                    }
                    else
                    {
                        // Older respondents lean to the first answer, women to the last: the weighted share differs.
                        var w = lean[k].ToArray();
                        w[0] *= 1 + (0.4 * age);
                        w[^1] *= sex == 0 ? 1.5 : 1;
                        choices[row + k] = (byte)Pick(rng, w);
                    }
                }
            }

            var ids = new Guid[options.Responses];
            var bytes = new byte[16];
            var received = new DateTimeOffset(From.Year, From.Month, From.Day, 6, 0, 0, TimeSpan.Zero);
            var text = new StringBuilder(1024);
            await using (var writer = await target.OpenAsync("community_responses",
                [new("Id", ColumnKind.Uuid), new("SurveyId", ColumnKind.Uuid), new("ClientId", ColumnKind.Uuid), new("Channel", ColumnKind.Text), new("HromadaCode", ColumnKind.Text),
                 new("OblastCode", ColumnKind.Text), new("Sex", ColumnKind.Text), new("AgeGroup", ColumnKind.Text), new("ReceivedOn", ColumnKind.Date), new("Answers", ColumnKind.Text)]))
            {
                var row = new object?[10];
                for (var i = 0; i < options.Responses; i++)
                {
                    var time = received.AddSeconds(i * (100.0 * 86_400 / options.Responses));
                    ids[i] = Guid.CreateVersion7(time);
                    rng.NextBytes(bytes);
                    var (code, oblast, _) = hromadas[where[i]];
                    text.Clear().Append('{');
                    for (var k = 0; k < questions.Count; k++)
                    {
                        var c = choices[(i * questions.Count) + k];
                        if (c == 255)
                        {
                            continue;
                        }

                        text.Append(text.Length > 1 ? ",\"" : "\"").Append(questions[k].Name).Append("\":\"").Append(Values(questions[k], c)).Append('"');
                    }

                    row[0] = ids[i];
                    row[1] = SurveyId;
                    row[2] = new Guid(bytes);
                    row[3] = i % 3 == 0 ? "self" : "interviewer";
                    row[4] = code;
                    row[5] = oblast;
                    row[6] = CommunityForm.Sexes[choices[i * questions.Count]];
                    row[7] = CommunityForm.AgeGroups[choices[(i * questions.Count) + 1]];
                    row[8] = DateOnly.FromDateTime(time.UtcDateTime);
                    row[9] = text.Append('}').ToString();
                    await writer.AddAsync(row);
                }

                await writer.CompleteAsync();
            }

            log($"{territories.Count:N0} territories, {hromadas.Count * 8:N0} population cells, {options.Responses:N0} responses written; answers next");
            await using (var writer = await target.OpenAsync("community_answers",
                [new("SurveyId", ColumnKind.Uuid), new("ResponseId", ColumnKind.Uuid), new("Question", ColumnKind.Text), new("Value", ColumnKind.Text),
                 new("HromadaCode", ColumnKind.Text), new("OblastCode", ColumnKind.Text), new("Sex", ColumnKind.Text), new("AgeGroup", ColumnKind.Text)]))
            {
                var row = new object?[8];
                row[0] = SurveyId;
                for (var i = 0; i < options.Responses; i++)
                {
                    var (code, oblast, _) = hromadas[where[i]];
                    row[1] = ids[i];
                    row[4] = code;
                    row[5] = oblast;
                    row[6] = CommunityForm.Sexes[choices[i * questions.Count]];
                    row[7] = CommunityForm.AgeGroups[choices[(i * questions.Count) + 1]];
                    for (var k = 0; k < questions.Count; k++)
                    {
                        var q = questions[k];
                        var c = choices[(i * questions.Count) + k];
                        if (c == 255)
                        {
                            continue;
                        }

                        row[2] = q.Name;
                        for (var v = 0; v < q.Choices; v++)
                        {
                            if (q.Multiple ? (c & (1 << v)) != 0 : c == v)
                            {
                                row[3] = CommunityForm.Value(q, v);
                                await writer.AddAsync(row);
                                answerRows++;
                            }
                        }
                    }

                    if (i > 0 && i % 100_000 == 0)
                    {
                        log($"  answers of {i:N0} responses: {answerRows:N0} rows, {load.Elapsed.TotalSeconds:F0}s");
                    }
                }

                await writer.CompleteAsync();
            }

            load.Stop();
            log($"{answerRows:N0} answer rows written in {load.Elapsed.TotalSeconds:F0}s in all; making the indexes again");
            var indexWatch = Stopwatch.StartNew();
            foreach (var (name, create) in indexes)
            {
                var one = Stopwatch.StartNew();
                await sql.ExecuteAsync(create);
                log($"  {name}: {one.Elapsed.TotalSeconds:F0}s");
            }

            if (!sql.IsSqlite)
            {
                await sql.ExecuteAsync($"ALTER TABLE community_answers ADD CONSTRAINT \"{answersForeignKey}\" FOREIGN KEY (\"ResponseId\") REFERENCES community_responses (\"Id\") ON DELETE RESTRICT");
                log("  answers' foreign key added back (checked over every row)");
            }

            indexWatch.Stop();

            // The count tables the results read, filled as the CommunityCounts migration backfills them.
            var countWatch = Stopwatch.StartNew();

            // The demo survey's submits counted its own responses at the host's first start: counted again from every row
            // here, as the backfill's INSERTs would otherwise meet those rows' keys.
            foreach (var table in CountTables.Tables)
            {
                await sql.ExecuteAsync($"DELETE FROM {table}");
            }

            foreach (var statement in CountTables.Backfill(sql.IsSqlite))
            {
                var one = Stopwatch.StartNew();
                var rows = await sql.ExecuteAsync(statement);
                log($"  count table: {rows:N0} rows in {one.Elapsed.TotalSeconds:F0}s");
            }

            countWatch.Stop();
            await target.FinishAsync(log);
            if (!sql.IsSqlite)
            {
                foreach (var table in new[] { "community_territories", "community_population", "community_surveys", "community_responses", "community_answers" }.Concat(CountTables.Tables))
                {
                    await sql.ExecuteAsync($"VACUUM (ANALYZE) \"{table}\"");
                }

                log("VACUUM (ANALYZE) of the community tables (what autovacuum would do after the load)");
            }

            return new CommunityGeneration(territories.Count, hromadas.Count * 8, options.Responses, answerRows, load.Elapsed, indexWatch.Elapsed, countWatch.Elapsed, total.Elapsed);
        }
    }

    private static string Values(BenchQuestion q, byte c) => q.Multiple
        ? string.Join(' ', Enumerable.Range(0, q.Choices).Where(v => (c & (1 << v)) != 0).Select(v => CommunityForm.Value(q, v)))
        : CommunityForm.Value(q, c);

    private static int Pick(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
