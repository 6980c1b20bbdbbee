using System.Diagnostics;
using Varta.Custody.Benchmarks;
using Varta.Platform.Demo;
using Varta.Platform.Localization;

namespace Varta.Threats.Benchmarks;

/// <summary>What generation produced and how long each part took.</summary>
internal sealed record ThreatsGeneration(int Units, int Courts, int Cases, int OpenCases, long Events, int Reports, int Persons, int Assessments,
    int Measures, int Sources, IReadOnlyList<(string Phase, TimeSpan Took)> Phases)
{
    public TimeSpan Total => Phases.Aggregate(TimeSpan.Zero, (a, p) => a + p.Took);
}

/// <summary>
/// The threats dataset of issue 14, written straight into the tables the migrations create: one court-security unit
/// per generated region, court buildings under each, and cases over the last three years with the derived fields
/// (status, priority, due time, assessed time, risk level, measures due and started, last activity) set as the
/// module's services would have left them after the generated timeline; reports, protected persons, assessments
/// (high and imminent ones reviewed by a second person, some reassessments waiting for review) and measures. No audit
/// entries: the audit chain holds only what the benchmark itself does through the API.
/// </summary>
internal sealed class ThreatsDataset(ThreatsBenchOptions options, Action<string> log)
{
    public const string RegionCodePrefix = "BENCH-TR";
    public const string UnitCodePrefix = "BENCH-CS";
    public const string CourtCodePrefix = "BENCH-COURT-";

    /// <summary>The unit the benchmark's analyst is scoped to.</summary>
    public const string AnalystUnitCode = "BENCH-CS01";

    /// <summary>The first generated analyst of the analyst's unit: its cases are handed to bench.analyst once that user exists.</summary>
    public static readonly Guid MineAnalyst = new("0b5e71c0-0000-4000-8000-000000000001");

    public const string Generator = "bench.generator";

    private static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    private static readonly string[] Surnames =
    [
        "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук", "Бойко", "Мельник", "Шевченко",
        "Коваль", "Савченко", "Руденко", "Марченко", "Лисенко", "Петренко", "Мороз", "Кузьменко", "Павленко", "Левченко",
    ];

    private static readonly string[] Names = ["Олександр", "Андрій", "Сергій", "Олена", "Наталія", "Тетяна", "Ірина", "Дмитро", "Максим", "Оксана"];

    private static readonly string[] Summaries =
    [
        "Погрози судді в листі після ухвалення рішення",
        "Повідомлення з погрозами в месенджері",
        "Невідома особа чекала суддю біля будинку",
        "Публікації в соцмережах із закликами до насильства",
        "Телефонні дзвінки з погрозами секретарю судового засідання",
        "Образливі листи на адресу суду",
        "Особа стежила за суддею після засідання",
        "Погрози родині судді через знайомих",
        "Агресивна поведінка учасника справи в приміщенні суду",
        "Лист із погрозами та фотографіями житла судді",
        "Повторні звернення з вимогами та натяками на розправу",
        "Погрози помічнику судді електронною поштою",
    ];

    private static readonly string[] Channels = ["letter", "phone", "email", "social-media", "messenger", "in-person", "at-home", "other"];
    private static readonly string[] Stages = ["grievance", "ideation", "research-planning", "preparation", "probing-breach", "attack"];
    private static readonly string[] Behaviours = ["pathway", "fixation", "identification", "novel-aggression", "energy-burst", "leakage", "direct-threat", "last-resort"];
    private static readonly string[] MeasureTypes = ["personal-protection", "residence-guard", "escort", "home-duress-button", "route-schedule-change", "courtroom-measures", "police-notification", "security-briefing"];
    private static readonly string[] Notes = ["Дзвінок потерпілому", "Запит до поліції", "Отримано новий лист", "Розмова з керівником апарату суду", "Перевірка за базами", "Примітка аналітика"];

