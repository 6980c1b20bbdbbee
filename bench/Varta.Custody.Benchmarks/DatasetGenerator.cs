using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Localization;

namespace Varta.Custody.Benchmarks;

/// <summary>What generation produced and how long each part took.</summary>
internal sealed record GenerationResult(
    int Regions, int Facilities, int Cells, int Persons, int Records, int OpenRecords, long Entries, int ReviewItems, int OpenReviewItems,
    IReadOnlyList<(string Phase, TimeSpan Took)> Phases)
{
    public TimeSpan Total => Phases.Aggregate(TimeSpan.Zero, (a, p) => a + p.Took);
}

/// <summary>
/// A national-scale custody dataset, written straight into the tables the migrations create: regions, police
/// units and detention facilities in the organisation tree, cells, persons (some detained more than once),
/// records with their entries. Most records are closed (released or transferred); a number per facility are
/// open, with the derived fields (cell, observation level, last and next check, notifications, last meal) set
/// exactly as <c>RecordState.Apply</c> would fold them from the generated timeline, so that the board, the
/// record view and the national overdue query see a realistic state. No audit entries are written for the bulk
/// rows (the chain only covers what the benchmark then does through the API).
/// </summary>
internal sealed class DatasetGenerator(BenchOptions options, Action<string> log)
{
    public const string FacilityCodePrefix = "BENCH-ITT-";
    private const int Regions = 24;

    /// <summary>Entries of the one long record that the oversight PDF benchmark prints (issue 13).</summary>
    public const int LongRecordEntries = 300;

    /// <summary>The generated region the benchmark's rights inspector is scoped to (holds the long record's facility).</summary>
    public const string InspectorRegionCode = "BENCH-R01";
    private static readonly int[] CheckMinutes = [0, 60, 30, 15, 15];

    private static readonly string[] Surnames =
    [
        "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук", "Бойко", "Мельник", "Шевченко",
        "Коваль", "Савченко", "Руденко", "Марченко", "Лисенко", "Петренко", "Мороз", "Кузьменко", "Павленко", "Левченко",
        "Гончаренко", "Харченко", "Клименко", "Пономаренко", "Ковальчук", "Бондар", "Романенко", "Карпенко", "Литвиненко", "Яковенко",
        "Гаврилюк", "Кравчук", "Тарасенко", "Іваненко", "Демченко", "Сидоренко", "Власенко", "Захарченко", "Костенко", "Нестеренко",
    ];

    private static readonly string[] MaleNames =
    [
        "Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Максим", "Іван", "Микола", "Олег", "Юрій",
        "Віктор", "Василь", "Богдан", "Тарас", "Роман", "Ігор", "Петро", "Денис", "Артем", "Євген",
    ];

    private static readonly string[] FemaleNames =
    [
        "Олена", "Наталія", "Тетяна", "Ірина", "Оксана", "Юлія", "Марія", "Світлана", "Анна", "Катерина",
        "Людмила", "Вікторія", "Галина", "Ольга", "Дарина", "Софія", "Христина", "Леся", "Надія", "Зоряна",
    ];

    private static readonly string[] MalePatronymics = ["Олександрович", "Іванович", "Петрович", "Миколайович", "Васильович", "Сергійович", "Андрійович", "Вікторович"];
    private static readonly string[] FemalePatronymics = ["Олександрівна", "Іванівна", "Петрівна", "Миколаївна", "Василівна", "Сергіївна", "Андріївна", "Вікторівна"];
    private static readonly string[] Officers = ["Бойко О.", "Мельник С.", "Ткачук І.", "Гуменюк В.", "Савчук Р.", "Кушнір Д.", "Данилюк Т.", "Марчук Л."];
    private static readonly string[] Places = ["вул. Хрещатик, 1", "просп. Перемоги, 12", "вул. Шевченка, 40", "пл. Ринок, 3", "вул. Франка, 7", "вокзал, перон 2"];

    // JSON string literals, escaped the way System.Text.Json escapes them in the application (non-ASCII as \uXXXX).
    private static readonly Dictionary<string, string> Json = new(StringComparer.Ordinal);

    private readonly DateTime _now = TimeProvider.System.GetUtcNow().UtcDateTime;

    public DateTime Now => _now;

