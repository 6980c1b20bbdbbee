using System.Net;
using System.Net.Http.Json;
using Varta.Custody.Records;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>Who may go into which cell: capacity, service, floor area and separation; and two officers racing for the last place.</summary>
public sealed class CellPlacementTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task A_placement_puts_the_person_in_the_cell_and_counts_them_in_its_occupancy()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        var record = await _api.BookInAsync(client: officer);

        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));

        Assert.Equal(cell.Number, (await CustodyApi.RecordAsync(officer, record.Id)).Cell?.Number);
        Assert.Equal(1, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id)), "cellId", "already-in-cell");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Placement(_api.Now, Guid.NewGuid())), "cellId", "unknown-cell");
    }

    [Fact]
    public async Task Moving_to_another_cell_frees_the_first()
    {
        using var officer = await _api.AsAsync();
        var first = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var second = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, first.Id));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, second.Id));

        Assert.Equal(0, (await CustodyApi.CellAsync(officer, first.Id)).Occupants);
        Assert.Equal(1, (await CustodyApi.CellAsync(officer, second.Id)).Occupants);
        Assert.Equal(second.Id, (await CustodyApi.RecordAsync(officer, record.Id)).Cell?.Id);
    }

    [Fact]
    public async Task A_full_cell_refuses_another_person_with_409_naming_the_capacity_rule_even_with_a_reason()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var first = await _api.BookInAsync(client: officer);
        var second = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, first.Id, CustodyApi.Placement(_api.Now, cell.Id));

        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, second.Id, CustodyApi.Placement(_api.Now, cell.Id)), "capacity");
        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, second.Id,
            CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Інших камер немає")), "capacity");

        Assert.Null((await CustodyApi.RecordAsync(officer, second.Id)).Cell);
        Assert.Equal(1, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
    }

    [Fact]
    public async Task An_out_of_service_cell_refuses_placement_with_409()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9, inService: false);
        var record = await _api.BookInAsync(client: officer);

        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id)), "out-of-service");
        Assert.Null((await CustodyApi.RecordAsync(officer, record.Id)).Cell);
    }

    [Fact]
    public async Task A_man_is_never_put_with_a_woman_not_even_by_a_unit_head_with_a_reason()
    {
        using var officer = await _api.AsAsync();
        using var senior = await _api.AsAsync(await SeniorAsync());
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        var woman = await _api.BookInAsync(_api.BookIn(givenName: "Марія", sex: "female"), officer);
        var man = await _api.BookInAsync(_api.BookIn(givenName: "Павло", sex: "male"), officer);
        await CustodyApi.AppendOkAsync(officer, woman.Id, CustodyApi.Placement(_api.Now, cell.Id));

        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, man.Id, CustodyApi.Placement(_api.Now, cell.Id)), "separation-sex");
        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(senior, man.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Подружжя, спільне прохання")),
            "separation-sex");
        Assert.Null((await CustodyApi.RecordAsync(officer, man.Id)).Cell);
        Assert.Equal(1, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
    }

    [Fact]
    public async Task A_minor_is_never_put_with_an_adult_not_even_by_a_unit_head_with_a_reason()
    {
        using var officer = await _api.AsAsync();
        using var senior = await _api.AsAsync(await SeniorAsync());
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        var adult = await _api.BookInAsync(client: officer);
        var born = DateOnly.FromDateTime(_api.Now.UtcDateTime).AddYears(-16).AddMonths(-1);
        var minor = await _api.BookInAsync(_api.BookIn(dateOfBirth: born.ToString("yyyy-MM-dd")), officer);
        await CustodyApi.AppendOkAsync(officer, adult.Id, CustodyApi.Placement(_api.Now, cell.Id));

        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, minor.Id, CustodyApi.Placement(_api.Now, cell.Id)), "separation-minors");
        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(senior, minor.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Інших камер немає")),
            "separation-minors");
        Assert.Null((await CustodyApi.RecordAsync(officer, minor.Id)).Cell);
    }

    [Fact]
    public async Task People_in_the_same_proceedings_are_put_together_only_by_a_unit_head_with_a_reason_and_it_shows()
    {
        using var officer = await _api.AsAsync();
        using var senior = await _api.AsAsync(await SeniorAsync());
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        const string proceedings = "12026100000000777";
        var first = await _api.BookInAsync(_api.BookIn(proceedingsNumber: proceedings), officer);
        var second = await _api.BookInAsync(_api.BookIn(proceedingsNumber: proceedings), officer);
        var unrelated = await _api.BookInAsync(_api.BookIn(proceedingsNumber: "12026100000000778"), officer);
        await CustodyApi.AppendOkAsync(officer, first.Id, CustodyApi.Placement(_api.Now, cell.Id));

        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, second.Id, CustodyApi.Placement(_api.Now, cell.Id)), "cellId", "placement-separation-co-accused");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, second.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Інших місць немає")),
            "overrideReason", "override-needs-senior");
        Assert.Null((await CustodyApi.RecordAsync(officer, second.Id)).Cell);

        var placed = await CustodyApi.AppendOkAsync(senior, second.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Масове затримання, інших місць немає"));
        Assert.Equal("separation-co-accused", placed.Data["overriddenRule"]!.GetValue<string>());
        var stored = await CustodyApi.RecordAsync(officer, second.Id);
        Assert.Equal(cell.Id, stored.Cell?.Id);
        Assert.Contains("placement-override-separation-co-accused", stored.Flags);
        Assert.Contains("placement-override-separation-co-accused", (await CustodyApi.BoardAsync(officer)).Rows.Single(r => r.RecordId == second.Id).Flags);

        var other = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        await CustodyApi.AppendOkAsync(officer, unrelated.Id, CustodyApi.Placement(_api.Now, other.Id));
    }

    [Fact]
    public async Task A_cells_declared_capacity_cannot_exceed_its_floor_area_at_four_square_metres_a_person()
    {
        using var admin = await _api.AsAsync("admin");
        var url = $"{CustodyApi.Base}/facilities/{DemoData.DetentionFacility1}/cells";
        await CustodyApi.InvalidAsync(await admin.PostAsJsonAsync(url, new { number = "T-" + Guid.NewGuid().ToString("N")[..6], capacity = 2, floorArea = 6m }),
            "capacity", "capacity-exceeds-area");
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 8); // 4 m² each: exactly the floor

        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync($"{CustodyApi.Base}/cells/{cell.Id}", new { capacity = 3 }), "capacity", "capacity-exceeds-area");
        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync($"{CustodyApi.Base}/cells/{cell.Id}", new { floorArea = 7.5m }), "capacity", "capacity-exceeds-area");
        using var officer = await _api.AsAsync();
        var stored = await CustodyApi.CellAsync(officer, cell.Id);
        Assert.Equal((2, 8m), (stored.Capacity, stored.FloorArea));
    }

    [Fact]
    public async Task A_cell_whose_area_per_person_falls_short_after_the_facility_raises_its_floor_takes_another_only_by_a_unit_head()
    {
        using var officer = await _api.AsAsync();
        using var senior = await _api.AsAsync(await SeniorAsync());
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 8, facilityId: DemoData.LvivFacility);
        using var admin = await _api.AsAsync("admin");
        var raised = await admin.PutAsJsonAsync($"{CustodyApi.Base}/facilities/{DemoData.LvivFacility}/settings", new { minFloorAreaPerPerson = 4.5m });
        Assert.True(raised.IsSuccessStatusCode, await raised.Content.ReadAsStringAsync());
        try
        {
            using var officer2 = await _api.AsAsync(await _api.CreateUserAsync(Roles.CustodyOfficer, DemoData.LvivFacility));
            using var senior2 = await _api.AsAsync(await SeniorAsync(DemoData.LvivFacility));
            var first = await _api.BookInAsync(_api.BookIn(facilityId: DemoData.LvivFacility), officer2);
            var second = await _api.BookInAsync(_api.BookIn(facilityId: DemoData.LvivFacility), officer2);
            await CustodyApi.AppendOkAsync(officer2, first.Id, CustodyApi.Placement(_api.Now, cell.Id));

            await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer2, second.Id, CustodyApi.Placement(_api.Now, cell.Id)), "cellId", "placement-floor-area");
            await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer2, second.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Масове затримання")),
                "overrideReason", "override-needs-senior");
            var placed = await CustodyApi.AppendOkAsync(senior2, second.Id, CustodyApi.Placement(_api.Now, cell.Id, overrideReason: "Масове затримання"));
            Assert.Equal("floor-area", placed.Data["overriddenRule"]!.GetValue<string>());
            Assert.Contains("placement-override-floor-area", (await CustodyApi.RecordAsync(officer2, second.Id)).Flags);
        }
        finally
        {
            await admin.PutAsJsonAsync($"{CustodyApi.Base}/facilities/{DemoData.LvivFacility}/settings", new { minFloorAreaPerPerson = (decimal?)null });
        }
    }

    /// <summary>A unit head who is also a custody officer of the facility: the senior who may override floor area or co-accused separation.</summary>
    private Task<string> SeniorAsync(Guid? facility = null) =>
        _api.CreateUserAsync([(Roles.CustodyOfficer, facility ?? DemoData.DetentionFacility1), (Roles.UnitHead, facility ?? DemoData.DetentionFacility1)]);

    [Fact]
    public async Task Two_officers_racing_for_the_last_place_in_a_cell_cannot_both_win()
    {
        var second = await _api.CreateUserAsync(Roles.CustodyOfficer, DemoData.DetentionFacility1);
        using var officerA = await _api.AsAsync();
        using var officerB = await _api.AsAsync(second);
        for (var round = 0; round < 4; round++)
        {
            var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
            var a = await _api.BookInAsync(client: officerA);
            var b = await _api.BookInAsync(client: officerB);

            var answers = await Task.WhenAll(
                CustodyApi.AppendAsync(officerA, a.Id, CustodyApi.Placement(_api.Now, cell.Id)),
                CustodyApi.AppendAsync(officerB, b.Id, CustodyApi.Placement(_api.Now, cell.Id)));

            var statuses = answers.Select(r => r.StatusCode).Order().ToList();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.Conflict]),
                $"Round {round}: expected one 201 and one 409, got {string.Join(", ", statuses.Select(s => (int)s))}");
            await Problem.AssertAsync(answers.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.Equal(1, (await CustodyApi.CellAsync(officerA, cell.Id)).Occupants);
            var inCell = new List<RecordDto> { await CustodyApi.RecordAsync(officerA, a.Id), await CustodyApi.RecordAsync(officerA, b.Id) };
            Assert.Single(inCell, r => r.Cell?.Id == cell.Id);
        }
    }

    [Fact]
    public async Task An_administrator_adds_a_cell_but_a_custody_officer_may_not()
    {
        using var officer = await _api.AsAsync();
        var refused = await officer.PostAsJsonAsync($"{CustodyApi.Base}/facilities/{DemoData.DetentionFacility1}/cells",
            new { number = "99", capacity = 2, floorArea = 9m });
        await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);

        var cell = await _api.NewCellAsync(capacity: 3, floorArea: 12.5m);
        var listed = await CustodyApi.CellAsync(officer, cell.Id);
        Assert.Equal(3, listed.Capacity);
        Assert.Equal(12.5m, listed.FloorArea);
        Assert.Equal(0, listed.Occupants);
        await Problem.AssertAsync(await officer.PutAsJsonAsync($"{CustodyApi.Base}/cells/{cell.Id}", new { inService = false }), HttpStatusCode.Forbidden);

        using var admin = await _api.AsAsync("admin");
        var duplicate = await admin.PostAsJsonAsync($"{CustodyApi.Base}/facilities/{DemoData.DetentionFacility1}/cells",
            new { number = cell.Number, capacity = 1, floorArea = 6m });
        await Problem.AssertAsync(duplicate, HttpStatusCode.Conflict);
        await CustodyApi.InvalidAsync(await admin.PostAsJsonAsync($"{CustodyApi.Base}/facilities/{DemoData.DetentionFacility1}/cells",
            new { number = "T-zero", capacity = 0, floorArea = 6m }), "capacity", "range");
    }

    [Fact]
    public async Task A_cell_cannot_be_shrunk_below_the_people_in_it()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        var first = await _api.BookInAsync(client: officer);
        var second = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, first.Id, CustodyApi.Placement(_api.Now, cell.Id));
        await CustodyApi.AppendOkAsync(officer, second.Id, CustodyApi.Placement(_api.Now, cell.Id));

        using var admin = await _api.AsAsync("admin");
        await CustodyApi.InvalidAsync(await admin.PutAsJsonAsync($"{CustodyApi.Base}/cells/{cell.Id}", new { capacity = 1 }), "capacity", "below-occupancy");
        Assert.Equal(2, (await CustodyApi.CellAsync(admin, cell.Id)).Capacity);
    }
}