    private readonly Random _r = new(options.Seed);
    private readonly DateTime _now = Trim(TimeProvider.System.GetUtcNow().UtcDateTime);

    public DateTime Now => _now;

    // ------------------------------------------------------------------------------------------------
    // The plan: every row but the timeline's, in memory.
    // ------------------------------------------------------------------------------------------------

    private sealed class CasePlan
    {
        public Guid Id;
        public int Court;
        public string Number = "";
        public int Year;
        public int Sequence;
        public string Tier = "";
        public string Priority = "";
        public string Status = "";
        public string Summary = "";
        public int Source = -1;
        public string? CourtCases;
        public int Analyst = -1;
        public DateTime Opened;
        public DateTime Due;
        public DateTime? Assessed;
        public string? Risk;
        public DateTime? MeasuresDue;
        public DateTime? MeasuresStarted;
        public DateTime? Closed;
        public DateTime LastActivity;
        public int Measures;
        public bool PendingReassessment;
        public bool SecondReport;
        public int Persons;
        public (DateTime At, string Kind, string? Text)[] Events = [];
    }

    private sealed record CourtPlan(Guid Id, Guid UnitId, int Unit, string Code, Guid[] Judges);

    private sealed record Plan(Guid[] Regions, Guid[] Units, CourtPlan[] Courts, Guid[][] Analysts, Guid[] Sources, CasePlan[] Cases);

