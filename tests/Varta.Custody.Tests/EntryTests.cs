using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Testing;

namespace Varta.Custody.Tests;

public sealed class EntryTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    public static TheoryData<string> WritableTypes => new(EntryCatalog.WritableTypes);

    [Theory]
    [MemberData(nameof(WritableTypes))]
    public async Task Every_entry_type_can_be_recorded_and_shows_when_it_happened_apart_from_when_it_was_typed(string type)
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(35)), officer);
        var fields = await ValidFieldsAsync(type);
        var happened = _api.Now.AddMinutes(-30);
        var body = CustodyApi.Entry(type, happened);
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        var stored = await CustodyApi.AppendOkAsync(officer, record.Id, body);

        var entry = Assert.Single((await CustodyApi.RecordAsync(officer, record.Id)).Timeline, e => e.Id == stored.Id);
        Assert.Equal(type, entry.Type);
        Assert.Equal(2, entry.Seq);
        Assert.Equal(happened, entry.OccurredAt);
        Assert.Equal(_api.Now, entry.RecordedAt);
        Assert.Equal(CustodyApi.Officer, entry.RecordedBy);
        foreach (var (name, value) in fields)
        {
            Assert.True(entry.Data.ContainsKey(name), $"{type}.{name} was not stored: {entry.Data.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(value, CustodyApi.Json), entry.Data[name]),
                $"{type}.{name}: sent {JsonSerializer.Serialize(value)}, stored {entry.Data[name]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_entry_types_endpoint_lists_every_writable_type_with_its_fields()
    {
        using var officer = await _api.AsAsync();
        var types = JsonDocument.Parse(await officer.GetStringAsync($"{CustodyApi.Base}/entry-types")).RootElement.EnumerateArray()
            .ToDictionary(t => t.GetProperty("type").GetString()!);
        Assert.Equal(EntryCatalog.WritableTypes.Order(), types.Keys.Order());
        var risk = types["risk-assessment"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "observationLevel");
        Assert.True(risk.GetProperty("required").GetBoolean());
        Assert.Equal(4, risk.GetProperty("max").GetInt32());
    }

    [Fact]
    public async Task A_correction_keeps_the_original_visible_and_moves_the_observation_level_and_check_interval()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(30)), officer);
        var assessment = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("risk-assessment", _api.Now.AddMinutes(-20),
            new { riskLevel = "low", observationLevel = 1, factors = new[] { "спокійний" } }));
        var check = await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("welfare-check", _api.Now.AddMinutes(-10), new { condition = "awake-well" }));
        var before = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(1, before.ObservationLevel);
        Assert.Equal(check.OccurredAt.AddMinutes(60), before.Clocks.NextCheckDue);

        var response = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{assessment.Id}/corrections",
            new { reason = "Помилково вказано рівень: особа повідомила про думки про самоушкодження", observationLevel = 2, riskLevel = "high" });
        var correction = await CustodyApi.CreatedAsync<EntryDto>(response);

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        var original = Assert.Single(after.Timeline, e => e.Id == assessment.Id);
        var stored = Assert.Single(after.Timeline, e => e.Id == correction.Id);
        Assert.Equal(new[] { correction.Id }, original.CorrectedBy);
        Assert.Equal(1, original.Data["observationLevel"]!.GetValue<int>());
        Assert.Equal("correction", stored.Type);
        Assert.Equal(assessment.Id, stored.CorrectsEntryId);
        Assert.StartsWith("Помилково вказано рівень", stored.CorrectionReason, StringComparison.Ordinal);
        Assert.Equal(2, after.ObservationLevel);
        Assert.Equal("high", after.RiskLevel);
        Assert.Contains("high-risk", after.Flags);
        Assert.Equal(check.OccurredAt.AddMinutes(30), after.Clocks.NextCheckDue);

        // Level 2 now asks whether the person was roused.
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("welfare-check", _api.Now, new { condition = "asleep-breathing" })), "roused", "rousing-required");
    }

    [Fact]
    public async Task Correcting_when_a_check_happened_moves_the_next_check()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(30)), officer);
        var check = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        var actual = _api.Now.AddMinutes(-15);

        await CustodyApi.CreatedAsync<EntryDto>(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{check.Id}/corrections",
            new { reason = "Перевірку проведено раніше, внесено із запізненням", occurredAt = CustodyApi.At(actual) }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(actual, after.Clocks.LastCheckAt);
        Assert.Equal(actual.AddMinutes(60), after.Clocks.NextCheckDue);
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_refused_and_changes_nothing()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var assessment = await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("risk-assessment", _api.Now, new { riskLevel = "low", observationLevel = 1 }));
        var url = $"{CustodyApi.Base}/records/{record.Id}/entries/{assessment.Id}/corrections";

        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { observationLevel = 3 }), "reason", "required");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "   ", observationLevel = 3 }), "reason", "required");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Рівень", observationLevel = 9 }), "observationLevel", "range");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { reason = "Нічого" }), "$", "nothing-to-correct");

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(2, after.Timeline.Count);
        Assert.Equal(1, after.ObservationLevel);
        Assert.Empty(Assert.Single(after.Timeline, e => e.Id == assessment.Id).CorrectedBy);
    }

    [Fact]
    public async Task A_cell_placement_or_a_correction_cannot_be_corrected()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var placement = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{placement.Id}/corrections",
            new { reason = "Не та камера", cellId = Guid.NewGuid() }), "entryId", "not-correctable");

        var note = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Перше" }));
        var correction = await CustodyApi.CreatedAsync<EntryDto>(await officer.PostAsJsonAsync(
            $"{CustodyApi.Base}/records/{record.Id}/entries/{note.Id}/corrections", new { reason = "Уточнення", text = "Друге" }));
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{correction.Id}/corrections",
            new { reason = "Ще раз", text = "Третє" }), "entryId", "not-correctable");
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/entries/{Guid.NewGuid()}/corrections", new { reason = "?", text = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_video_reference_is_kept_with_the_entry()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var body = CustodyApi.Entry("incident", _api.Now.AddMinutes(-5), new { kind = "illness", description = "Скарги на біль у грудях" });
        body["video"] = new { cameraId = "ITT1-CAM-05", from = CustodyApi.At(_api.Now.AddMinutes(-6)), to = CustodyApi.At(_api.Now.AddMinutes(-4)) };
        var entry = await CustodyApi.AppendOkAsync(officer, record.Id, body);

        var stored = Assert.Single((await CustodyApi.RecordAsync(officer, record.Id)).Timeline, e => e.Id == entry.Id);
        Assert.Equal("ITT1-CAM-05", stored.Video?.CameraId);
        Assert.Equal(_api.Now.AddMinutes(-6), stored.Video?.From);
    }

    [Fact]
    public async Task A_return_to_the_cell_must_refer_to_a_removal_of_the_same_record()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(3), arrivedAgo: TimeSpan.FromHours(2)), officer);
        var removal = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("removal", _api.Now.AddHours(-1),
            new { purpose = "interview", takenBy = "слідчий Вигаданий", destination = "кабінет 12" }));
        var note = await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now.AddMinutes(-50), new { text = "Не виведення" }));

        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("return", _api.Now, new { removalEntryId = Guid.NewGuid(), condition = "без змін" })), "removalEntryId", "unknown-entry");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("return", _api.Now, new { removalEntryId = note.Id, condition = "без змін" })), "removalEntryId", "unknown-entry");
        var returned = await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("return", _api.Now, new { removalEntryId = removal.Id, condition = "без змін" }));

        var timeline = (await CustodyApi.RecordAsync(officer, record.Id)).Timeline;
        Assert.Equal(new[] { "booking-in", "removal", "note", "return" }, timeline.Select(e => e.Type));
        Assert.Equal(removal.Id, Guid.Parse(Assert.Single(timeline, e => e.Id == returned.Id).Data["removalEntryId"]!.GetValue<string>()));
    }

    /// <summary>A valid value for each required field of the type, from its spec; a cell placement gets a free cell.</summary>
    private async Task<Dictionary<string, object?>> ValidFieldsAsync(string type)
    {
        var fields = new Dictionary<string, object?>();
        foreach (var field in EntryCatalog.Types[type].Fields.Where(f => f.Required))
        {
            fields[field.Name] = field.Kind switch
            {
                FieldKind.Text => "Вигаданий " + field.Name,
                FieldKind.LongText => "Опис: " + field.Name,
                FieldKind.Bool => false,
                FieldKind.Enum => field.Allowed![^1],
                FieldKind.Int => field.Max,
                FieldKind.Instant => CustodyApi.At(_api.Now.AddMinutes(-20)),
                FieldKind.TextList => new[] { "перше", "друге" },
                FieldKind.Guid when field.Name == "cellId" => (await _api.NewCellAsync(capacity: 1, floorArea: 6)).Id,
                _ => throw new InvalidOperationException($"No test value for {type}.{field.Name} ({field.Kind})"),
            };
        }

        return fields;
    }
}
