using System.Net;
using System.Net.Http.Json;
using Varta.Custody.Board;
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
    public async Task A_check_made_after_it_was_due_is_marked_late_on_the_board_and_one_on_time_is_not()
    {
        using var officer = await _api.AsAsync();

        // Arrived 90 min ago at observation level 1 (a check each hour): the first check fell due 30 min ago.
        var overdue = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(100), arrivedAgo: TimeSpan.FromMinutes(90)), officer);
        // Arrived 30 min ago: the first check is due in 30 min.
        var early = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(30)), officer);
        Assert.False(Row(await CustodyApi.BoardAsync(officer), overdue.Id).LastCheckLate, "No check yet, so none late.");

        await CustodyApi.AppendOkAsync(officer, overdue.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));
        await CustodyApi.AppendOkAsync(officer, early.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "awake-well" }));

        var board = await CustodyApi.BoardAsync(officer);
        Assert.True(Row(board, overdue.Id).LastCheckLate, "A check 30 min after it was due is late.");
        Assert.False(Row(board, early.Id).LastCheckLate, "A check before it was due is on time.");

        // The next check of the late one is made in time: the board no longer marks it.
        await CustodyApi.AppendOkAsync(officer, overdue.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "asleep-breathing" }));
        Assert.False(Row(await CustodyApi.BoardAsync(officer), overdue.Id).LastCheckLate);
    }

    [Fact]
    public async Task A_check_is_late_by_the_interval_of_the_observation_level_in_force_when_it_was_made()
    {
        using var officer = await _api.AsAsync();

        // Arrived 45 min ago; at level 2 (every 30 min) the check fell due 15 min ago, at level 1 it would not be due yet.
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(45)), officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("risk-assessment", _api.Now.AddMinutes(-40),
            new { riskLevel = "medium", observationLevel = 2 }));
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", _api.Now, new { condition = "asleep-breathing", roused = true }));

        Assert.True(Row(await CustodyApi.BoardAsync(officer), record.Id).LastCheckLate);
    }

    [Fact]
    public async Task Records_closed_in_the_last_day_are_on_the_board_newest_first_and_a_release_after_the_maximum_is_flagged()
    {
        using var officer = await _api.AsAsync();
        var release = (DateTimeOffset at, string grounds) => new { occurredAt = CustodyApi.At(at), grounds, propertyReturned = true };

        // Detained 220 h ago: the 216 h maximum passed 4 h ago, and the release comes after it.
        var held = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(220), arrivedAgo: TimeSpan.FromHours(219)), officer);
        var inTime = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(3), arrivedAgo: TimeSpan.FromHours(2)), officer);
        var longAgo = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(30), arrivedAgo: TimeSpan.FromHours(29)), officer);
        await CustodyApi.OkAsync<RecordDto>(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{inTime.Id}/release",
            release(_api.Now.AddMinutes(-10), "no-grounds")));
        await CustodyApi.OkAsync<RecordDto>(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{held.Id}/release",
            release(_api.Now.AddMinutes(-5), "deadline")));
        await CustodyApi.OkAsync<RecordDto>(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{longAgo.Id}/release",
            release(_api.Now.AddHours(-25), "court-decision")));

        var closed = (await CustodyApi.BoardAsync(officer)).RecentlyClosed;

        var late = Assert.Single(closed, c => c.RecordId == held.Id);
        Assert.Equal(held.Number, late.Number);
        Assert.Equal(held.Person.FullName, late.PersonName);
        Assert.Equal("released", late.Status);
        Assert.Equal("deadline", late.Grounds);
        Assert.Equal(_api.Now.AddMinutes(-5), late.ClosedAt);
        Assert.Contains("closed-after-deadline", late.Flags);
        var fine = Assert.Single(closed, c => c.RecordId == inTime.Id);
        Assert.DoesNotContain("closed-after-deadline", fine.Flags);
        Assert.DoesNotContain(closed, c => c.RecordId == longAgo.Id);
        Assert.Equal(closed.OrderByDescending(c => c.ClosedAt).Select(c => c.RecordId), closed.Select(c => c.RecordId));
        Assert.True(closed.ToList().FindIndex(c => c.RecordId == held.Id) < closed.ToList().FindIndex(c => c.RecordId == inTime.Id));
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

    private static BoardRowDto Row(BoardDto board, Guid recordId) => Assert.Single(board.Rows, r => r.RecordId == recordId);
}