    public async Task<ThreatsGeneration> GenerateAsync(IBulkTarget target, IReadOnlyDictionary<int, int> usedSequences)
    {
        var phases = new List<(string, TimeSpan)>();
        var sw = Stopwatch.StartNew();
        var plan = MakePlan(usedSequences);
        var events = plan.Cases.Sum(c => (long)c.Events.Length);
        phases.Add(("plan (in memory)", sw.Elapsed));
        log($"plan: {plan.Courts.Length} courts under {plan.Units.Length} units, {plan.Cases.Length:N0} cases ({plan.Cases.Count(c => c.Closed is null):N0} open), {events:N0} timeline lines");

        sw.Restart();
        await WriteOrgAsync(target, plan);
        await WriteSourcesAsync(target, plan);
        await WriteCasesAsync(target, plan);
        phases.Add(("org units, sources, cases", sw.Elapsed));
        log($"org units, sources, cases: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        var reports = await WriteReportsAsync(target, plan);
        var persons = await WritePersonsAsync(target, plan);
        phases.Add(("reports, protected persons", sw.Elapsed));
        log($"reports {reports:N0}, protected persons {persons:N0}: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        await WriteEventsAsync(target, plan);
        phases.Add(("timeline", sw.Elapsed));
        log($"timeline: {sw.Elapsed.TotalSeconds:F1}s ({events / sw.Elapsed.TotalSeconds:N0} rows/s)");

        sw.Restart();
        var assessments = await WriteAssessmentsAsync(target, plan);
        var measures = await WriteMeasuresAsync(target, plan);
        phases.Add(("assessments, measures", sw.Elapsed));
        log($"assessments {assessments:N0}, measures {measures:N0}: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        await target.FinishAsync(log);
        phases.Add(("after load (statistics, checkpoint)", sw.Elapsed));

        return new ThreatsGeneration(plan.Units.Length, plan.Courts.Length, plan.Cases.Length, plan.Cases.Count(c => c.Closed is null), events, reports,
            persons, assessments, measures, plan.Sources.Length, phases);
    }

    private Plan MakePlan(IReadOnlyDictionary<int, int> usedSequences)
    {
        var units = options.Units;
        var regions = Enumerable.Range(0, units).Select(_ => Guid.NewGuid()).ToArray();
        var unitIds = Enumerable.Range(0, units).Select(_ => Guid.NewGuid()).ToArray();
        var courts = Enumerable.Range(0, units * options.CourtsPerUnit)
            .Select(i => new CourtPlan(Guid.NewGuid(), unitIds[i / options.CourtsPerUnit], i / options.CourtsPerUnit, $"{CourtCodePrefix}{i + 1:D3}",
                Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray()))
            .ToArray();
        var analysts = Enumerable.Range(0, units).Select(u => Enumerable.Range(0, 3).Select(a => u == 0 && a == 0 ? MineAnalyst : Guid.NewGuid()).ToArray()).ToArray();
        var sources = Enumerable.Range(0, options.Cases * 3 / 10).Select(_ => Guid.NewGuid()).ToArray();

        // Courts differ in size: weights 0.5–1.5, so some courts have three times the cases of others.
        var weights = courts.Select(_ => 0.5 + _r.NextDouble()).ToArray();
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + weights[i];
        }

        var openedTimes = Enumerable.Range(0, options.Cases).Select(_ => Trim(_now - Span * _r.NextDouble())).Order().ToArray();
        var sequences = new Dictionary<int, int>(usedSequences);
        var cases = new CasePlan[options.Cases];
        for (var i = 0; i < cases.Length; i++)
        {
            var opened = openedTimes[i];
            var pick = _r.NextDouble() * cumulative[^1];
            var court = Array.BinarySearch(cumulative, pick);
            court = court < 0 ? ~court : court;
            var year = KyivTime.ToKyiv(new DateTimeOffset(opened)).Year;
            var seq = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            cases[i] = NewCase(opened, Math.Min(court, courts.Length - 1), year, seq, sources.Length);
        }

        return new Plan(regions, unitIds, courts, analysts, sources, cases);
    }

    private CasePlan NewCase(DateTime opened, int court, int year, int seq, int sources)
    {
        var c = new CasePlan
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(opened)), Court = court, Year = year, Sequence = seq, Number = $"THR-{year}-{seq:D5}", Opened = opened,
            Summary = Summaries[_r.Next(Summaries.Length)],
        };
        var threat = _r.NextDouble() < 0.7;
        c.Tier = threat ? "threat" : "inappropriate-communication";
        var p = _r.NextDouble();
        c.Priority = threat ? (p < 0.07 ? "imminent" : p < 0.40 ? "expedited" : "standard") : (p < 0.15 ? "expedited" : "standard");
        c.Due = c.Priority switch
        {
            "imminent" => opened.AddHours(4),
            "expedited" => AddBusinessDays(opened, 3),
            _ => AddBusinessDays(opened, 7),
        };

        // How long the investigation stays open: exponential, mean 131 days, so that about 12 % of three years' cases are open now.
        var life = TimeSpan.FromDays(Math.Max(1, -Math.Log(1 - _r.NextDouble()) * 131));

        // The assessment: 88 % within the target, the rest up to 2.5 times it; 3 % of cases stall unassessed.
        var window = c.Due - opened;
        DateTime? assessed = _r.NextDouble() < 0.88 ? opened + window * (0.1 + 0.9 * _r.NextDouble()) : opened + window * (1 + 1.5 * _r.NextDouble());
        var closed = opened + life;
        if (closed < assessed!.Value.AddDays(1))
        {
            closed = assessed.Value.AddDays(1 + _r.NextDouble() * 5);
        }

        var open = closed > _now;
        if (open && (assessed > _now || _r.NextDouble() < 0.03))
        {
            assessed = null;
        }

        c.Closed = open ? null : Trim(closed);
        c.Assessed = assessed is { } a ? Trim(a) : null;
        if (c.Assessed is not null)
        {
            var r = _r.NextDouble();
            c.Risk = c.Priority == "imminent" ? (r < 0.4 ? "imminent" : r < 0.8 ? "high" : "moderate")
                : threat ? (r < 0.30 ? "low" : r < 0.72 ? "moderate" : r < 0.94 ? "high" : "imminent")
                : (r < 0.75 ? "low" : "moderate");
            if (c.Risk == "imminent")
            {
                c.MeasuresDue = c.Assessed.Value.AddHours(2);
                DateTime? started = _r.NextDouble() < 0.93 ? c.MeasuresDue.Value.AddMinutes(-_r.Next(5, 115)) : c.MeasuresDue.Value.AddHours(1 + _r.NextDouble() * 47);
                if (open && (started > _now || _r.NextDouble() < 0.05))
                {
                    started = null;
                }

                c.MeasuresStarted = started is { } s ? Trim(s) : null;
            }

            c.Measures = c.Risk switch
            {
                "imminent" => 2 + _r.Next(2),
                "high" => 1 + _r.Next(2),
                "moderate" => _r.NextDouble() < 0.25 ? 1 : 0,
                _ => 0,
            };
            c.MeasuresStarted ??= c.Measures > 0 && c.Risk != "imminent" ? Trim(c.Assessed.Value.AddHours(2 + _r.NextDouble() * 46)) : null;
            if (c.MeasuresStarted > _now)
            {
                c.MeasuresStarted = null;
            }

            c.PendingReassessment = open && _r.NextDouble() < 0.15;
        }

        c.Status = !open ? "closed"
            : c.Assessed is null ? (_now - opened < TimeSpan.FromDays(1) ? "new" : "assessing")
            : c.MeasuresStarted is not null ? (_r.NextDouble() < 0.7 ? "measures-active" : "monitoring")
            : _r.NextDouble() < 0.6 ? "monitoring" : "assessing";
        c.Analyst = c.Status == "new" && _r.NextDouble() < 0.3 ? -1 : _r.Next(3);
        if (_r.NextDouble() < 0.45)
        {
            // Known sources: a skewed pick, so that a few people are behind many cases (fixation).
            c.Source = (int)(sources * Math.Pow(_r.NextDouble(), 2));
        }

        if (_r.NextDouble() < 0.6)
        {
            c.CourtCases = string.Join('\n', Enumerable.Range(0, 1 + _r.Next(2)).Select(_ => $"{100 + court}/{_r.Next(1, 9999)}/{year % 100:D2}"));
        }

        c.SecondReport = _r.NextDouble() < 0.2;
        c.Persons = _r.NextDouble() < 0.15 ? 2 : 1;
        c.Events = Timeline(c);
        c.LastActivity = c.Events[^1].At;
        return c;
    }

