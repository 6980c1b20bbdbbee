using System.Net;
using System.Net.Http.Json;
using Varta.Custody.Records;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>The custody officer's board: who is in, where, for how long, and what is due.</summary>
public sealed class BoardTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task The_board_lists_everyone_in_custody_with_cell_time_since_detention_deadlines_next_check_and_flags()
    {
        using var officer = await _api.AsAsync();
        var before = await CustodyApi.BoardAsync(officer);
        Assert.True(before.InCustody >= 3, "The demo detainees are on the board");
        Assert.Equal(before.InCustody, before.Rows.Count);

        var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var born = DateOnly.FromDateTime(_api.Now.UtcDateTime).AddYears(-16).AddMonths(-3);
        var body = _api.BookIn(detainedAgo: TimeSpan.FromMinutes(90), arrivedAgo: TimeSpan.FromMinutes(45), dateOfBirth: born.ToString("yyyy-MM-dd"));
        CustodyApi.Person(body)["interpreterNeeded"] = true;
        var record = await _api.BookInAsync(body, officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));

        var board = await CustodyApi.BoardAsync(officer);
        Assert.Equal(before.InCustody + 1, board.InCustody);
        Assert.Equal(Varta.Platform.Demo.DemoData.DetentionFacility1, board.FacilityId);
        var row = Assert.Single(board.Rows, r => r.RecordId == record.Id);
        Assert.Equal(record.Number, row.Number);
        Assert.Equal(record.Person.FullName, row.PersonName);
        Assert.Equal(cell.Number, row.Cell?.Number);
        Assert.Equal(90, row.MinutesSinceDetention);
        Assert.Equal(60 * 60 - 90, row.Clocks.CourtMinutesLeft);
        Assert.Equal(216 * 60 - 90, row.Clocks.MaxMinutesLeft);
        Assert.Equal(_api.Now.AddMinutes(-45).AddMinutes(60), row.Clocks.NextCheckDue);
        Assert.Equal(15, row.Clocks.CheckMinutesLeft);
        Assert.Contains("minor", row.Flags);
        Assert.Contains("interpreter", row.Flags);
        Assert.Equal(1, row.ObservationLevel);

        // Most urgent first: whatever must happen soonest (a check, the court, the maximum) leads the board.
        var urgency = board.Rows.Select(r => new[] { r.Clocks.CheckMinutesLeft, r.Clocks.CourtMinutesLeft, r.Clocks.MaxMinutesLeft }.Min()).ToList();
        Assert.Equal(urgency.Order(), urgency);
    }

    [Fact]
    public async Task Recording_a_check_moves_the_next_check_on_the_board()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(90), arrivedAgo: TimeSpan.FromMinutes(50)), officer);
        var row = Assert.Single((await CustodyApi.BoardAsync(officer)).Rows, r => r.RecordId == record.Id);
        Assert.Equal(10, row.Clocks.CheckMinutesLeft);

        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "asleep-breathing" }));

        row = Assert.Single((await CustodyApi.BoardAsync(officer)).Rows, r => r.RecordId == record.Id);
        Assert.Equal(_api.Now.AddMinutes(60), row.Clocks.NextCheckDue);
        Assert.Equal(60, row.Clocks.CheckMinutesLeft);
        Assert.Equal(_api.Now, row.Clocks.LastCheckAt);
    }

    [Fact]
    public async Task Release_frees_the_cell_and_takes_the_person_off_the_board()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));
        var before = await CustodyApi.BoardAsync(officer);
        Assert.Equal(1, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);

        var response = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "court-decision", propertyReturned = true });
        var released = await CustodyApi.OkAsync<RecordDto>(response);

        Assert.Equal("released", released.Status);
        Assert.Equal("court-decision", released.ClosedGrounds);
        Assert.Equal(_api.Now, released.ClosedAt);
        Assert.Null(released.Cell);
        Assert.Equal("release", released.Timeline[^1].Type);
        Assert.Equal(0, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
        var after = await CustodyApi.BoardAsync(officer);
        Assert.Equal(before.InCustody - 1, after.InCustody);
        Assert.DoesNotContain(after.Rows, r => r.RecordId == record.Id);

        // The freed place can be taken.
        var next = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, next.Id, CustodyApi.Placement(_api.Now, cell.Id));
    }

    [Fact]
    public async Task Transfer_to_a_pre_trial_centre_frees_the_cell_and_records_the_destination()
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 1, floorArea: 6);
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));
        var before = await CustodyApi.BoardAsync(officer);

        var url = $"{CustodyApi.Base}/records/{record.Id}/transfer";
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url,
            new { occurredAt = CustodyApi.At(_api.Now), destination = "moon", destinationName = "?", propertyReturned = true }), "destination", "one-of");
        var transferred = await CustodyApi.OkAsync<RecordDto>(await officer.PostAsJsonAsync(url, new
        {
            occurredAt = CustodyApi.At(_api.Now), destination = "pre-trial-centre", destinationName = "Київський слідчий ізолятор",
            escort = "конвой №3", propertyReturned = false, propertyDiscrepancy = "Речі передано разом з особою",
        }));

        Assert.Equal("transferred", transferred.Status);
        Assert.Equal("pre-trial-centre", transferred.ClosedGrounds);
        Assert.Equal("Київський слідчий ізолятор", transferred.Timeline[^1].Data["destinationName"]!.GetValue<string>());
        Assert.Equal(0, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
        var after = await CustodyApi.BoardAsync(officer);
        Assert.Equal(before.InCustody - 1, after.InCustody);
        Assert.DoesNotContain(after.Rows, r => r.RecordId == record.Id);
    }

    [Fact]
    public async Task The_board_of_an_unknown_facility_or_without_one_is_404()
    {
        using var officer = await _api.AsAsync();
        await Problem.AssertAsync(await officer.GetAsync($"{CustodyApi.Base}/board"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await officer.GetAsync($"{CustodyApi.Base}/board?facilityId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await officer.GetAsync($"{CustodyApi.Base}/board?facilityId={Varta.Platform.Demo.DemoData.ShevchenkivskyiCourt}"),
            HttpStatusCode.NotFound);
    }
}