    public async Task<GenerationResult> GenerateAsync(IBulkTarget target)
    {
        var phases = new List<(string, TimeSpan)>();
        using var self = Process.GetCurrentProcess();
        var cpuAtStart = self.TotalProcessorTime;
        var wallAtStart = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();

        var plan = Plan();
        phases.Add(("plan (in memory)", sw.Elapsed));
        log($"plan: {plan.Facilities.Length} facilities, {plan.Persons.Length:N0} persons, {plan.Records.Length:N0} records × {options.EntriesPerRecord} entries");

        sw.Restart();
        await WriteOrgAndCellsAsync(target, plan);
        await WritePersonsAsync(target, plan);
        phases.Add(("org units, cells, persons", sw.Elapsed));
        log($"org units, cells, persons: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        await WriteRecordsAsync(target, plan);
        phases.Add(("records", sw.Elapsed));
        log($"records: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        var entries = await WriteEntriesAsync(target, plan);
        phases.Add(("entries", sw.Elapsed));
        log($"entries: {sw.Elapsed.TotalSeconds:F1}s ({entries / sw.Elapsed.TotalSeconds:N0} rows/s)");

        sw.Restart();
        var (items, openItems) = await WriteReviewItemsAsync(target, plan);
        phases.Add(("oversight review items", sw.Elapsed));
        log($"oversight review items: {items:N0} ({openItems:N0} open), {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        await target.FinishAsync(log);
        phases.Add(("after load (statistics, checkpoint)", sw.Elapsed));
        log($"after load: {sw.Elapsed.TotalSeconds:F1}s");
        self.Refresh();
        log($"generation used {(self.TotalProcessorTime - cpuAtStart).TotalSeconds:F0}s of CPU in this process over {wallAtStart.Elapsed.TotalSeconds:F0}s (load average now {Measure.LoadAverage()}; the database server's own CPU is not counted)");

        return new GenerationResult(Regions, plan.Facilities.Length, plan.Facilities.Sum(f => f.Cells.Length), plan.Persons.Length,
            plan.Records.Length, plan.Records.Count(r => r.Open), entries, items, openItems, phases);
    }

    // ------------------------------------------------------------------------------------------------
    // The plan: everything but the entries, small enough to hold in memory.
    // ------------------------------------------------------------------------------------------------

    private sealed record FacilityPlan(Guid Id, Guid UnitId, int Number, string Code, string Name, string NameEn, CellPlan[] Cells)
    {
        /// <summary>Cell index of each place: one person per cell first, then second places, and so on (never over capacity).</summary>
        public int[] Places { get; } = Enumerable.Range(0, Cells.Length == 0 ? 0 : Cells.Max(c => c.Capacity))
            .SelectMany(round => Enumerable.Range(0, Cells.Length).Where(i => Cells[i].Capacity > round)).ToArray();
    }

    private sealed record CellPlan(Guid Id, string Number, int Capacity, decimal FloorArea);

    private sealed record PersonPlan(Guid Id, string Surname, string GivenName, string Patronymic, DateOnly DateOfBirth, string Sex, bool Interpreter);

    private sealed class RecordPlan
    {
        public Guid Id;
        public int Facility;
        public int Person;
        public bool Open;
        public DateTime DetainedAt;
        public DateTime ArrivedAt;

        /// <summary>Closed: the release or transfer. Open: the last welfare check.</summary>
        public DateTime EndAt;
        public string LegalBasis = "";
        public string? Exception;
        public int Year;
        public int Sequence;
        public int Seed;

        /// <summary>Open records: which place of the facility (cells filled in order, each up to its capacity).</summary>
        public int Slot;

        /// <summary>Entries of this record when not the usual --entries-per-record (the long record the oversight PDF prints).</summary>
        public int EntryCount;
    }

    private sealed record Plans(Guid[] RegionIds, Guid[] UnitIds, FacilityPlan[] Facilities, PersonPlan[] Persons, RecordPlan[] Records);

    private Plans Plan()
    {
        var rng = new Random(options.Seed);
        var regionIds = Enumerable.Range(0, Regions).Select(_ => Guid.NewGuid()).ToArray();
        var unitIds = Enumerable.Range(0, Regions).Select(_ => Guid.NewGuid()).ToArray();
        var facilities = new FacilityPlan[options.Facilities];
        for (var f = 0; f < facilities.Length; f++)
        {
            var cells = new CellPlan[options.CellsPerFacility];
            for (var c = 0; c < cells.Length; c++)
            {
                // A quarter single cells, half doubles, a quarter for four: about 2.25 places a cell.
                var q = c * 4 / cells.Length;
                var (capacity, area) = q == 0 ? (1, 6m) : q == 3 ? (4, 16m) : (2, 9m);
                cells[c] = new CellPlan(Guid.NewGuid(), (c + 1).ToString(CultureInfo.InvariantCulture), capacity, area);
            }

            facilities[f] = new FacilityPlan(Guid.NewGuid(), unitIds[f % Regions], f + 1, $"{FacilityCodePrefix}{f + 1:D3}",
                $"ІТТ №{f + 1:D3} (навантажувальний тест)", $"Temporary detention facility No. {f + 1:D3} (benchmark)", cells);
        }

        var personCount = Math.Max(options.Facilities * options.OpenPerFacility, (int)(options.Records * options.PersonsPerRecord));
        var persons = new PersonPlan[personCount];
        var personEpoch = _now.AddYears(-3);
        for (var p = 0; p < persons.Length; p++)
        {
            var male = rng.NextDouble() < 0.88;
            var born = new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 365 * 58));
            persons[p] = new PersonPlan(
                Guid.CreateVersion7(new DateTimeOffset(personEpoch.AddSeconds(p * (3.0 * 365 * 86400 / persons.Length)), TimeSpan.Zero)),
                Surnames[rng.Next(Surnames.Length)],
                male ? MaleNames[rng.Next(MaleNames.Length)] : FemaleNames[rng.Next(FemaleNames.Length)],
                male ? MalePatronymics[rng.Next(MalePatronymics.Length)] : FemalePatronymics[rng.Next(FemalePatronymics.Length)],
                born, male ? "male" : "female", rng.NextDouble() < 0.04);
        }

        var open = options.Facilities * options.OpenPerFacility;
        var records = new RecordPlan[options.Records];
        var openPersons = new HashSet<int>();
        for (var i = 0; i < records.Length; i++)
        {
            var r = new RecordPlan { Seed = rng.Next() };
            if (i < open)
            {
                // Open: detained 2 h to 62 h ago, each by a different person, one facility after another.
                r.Open = true;
                r.Facility = i / options.OpenPerFacility;
                r.Slot = i % options.OpenPerFacility;
                r.Person = persons.Length - 1 - i;
                openPersons.Add(r.Person);
                r.DetainedAt = _now.AddMinutes(-rng.Next(120, 62 * 60));
                r.LegalBasis = r.DetainedAt > _now.AddHours(-3) && rng.NextDouble() < 0.3 ? "coao-262" : rng.NextDouble() < 0.85 ? "cpc-208" : "court-order";
            }
            else
            {
                r.Facility = rng.Next(facilities.Length);
                int person;
                do
                {
                    person = rng.Next(persons.Length);
                }
                while (openPersons.Contains(person));

                r.Person = person;
                r.DetainedAt = _now.AddDays(-3 * 365).AddSeconds(rng.NextDouble() * (3 * 365 - 3) * 86400);
                var basis = rng.NextDouble();
                r.LegalBasis = basis < 0.75 ? "cpc-208" : basis < 0.85 ? "court-order" : "coao-262";
                if (r.LegalBasis == "coao-262" && rng.NextDouble() < 0.2)
                {
                    r.Exception = rng.NextDouble() < 0.5 ? "border" : "narcotics";
                }
            }

            r.DetainedAt = Trim(r.DetainedAt);
            r.ArrivedAt = r.DetainedAt.AddMinutes(rng.Next(20, 61));
            if (r.Open)
            {
                // The last welfare check: mostly in time, about one in ten overdue (up to 15 % past the interval).
                r.EndAt = Trim(_now.AddSeconds(-rng.NextDouble() * 1.15 * 3600));
            }
            else
            {
                var maxHours = r.LegalBasis switch
                {
                    "coao-262" => r.Exception is null ? 3.0 : 48.0,
                    "court-order" => 36.0,
                    _ => 60.0,
                };
                r.EndAt = Trim(r.ArrivedAt.AddMinutes(60 + rng.NextDouble() * (maxHours * 60 - 60)));
            }

            records[i] = r;
        }

        // Chronological, as the API would have written them: ids (v7) and per-facility, per-year sequences in order.
        Array.Sort(records, (a, b) => a.DetainedAt.CompareTo(b.DetainedAt));
        var sequences = new Dictionary<(int, int), int>();
        foreach (var r in records)
        {
            r.Id = Guid.CreateVersion7(new DateTimeOffset(r.ArrivedAt, TimeSpan.Zero));
            r.Year = KyivTime.ToKyiv(new DateTimeOffset(r.ArrivedAt, TimeSpan.Zero)).Year;
            var key = (r.Facility, r.Year);
            r.Sequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
        }

        // One long record for the oversight PDF: the longest closed stay at the first facility (under BENCH-R01).
        var longest = records.Where(r => !r.Open && r.Facility == 0).MaxBy(r => r.EndAt - r.ArrivedAt);
        if (longest is not null)
        {
            longest.EntryCount = LongRecordEntries;
        }

        return new Plans(regionIds, unitIds, facilities, persons, records);
    }

    private static DateTime Trim(DateTime t) => new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    // ------------------------------------------------------------------------------------------------
    // Timeline: the entries of one record, deterministic from its seed, so that the record's derived fields
    // (written first) and its entries (written after) agree.
    // ------------------------------------------------------------------------------------------------

    private readonly record struct EntryPlan(string Type, DateTime At);

    private sealed class Timeline
    {
        public readonly List<EntryPlan> Entries = [];
        public int ObservationLevel = 1;
        public string RiskLevel = "low";
        public bool Injuries;
        public int Cell;
        public DateTime? LastCheck;
        public DateTime? LastMeal;
        public DateTime LegalAid;
        public DateTime Relatives;
        public string? CloseType;
        public string? Grounds;
    }

    private Timeline BuildTimeline(RecordPlan r, FacilityPlan facility)
    {
        var rng = new Random(r.Seed);
        var t = new Timeline();
        var a = r.ArrivedAt;
        var level = rng.NextDouble();
        t.ObservationLevel = level < 0.8 ? 1 : level < 0.95 ? 2 : 3;
        t.RiskLevel = t.ObservationLevel switch { 1 => "low", 2 => "medium", _ => "high" };
        t.Injuries = rng.NextDouble() < 0.02;
        t.Cell = r.Open ? facility.Places[r.Slot % facility.Places.Length] : rng.Next(facility.Cells.Length);
        t.LegalAid = a.AddMinutes(8);
        t.Relatives = a.AddMinutes(12);
        t.Entries.Add(new("booking-in", a));
        t.Entries.Add(new("rights-explained", a.AddMinutes(4)));
        t.Entries.Add(new("legal-aid-notified", t.LegalAid));
        t.Entries.Add(new("relatives-notified", t.Relatives));
        t.Entries.Add(new("medical-examination", a.AddMinutes(18)));
        t.Entries.Add(new("risk-assessment", a.AddMinutes(22)));
        t.Entries.Add(new("search-property", a.AddMinutes(26)));
        t.Entries.Add(new("cell-placement", a.AddMinutes(30)));

        var fillers = (r.EntryCount > 0 ? r.EntryCount : options.EntriesPerRecord) - t.Entries.Count - (r.Open ? 0 : 1);
        var from = a.AddMinutes(35);
        var to = r.Open ? r.EndAt : r.EndAt.AddMinutes(-5);
        if (to <= from)
        {
            to = from.AddMinutes(1);
        }

        var step = (to - from).Ticks / Math.Max(1, fillers - 1);
        for (var i = 0; i < fillers; i++)
        {
            var at = Trim(fillers == 1 ? to : from.AddTicks(step * i));
            var last = i == fillers - 1;
            var roll = rng.NextDouble();
            var type = last && r.Open ? "welfare-check"
                : roll < 0.6 ? "welfare-check" : roll < 0.8 ? "meal" : roll < 0.85 ? "rest" : roll < 0.9 ? "exercise"
                : roll < 0.94 ? "visit" : roll < 0.97 ? "medication" : roll < 0.99 ? "note" : "complaint";
            t.Entries.Add(new(type, at));
            if (type == "welfare-check")
            {
                t.LastCheck = at;
            }
            else if (type == "meal")
            {
                t.LastMeal = at;
            }
        }

        if (!r.Open)
        {
            var transfer = rng.NextDouble() < 0.1;
            t.CloseType = transfer ? "transfer" : "release";
            t.Grounds = transfer ? "pre-trial-centre" : rng.NextDouble() < 0.6 ? "court-decision" : rng.NextDouble() < 0.5 ? "no-grounds" : "deadline";
            t.Entries.Add(new(t.CloseType, r.EndAt));
        }

        return t;
    }

    // ------------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------------

    private static readonly Column[] OrgColumns =
    [
        new("Id", ColumnKind.Uuid), new("ParentId", ColumnKind.Uuid), new("Kind", ColumnKind.Text), new("SiteKind", ColumnKind.Text),
        new("Name", ColumnKind.Text), new("NameEn", ColumnKind.Text), new("Code", ColumnKind.Text),
    ];

    private static readonly Column[] CellColumns =
    [
        new("Id", ColumnKind.Uuid), new("FacilityId", ColumnKind.Uuid), new("Number", ColumnKind.Text), new("Capacity", ColumnKind.Int),
        new("FloorArea", ColumnKind.Decimal), new("HasWindow", ColumnKind.Bool), new("HasVentilation", ColumnKind.Bool),
        new("HasToilet", ColumnKind.Bool), new("HasCallButton", ColumnKind.Bool), new("CameraIds", ColumnKind.Text),
        new("InService", ColumnKind.Bool), new("Version", ColumnKind.Int),
    ];

    private static readonly Column[] PersonColumns =
    [
        new("Id", ColumnKind.Uuid), new("Surname", ColumnKind.Text), new("GivenName", ColumnKind.Text), new("Patronymic", ColumnKind.Text),
        new("DateOfBirth", ColumnKind.Date), new("Sex", ColumnKind.Text), new("Citizenship", ColumnKind.Text),
        new("IdentityDocument", ColumnKind.Text), new("PreferredLanguage", ColumnKind.Text), new("InterpreterNeeded", ColumnKind.Bool),
        new("SearchKey", ColumnKind.Text),
    ];

    private static readonly Column[] RecordColumns =
    [
        new("Id", ColumnKind.Uuid), new("FacilityId", ColumnKind.Uuid), new("Year", ColumnKind.Int), new("Sequence", ColumnKind.Int),
        new("Number", ColumnKind.Text), new("PersonId", ColumnKind.Uuid), new("Status", ColumnKind.Text), new("LegalBasis", ColumnKind.Text),
        new("LegalBasisDetail", ColumnKind.Text), new("AdministrativeException", ColumnKind.Text), new("LegalRegime", ColumnKind.Text),
        new("DetainedAt", ColumnKind.Timestamp), new("DetentionPlace", ColumnKind.Text), new("ArrivedAt", ColumnKind.Timestamp),
        new("DetainingOfficer", ColumnKind.Text), new("ProceedingsNumber", ColumnKind.Text), new("CourtDeadline", ColumnKind.Timestamp),
        new("MaxDeadline", ColumnKind.Timestamp), new("IsMinor", ColumnKind.Bool), new("CellId", ColumnKind.Uuid),
        new("ObservationLevel", ColumnKind.Int), new("RiskLevel", ColumnKind.Text), new("InjuriesOnArrival", ColumnKind.Bool),
        new("LegalAidNotifiedAt", ColumnKind.Timestamp), new("RelativesNotifiedAt", ColumnKind.Timestamp), new("LastCheckAt", ColumnKind.Timestamp),
        new("NextCheckDue", ColumnKind.Timestamp), new("LastMealAt", ColumnKind.Timestamp), new("ClosedAt", ColumnKind.Timestamp),
        new("ClosedGrounds", ColumnKind.Text), new("EntryCount", ColumnKind.Int), new("RecordedAt", ColumnKind.Timestamp),
        new("RecordedBy", ColumnKind.Text), new("Version", ColumnKind.Int),
    ];

    private static readonly Column[] EntryColumns =
    [
        new("Id", ColumnKind.Uuid), new("RecordId", ColumnKind.Uuid), new("Seq", ColumnKind.Int), new("Type", ColumnKind.Text),
        new("OccurredAt", ColumnKind.Timestamp), new("RecordedAt", ColumnKind.Timestamp), new("RecordedBy", ColumnKind.Text),
        new("AuthorId", ColumnKind.Text), new("Data", ColumnKind.Text), new("CorrectsEntryId", ColumnKind.Uuid),
        new("CorrectionReason", ColumnKind.Text), new("VideoCameraId", ColumnKind.Text), new("VideoFrom", ColumnKind.Timestamp),
        new("VideoTo", ColumnKind.Timestamp),
    ];

    private static async Task WriteOrgAndCellsAsync(IBulkTarget target, Plans plan)
    {
        await using (var org = await target.OpenAsync("platform_org_units", OrgColumns))
        {
            for (var r = 0; r < Regions; r++)
            {
                await org.AddAsync([plan.RegionIds[r], DemoData.Country, "Region", null, $"Область {r + 1:D2} (тест)", $"Region {r + 1:D2} (benchmark)", $"BENCH-R{r + 1:D2}"]);
            }

            for (var r = 0; r < Regions; r++)
            {
                await org.AddAsync([plan.UnitIds[r], plan.RegionIds[r], "Unit", null, $"ГУНП області {r + 1:D2} (тест)", $"Police directorate {r + 1:D2} (benchmark)", $"BENCH-NP{r + 1:D2}"]);
            }

            foreach (var f in plan.Facilities)
            {
                await org.AddAsync([f.Id, f.UnitId, "Site", "detention-facility", f.Name, f.NameEn, f.Code]);
            }

            await org.CompleteAsync();
        }

        await using var cells = await target.OpenAsync("custody_cells", CellColumns);
        foreach (var f in plan.Facilities)
        {
            foreach (var c in f.Cells)
            {
                await cells.AddAsync([c.Id, f.Id, c.Number, c.Capacity, c.FloorArea, true, true, true, true, $"{f.Code}-CAM-{c.Number}", true, 0]);
            }
        }

        await cells.CompleteAsync();
    }

    private static async Task WritePersonsAsync(IBulkTarget target, Plans plan)
    {
        await using var persons = await target.OpenAsync("custody_persons", PersonColumns);
        foreach (var p in plan.Persons)
        {
            await persons.AddAsync([p.Id, p.Surname, p.GivenName, p.Patronymic, p.DateOfBirth, p.Sex, p.Interpreter ? "Молдова" : "Україна",
                null, p.Interpreter ? "румунська" : "українська", p.Interpreter,
                $"{p.Surname.ToUpperInvariant()} {p.GivenName.ToUpperInvariant()}"]);
        }

        await persons.CompleteAsync();
    }

    private async Task WriteRecordsAsync(IBulkTarget target, Plans plan)
    {
        await using var writer = await target.OpenAsync("custody_records", RecordColumns);
        var progress = new Progress("records", plan.Records.Length, log);
        foreach (var r in plan.Records)
        {
            var facility = plan.Facilities[r.Facility];
            var person = plan.Persons[r.Person];
            var t = BuildTimeline(r, facility);
            var (court, max) = Deadlines(r);
            var born = person.DateOfBirth;
            var detainedKyiv = DateOnly.FromDateTime(KyivTime.ToKyiv(new DateTimeOffset(r.DetainedAt, TimeSpan.Zero)).DateTime);
            var age = detainedKyiv.Year - born.Year - (born.AddYears(detainedKyiv.Year - born.Year) > detainedKyiv ? 1 : 0);
            DateTime? nextCheck = r.Open ? (t.LastCheck ?? r.ArrivedAt).AddMinutes(CheckMinutes[t.ObservationLevel]) : null;
            var rng = new Random(r.Seed ^ 0x5bd1e995);
            await writer.AddAsync(
            [
                r.Id, facility.Id, r.Year, r.Sequence, $"{facility.Code}/{r.Year}/{r.Sequence:D5}", person.Id,
                r.Open ? "in-custody" : t.CloseType == "transfer" ? "transferred" : "released",
                r.LegalBasis, null, r.Exception, "martial-law",
                r.DetainedAt, $"м. Місто-{facility.Number:D3}, {Places[rng.Next(Places.Length)]}", r.ArrivedAt, Officers[rng.Next(Officers.Length)],
                r.LegalBasis == "court-order" || rng.NextDouble() < 0.5 ? Proceedings(rng) : null,
                court, max, age < 18, r.Open ? facility.Cells[t.Cell].Id : null,
                t.ObservationLevel, t.RiskLevel, t.Injuries, t.LegalAid, t.Relatives, t.LastCheck, nextCheck, t.LastMeal,
                r.Open ? null : r.EndAt, t.Grounds, t.Entries.Count, r.ArrivedAt.AddSeconds(30), "bench.generator", t.Entries.Count - 1,
            ]);
            progress.Tick();
        }

        await writer.CompleteAsync();
    }

    private static (DateTime? Court, DateTime Max) Deadlines(RecordPlan r) => r.LegalBasis switch
    {
        "coao-262" => (null, r.DetainedAt.AddHours(r.Exception is null ? 3 : 72)),
        "court-order" => (r.ArrivedAt.AddHours(36) < r.DetainedAt.AddHours(216) ? r.ArrivedAt.AddHours(36) : r.DetainedAt.AddHours(216), r.DetainedAt.AddHours(216)),
        _ => (r.DetainedAt.AddHours(60), r.DetainedAt.AddHours(216)),
    };

    private static readonly Column[] ReviewItemColumns =
    [
        new("Id", ColumnKind.Uuid), new("FacilityId", ColumnKind.Uuid), new("RecordId", ColumnKind.Uuid), new("RecordNumber", ColumnKind.Text),
        new("Rule", ColumnKind.Text), new("SourceId", ColumnKind.Uuid), new("SourceKind", ColumnKind.Text), new("Detail", ColumnKind.Text),
        new("OccurredAt", ColumnKind.Timestamp), new("RaisedAt", ColumnKind.Timestamp), new("QueuedAt", ColumnKind.Timestamp),
        new("Status", ColumnKind.Text), new("Conclusion", ColumnKind.Text), new("ClosingNote", ColumnKind.Text),
        new("ClosedAt", ColumnKind.Timestamp), new("ClosedBy", ColumnKind.Text), new("Version", ColumnKind.Int),
    ];

    /// <summary>What the review rules raise, as (rule, custody fact kind, detail), roughly as often as each happens.</summary>
    private static readonly (string Rule, string Kind, string? Detail)[] ReviewSources =
    [
        ("notification-late", "alert", "legal-aid-not-notified"), ("notification-late", "alert", "relatives-not-notified"),
        ("notification-late", "alert", "relatives-not-notified"), ("checks-missed", "alert", "check-overdue"),
        ("checks-missed", "check-late", null), ("checks-missed", "check-late", null), ("clock-limit", "alert", "court-deadline-soon"),
        ("clock-limit", "closed-after-limit", null), ("injuries", "medical-finding", null), ("injuries", "alert", "injuries-on-arrival"),
        ("complaint", "complaint", null), ("no-medical-exam", "alert", "medical-exam-missing"), ("late-delivery", "alert", "late-delivery"),
        ("correction", "correction", "welfare-check"),
    ];

    /// <summary>
    /// The oversight review queue as the rules would have filled it over the years: about one record in sixteen has an
    /// item, raised 5 to 120 minutes after arrival; items of the last 14 days are open, older ones closed by an inspector
    /// 1 to 10 days after queueing (a fifth with a violation), except a backlog of one in five still open.
    /// </summary>
    private async Task<(int Items, int Open)> WriteReviewItemsAsync(IBulkTarget target, Plans plan)
    {
        await using var writer = await target.OpenAsync("oversight_review_items", ReviewItemColumns);
        var rng = new Random(options.Seed ^ 0x13);
        int items = 0, open = 0;
        foreach (var r in plan.Records)
        {
            if (rng.NextDouble() >= 1.0 / 16)
            {
                continue;
            }

            var facility = plan.Facilities[r.Facility];
            var (rule, kind, detail) = ReviewSources[rng.Next(ReviewSources.Length)];
            var occurred = Trim(r.ArrivedAt.AddMinutes(rng.Next(5, 120)));
            var queued = Trim(occurred.AddSeconds(rng.Next(30, 600)));
            var isOpen = queued > _now.AddDays(-14) || rng.NextDouble() < 0.2;
            DateTime? closed = isOpen ? null : Trim(queued.AddHours(rng.Next(24, 240)));
            if (closed > _now)
            {
                closed = _now;
            }

            var violation = !isOpen && rng.NextDouble() < 0.2;
            await writer.AddAsync(
            [
                Guid.CreateVersion7(new DateTimeOffset(queued, TimeSpan.Zero)), facility.Id, r.Id, $"{facility.Code}/{r.Year}/{r.Sequence:D5}",
                rule, Guid.NewGuid(), kind, detail, occurred, occurred.AddSeconds(20), queued,
                isOpen ? "open" : "closed", isOpen ? null : violation ? "violation" : "no-violation",
                isOpen ? null : violation ? "Порушення підтверджено, направлено рекомендацію." : "Порушення не встановлено.",
                closed, isOpen ? null : "bench.inspector", isOpen ? 0 : 1,
            ]);
            items++;
            open += isOpen ? 1 : 0;
        }

        await writer.CompleteAsync();
        return (items, open);
    }

    private static string Proceedings(Random rng) =>
        string.Concat(Enumerable.Range(0, 17).Select(i => (char)('0' + (i == 0 ? 1 + rng.Next(9) : rng.Next(10)))));

    private async Task<long> WriteEntriesAsync(IBulkTarget target, Plans plan)
    {
        await using var writer = await target.OpenAsync("custody_entries", EntryColumns);
        var progress = new Progress("entries", plan.Records.Length, log);
        long written = 0;
        foreach (var r in plan.Records)
        {
            var facility = plan.Facilities[r.Facility];
            var t = BuildTimeline(r, facility);
            var rng = new Random(r.Seed ^ 0x2545F491);
            var author = $"0195{r.Facility:D4}-0000-7000-8000-00000000{rng.Next(1, 9):D4}";
            var officer = Officers[rng.Next(Officers.Length)];
            for (var i = 0; i < t.Entries.Count; i++)
            {
                var e = t.Entries[i];
                var data = Data(e.Type, r, t, facility, officer, rng);
                var video = e.Type == "welfare-check" && rng.NextDouble() < 0.1;
                await writer.AddAsync(
                [
                    Guid.CreateVersion7(new DateTimeOffset(e.At, TimeSpan.Zero)), r.Id, i + 1, e.Type, e.At,
                    e.At.AddSeconds(20 + rng.Next(600)), officer, author, data, null, null,
                    video ? $"{facility.Code}-CAM-{facility.Cells[t.Cell].Number}" : null,
                    video ? e.At.AddMinutes(-1) : null, video ? e.At.AddMinutes(1) : null,
                ]);
                written++;
            }

            progress.Tick();
        }

        await writer.CompleteAsync();
        return written;
    }

    private static string S(string value)
    {
        lock (Json)
        {
            if (!Json.TryGetValue(value, out var json))
            {
                Json[value] = json = JsonSerializer.Serialize(value);
            }

            return json;
        }
    }

    private static string Instant(DateTime t) => "\"" + new DateTimeOffset(t, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture) + "\"";

    private static string B(bool b) => b ? "true" : "false";

    private static string Data(string type, RecordPlan r, Timeline t, FacilityPlan f, string officer, Random rng) => type switch
    {
        "booking-in" => $"{{\"detainedAt\":{Instant(r.DetainedAt)},\"arrivedAt\":{Instant(r.ArrivedAt)},\"detentionPlace\":{S(Places[rng.Next(Places.Length)])},\"detainingOfficer\":{S(officer)},\"legalBasis\":\"{r.LegalBasis}\",\"legalRegime\":\"martial-law\"}}",
        "rights-explained" => $"{{\"language\":{S("українська")},\"interpreterUsed\":false,\"outcome\":\"{(rng.NextDouble() < 0.95 ? "signed" : "refused-to-sign")}\"}}",
        "legal-aid-notified" => t.LegalAid - r.DetainedAt > TimeSpan.FromHours(1)
            ? $"{{\"centre\":{S("Регіональний центр БВПД")},\"method\":\"system\",\"reference\":\"BVPD-{rng.Next(100000, 999999)}\",\"delayReason\":{S("Доставлення з віддаленого району")},\"delayAuthorisedBy\":{S("Черговий ІТТ")}}}"
            : $"{{\"centre\":{S("Регіональний центр БВПД")},\"method\":\"system\",\"reference\":\"BVPD-{rng.Next(100000, 999999)}\"}}",
        "relatives-notified" => t.Relatives - r.DetainedAt > TimeSpan.FromHours(1)
            ? $"{{\"contactName\":{S("Родич затриманого")},\"relationship\":{S("мати")},\"method\":\"phone\",\"delayReason\":{S("Не вдалося додзвонитися")},\"delayAuthorisedBy\":{S("Черговий ІТТ")}}}"
            : $"{{\"contactName\":{S("Родич затриманого")},\"relationship\":{S("мати")},\"method\":\"phone\"}}",
        "medical-examination" => t.Injuries
            ? $"{{\"examiner\":{S("Лікар ЕМД")},\"injuriesFound\":true,\"injuriesDescription\":{S("Садна на зап'ястках")},\"fitForDetention\":true}}"
            : $"{{\"examiner\":{S("Лікар ЕМД")},\"injuriesFound\":false,\"fitForDetention\":true}}",
        "risk-assessment" => $"{{\"riskLevel\":\"{t.RiskLevel}\",\"observationLevel\":{t.ObservationLevel},\"factors\":[]}}",
        "search-property" => $"{{\"searchedBy\":{S(officer)},\"sameSexSearcher\":true,\"items\":[{S("телефон")},{S("ключі")},{S("гаманець")}],\"sealedBagNumbers\":[\"SB-{rng.Next(1000000, 9999999)}\"]}}",
        "cell-placement" => $"{{\"cellId\":\"{f.Cells[t.Cell].Id}\"}}",
        "welfare-check" => $"{{\"condition\":\"{(rng.NextDouble() < 0.6 ? "awake-well" : "asleep-breathing")}\",\"roused\":{B(t.ObservationLevel >= 2)},\"checkedBy\":{S(officer)}}}",
        "meal" => $"{{\"kind\":\"{(rng.NextDouble() < 0.33 ? "main" : "light")}\",\"outcome\":\"{(rng.NextDouble() < 0.9 ? "accepted" : "refused")}\"}}",
        "rest" => $"{{\"hours\":{rng.Next(6, 10)}}}",
        "exercise" => $"{{\"minutes\":{rng.Next(15, 60)},\"outdoors\":{B(rng.NextDouble() < 0.5)}}}",
        "visit" => $"{{\"visitorKind\":\"lawyer\",\"visitorName\":{S("Адвокат Петренко")}}}",
        "medication" => $"{{\"name\":{S("Парацетамол")},\"dose\":\"500 mg\",\"givenBy\":{S(officer)},\"outcome\":\"given\"}}",
        "note" => $"{{\"text\":{S("Затриманий поводиться спокійно, скарг немає.")}}}",
        "complaint" => $"{{\"text\":{S("Скарга на холод у камері.")},\"addressedTo\":{S("Прокурор")}}}",
        "release" => $"{{\"grounds\":\"{t.Grounds}\",\"propertyReturned\":true}}",
        "transfer" => $"{{\"destination\":\"pre-trial-centre\",\"destinationName\":{S("Слідчий ізолятор")},\"propertyReturned\":true}}",
        _ => "{}",
    };

    private sealed class Progress(string what, int total, Action<string> log)
    {
        private readonly Stopwatch _sw = Stopwatch.StartNew();
        private int _done;
        private int _nextReport = Math.Max(1, total / 10);

        public void Tick()
        {
            if (++_done >= _nextReport && _done < total)
            {
                log($"  {what}: {_done * 100L / total}% after {_sw.Elapsed.TotalSeconds:F0}s");
                _nextReport += Math.Max(1, total / 10);
            }
        }
    }
}