    /// <summary>The case's timeline, oldest first: what the services log, then notes up to the last activity.</summary>
    private (DateTime At, string Kind, string? Text)[] Timeline(CasePlan c)
    {
        var events = new List<(DateTime At, string Kind, string? Text)>
        {
            (c.Opened, "opened", $"{c.Number} · {c.Priority}"),
            (c.Opened, "report-linked", Names[_r.Next(Names.Length)] + " · " + c.Tier),
            (c.Opened.AddMinutes(_r.Next(1, 60)), "person-added", Surnames[_r.Next(Surnames.Length)] + " · self"),
        };
        if (c.Analyst >= 0)
        {
            events.Add((c.Opened.AddMinutes(_r.Next(5, 240)), "analyst", "Аналітик"));
        }

        if (c.Assessed is { } assessed)
        {
            events.Add((assessed, "assessed", c.Risk));
            for (var m = 0; m < c.Measures; m++)
            {
                events.Add((assessed.AddMinutes(_r.Next(1, 90)), "measure-added", MeasureTypes[_r.Next(MeasureTypes.Length)]));
            }

            if (c.MeasuresStarted is { } started)
            {
                events.Add((started, "measure-active", null));
            }
        }

        var end = c.Closed ?? (c.Status == "new" ? c.Opened.AddMinutes(_r.Next(1, 600)) : c.Opened + (_now - c.Opened) * (0.5 + 0.5 * _r.NextDouble()));
        if (end > _now)
        {
            end = _now.AddMinutes(-1);
        }

        var target = (int)Math.Round(options.EventsPerCase * (0.6 + 0.8 * _r.NextDouble()));
        var from = events.Max(e => e.At);
        while (events.Count < target - (c.Closed is null ? 0 : 1))
        {
            var at = end > from ? from + (end - from) * _r.NextDouble() : from;
            events.Add((at, "note", Notes[_r.Next(Notes.Length)]));
        }

        if (c.Closed is { } closed)
        {
            events.Add((closed > from ? closed : from, "status", "monitoring → closed: загрозу не підтверджено"));
        }

        return events.Select(e => (Trim(e.At), e.Kind, e.Text)).OrderBy(e => e.Item1).ToArray();
    }

    /// <summary>The end of the n-th business day after the Kyiv day of the opening, as the module's calendar counts under martial law (weekends only).</summary>
    private static DateTime AddBusinessDays(DateTime openedUtc, int days)
    {
        var day = DateOnly.FromDateTime(KyivTime.ToKyiv(new DateTimeOffset(openedUtc)).DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, KyivTime.Zone.GetUtcOffset(local)).UtcDateTime;
    }

    private static DateTime Trim(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    // ------------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------------

    private static Column[] Columns(string spec) => spec.Split(',').Select(s =>
    {
        var (name, kind) = (s[..^2], s[^1]);
        return new Column(name.Trim(), kind switch
        {
            'u' => ColumnKind.Uuid,
            't' => ColumnKind.Text,
            'i' => ColumnKind.Int,
            'b' => ColumnKind.Bool,
            'T' => ColumnKind.Timestamp,
            'd' => ColumnKind.Date,
            _ => throw new ArgumentException(s),
        });
    }).ToArray();

    private static async Task WriteOrgAsync(IBulkTarget target, Plan plan)
    {
        await using var org = await target.OpenAsync("platform_org_units", Columns("Id:u,ParentId:u,Kind:t,SiteKind:t,Name:t,NameEn:t,Code:t"));
        for (var u = 0; u < plan.Units.Length; u++)
        {
            await org.AddAsync([plan.Regions[u], DemoData.Country, "Region", null, $"Область {u + 1:D2} (тест загроз)", $"Region {u + 1:D2} (threats benchmark)", $"{RegionCodePrefix}{u + 1:D2}"]);
        }

        for (var u = 0; u < plan.Units.Length; u++)
        {
            await org.AddAsync([plan.Units[u], plan.Regions[u], "Unit", null, $"Підрозділ охорони судів {u + 1:D2} (тест)", $"Court security unit {u + 1:D2} (benchmark)", $"{UnitCodePrefix}{u + 1:D2}"]);
        }

        foreach (var (c, i) in plan.Courts.Select((c, i) => (c, i)))
        {
            await org.AddAsync([c.Id, c.UnitId, "Site", "court-building", $"Суд №{i + 1:D3} (тест)", $"Court No. {i + 1:D3} (benchmark)", c.Code]);
        }

        await org.CompleteAsync();
    }

    private async Task WriteSourcesAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_sources", Columns("Id:u,Name:t,NameKey:t,Details:t,FirstNamedAt:T"));
        for (var i = 0; i < plan.Sources.Length; i++)
        {
            var name = $"{Surnames[i % Surnames.Length]} {Names[i / Surnames.Length % Names.Length]} {i}";
            await w.AddAsync([plan.Sources[i], name, name.ToLowerInvariant(), null, _now - Span]);
        }

        await w.CompleteAsync();
    }

    private async Task WriteCasesAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_cases", Columns(
            "Id:u,Number:t,Year:i,Sequence:i,CourtId:u,Tier:t,Priority:t,Status:t,Summary:t,SourceId:u,CourtCases:t,AnalystUserId:u,AnalystName:t," +
            "OpenedAt:T,DueAt:T,AssessedAt:T,RiskLevel:t,MeasuresDueAt:T,MeasuresStartedAt:T,ClosedAt:T,ClosingReason:t,LastActivityAt:T,Version:i"));
        foreach (var c in plan.Cases)
        {
            var court = plan.Courts[c.Court];
            Guid? analyst = c.Analyst < 0 ? null : plan.Analysts[court.Unit][c.Analyst];
            await w.AddAsync([
                c.Id, c.Number, c.Year, c.Sequence, court.Id, c.Tier, c.Priority, c.Status, c.Summary, c.Source < 0 ? null : plan.Sources[c.Source], c.CourtCases,
                analyst, analyst is null ? null : $"Аналітик {court.Unit + 1:D2}-{c.Analyst + 1}",
                c.Opened, c.Due, c.Assessed, c.Risk, c.MeasuresDue, c.MeasuresStarted, c.Closed, c.Closed is null ? null : "Загрозу не підтверджено",
                c.LastActivity, c.Events.Length]);
        }

        await w.CompleteAsync();
    }

    private async Task<int> WriteReportsAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_reports", Columns(
            "Id:u,CourtId:u,ReporterUserId:u,ReporterName:t,FiledByUserId:u,FiledByName:t,OccurredAt:T,Channel:t,Target:t,TargetName:t,Description:t," +
            "SourceKnown:b,SourceName:t,SourceDetails:t,CourtCaseNumber:t,Status:t,Tier:t,CaseId:u,TriagedAt:T,TriagedBy:t,RecordedAt:T,RecordedBy:t"));
        var n = 0;
        foreach (var c in plan.Cases)
        {
            var court = plan.Courts[c.Court];
            for (var k = 0; k < (c.SecondReport ? 2 : 1); k++)
            {
                var recorded = k == 0 ? c.Opened.AddMinutes(-_r.Next(10, 600)) : c.Opened + (c.LastActivity - c.Opened) * _r.NextDouble();
                var reporter = court.Judges[_r.Next(court.Judges.Length)];
                var name = $"{Surnames[_r.Next(Surnames.Length)]} {Names[_r.Next(Names.Length)]}";
                await w.AddAsync([
                    Guid.CreateVersion7(new DateTimeOffset(recorded)), court.Id, reporter, name, reporter, name, Trim(recorded.AddHours(-_r.Next(1, 72))),
                    Channels[_r.Next(Channels.Length)], "self", null, c.Summary + ". Подробиці в поясненні.", c.Source >= 0, c.Source >= 0 ? "Відоме джерело" : null, null,
                    c.CourtCases?.Split('\n')[0], "triaged", c.Tier, c.Id, Trim(k == 0 ? c.Opened : recorded), "Аналітик", Trim(recorded), Generator]);
                n++;
            }
        }

        await w.CompleteAsync();
        return n;
    }

    private async Task<int> WritePersonsAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_protected_persons", Columns("Id:u,CaseId:u,UserId:u,Name:t,Relation:t,RecordedAt:T,RecordedBy:t"));
        var n = 0;
        foreach (var c in plan.Cases)
        {
            var court = plan.Courts[c.Court];
            for (var k = 0; k < c.Persons; k++)
            {
                var judge = court.Judges[_r.Next(court.Judges.Length)];
                await w.AddAsync([Guid.NewGuid(), c.Id, judge, $"{Surnames[_r.Next(Surnames.Length)]} {Names[_r.Next(Names.Length)]}", k == 0 ? "self" : "family",
                    Trim(c.Opened.AddMinutes(1 + k)), Generator]);
                n++;
            }
        }

        await w.CompleteAsync();
        return n;
    }

    private static async Task WriteEventsAsync(IBulkTarget target, Plan plan)
    {
        // The Id is the database's identity: rows go in case by case, in timeline order.
        await using var w = await target.OpenAsync("threats_case_events", Columns("CaseId:u,At:T,ActorUserId:u,ActorName:t,Kind:t,Text:t"));
        foreach (var c in plan.Cases)
        {
            var actor = plan.Analysts[plan.Courts[c.Court].Unit][Math.Max(0, c.Analyst)];
            foreach (var (at, kind, text) in c.Events)
            {
                await w.AddAsync([c.Id, at, actor, "Аналітик", kind, text]);
            }
        }

        await w.CompleteAsync();
    }

    private async Task<int> WriteAssessmentsAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_assessments", Columns(
            "Id:u,CaseId:u,Version:i,Stage:t,Behaviours:t,History:t,ProtectiveFactors:t,RiskLevel:t,Reasons:t,AssessorUserId:u,AssessorName:t,AssessedAt:T," +
            "Review:t,ReviewerUserId:u,ReviewerName:t,ReviewedAt:T,ReviewNote:t,ConcurrencyVersion:i"));
        var n = 0;
        foreach (var c in plan.Cases.Where(c => c.Assessed is not null))
        {
            var analysts = plan.Analysts[plan.Courts[c.Court].Unit];
            var assessor = analysts[Math.Max(0, c.Analyst)];
            var reviewer = analysts[(Math.Max(0, c.Analyst) + 1) % analysts.Length];
            var reviewed = c.Risk is "high" or "imminent";
            var filed = reviewed ? c.Assessed!.Value.AddHours(-1) : c.Assessed!.Value;
            await w.AddAsync([
                Guid.CreateVersion7(new DateTimeOffset(filed)), c.Id, 1, Stages[_r.Next(3)], string.Join(' ', Behaviours.Where(_ => _r.NextDouble() < 0.25)),
                "Раніше не притягувався", null, c.Risk, "Оцінка за структурованим професійним судженням", assessor, "Аналітик", filed,
                reviewed ? "approved" : "not-required", reviewed ? reviewer : null, reviewed ? "Рецензент" : null, reviewed ? c.Assessed : null, null, 1]);
            n++;
            if (c.PendingReassessment)
            {
                var at = Trim(c.LastActivity.AddMinutes(-1) > c.Assessed ? c.LastActivity.AddMinutes(-1) : c.Assessed.Value);
                await w.AddAsync([
                    Guid.CreateVersion7(new DateTimeOffset(at)), c.Id, 2, Stages[2 + _r.Next(3)], "fixation leakage direct-threat", null, null, "high",
                    "Повторна оцінка: нові листи", assessor, "Аналітик", at, "pending", null, null, null, null, 1]);
                n++;
            }
        }

        await w.CompleteAsync();
        return n;
    }

    private async Task<int> WriteMeasuresAsync(IBulkTarget target, Plan plan)
    {
        await using var w = await target.OpenAsync("threats_measures", Columns(
            "Id:u,CaseId:u,ProtectedPersonId:u,TypeCode:t,AssigneeUnitId:u,AssigneeUserId:u,AssigneeName:t,StartsOn:d,EndsOn:d,ReviewOn:d,Status:t," +
            "StartedAt:T,EndedAt:T,Notes:t,RecordedAt:T,RecordedBy:t,Version:i"));
        var n = 0;
        foreach (var c in plan.Cases.Where(c => c.Measures > 0))
        {
            var court = plan.Courts[c.Court];
            var starts = DateOnly.FromDateTime((c.MeasuresStarted ?? c.Assessed!.Value.AddHours(2)).Date);
            for (var k = 0; k < c.Measures; k++)
            {
                var status = c.Closed is not null ? "ended" : c.MeasuresStarted is null ? "planned" : "active";
                await w.AddAsync([
                    Guid.NewGuid(), c.Id, null, MeasureTypes[_r.Next(MeasureTypes.Length)], court.UnitId, null, "Підрозділ охорони", starts,
                    c.Closed is { } closed ? DateOnly.FromDateTime(closed.Date) : null, starts.AddDays(30), status,
                    status == "planned" ? null : c.MeasuresStarted, c.Closed, null, Trim(c.Assessed!.Value.AddMinutes(10 + k)), Generator, 1]);
                n++;
            }
        }

        await w.CompleteAsync();
        return n;
    }
}
