using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

public sealed class PanelEventTests
{
    [Fact]
    public void A_Contact_ID_burglary_is_an_intrusion_in_partition_01_zone_015()
    {
        Assert.True(ContactIdEvent.TryParse("#1234|1130 01 015", null, out var e));

        Assert.Equal(new PanelEvent("1234", PanelEventKind.Intrusion, PanelProtocol.ContactId, "130", "01", "015", false, "Burglary"), e);
    }

    [Theory]
    [InlineData("1120 01 001", nameof(PanelEventKind.Panic), false)]
    [InlineData("1121 01 001", nameof(PanelEventKind.Duress), false)]
    [InlineData("1122 01 001", nameof(PanelEventKind.Silent), false)]
    [InlineData("1123 01 001", nameof(PanelEventKind.Panic), false)]
    [InlineData("1137 01 004", nameof(PanelEventKind.Tamper), false)]
    [InlineData("1110 01 004", nameof(PanelEventKind.Fire), false)]
    [InlineData("1301 00 000", nameof(PanelEventKind.Fault), false)]
    [InlineData("1350 00 000", nameof(PanelEventKind.Fault), false)]
    [InlineData("1602 00 000", nameof(PanelEventKind.Test), false)]
    [InlineData("1601 00 000", nameof(PanelEventKind.Test), false)]
    [InlineData("3130 01 015", nameof(PanelEventKind.Intrusion), true)]
    [InlineData("3121 01 001", nameof(PanelEventKind.Duress), true)]
    [InlineData("3301 00 000", nameof(PanelEventKind.Fault), true)]
    [InlineData("3570 01 003", nameof(PanelEventKind.Bypass), true)]
    [InlineData("1570 01 003", nameof(PanelEventKind.Bypass), false)]
    public void Contact_ID_codes_map_to_kinds_and_qualifier_3_is_a_restore(string data, string kind, bool isRestore)
    {
        Assert.True(ContactIdEvent.TryParse(data, "1234", out var e));

        Assert.Equal((Enum.Parse<PanelEventKind>(kind), isRestore), (e.Kind, e.IsRestore));
        Assert.Equal("1234", e.Account);
    }

    [Fact]
    public void Contact_ID_qualifier_6_is_a_previously_reported_condition()
    {
        Assert.True(ContactIdEvent.TryParse("6130 01 015", "1234", out var e));

        Assert.True(e.IsPreviouslyReported);
        Assert.False(e.IsRestore);
    }

    [Fact]
    public void Contact_ID_closing_is_not_a_restore()
    {
        Assert.True(ContactIdEvent.TryParse("3401 01 007", "1234", out var e));

        Assert.False(e.IsRestore);
        Assert.Equal(PanelEventKind.Other, e.Kind);
        Assert.Contains("closing", e.Description, StringComparison.Ordinal);
        Assert.Equal("007", e.Zone); // the user who armed
    }

    [Fact]
    public void Contact_ID_without_spaces_or_account_prefix_is_read_with_the_header_account()
    {
        Assert.True(ContactIdEvent.TryParse("113001015", "5678", out var e));

        Assert.Equal(("5678", "130", "01", "015"), (e.Account, e.Code, e.Partition, e.Zone));
    }

    [Theory]
    [InlineData("")]
    [InlineData("#1234|")]
    [InlineData("#1234|1130 01 01")]
    [InlineData("#1234|2130 01 015")]
    [InlineData("#1234|1130 01 0155")]
    [InlineData("#1234|113A 01 015")]
    [InlineData("#1234 1130 01 015")]
    public void Malformed_Contact_ID_data_is_refused(string data) =>
        Assert.False(ContactIdEvent.TryParse(data, "1234", out _));

    [Theory]
    [InlineData("|1130 01 015")]
    [InlineData("#|1130 01 015")]
    [InlineData("#0000|1130 01 015")]
    [InlineData("#1E04|1130 01 015")]
    public void The_header_account_stands_whatever_account_the_data_names_or_leaves_empty(string data)
    {
        Assert.True(ContactIdEvent.TryParse(data, "1E01", out var e));
        Assert.Equal(("1E01", "130"), (e.Account, e.Code));
    }

    [Fact]
    public void Contact_ID_data_and_no_account_anywhere_is_refused() =>
        Assert.False(ContactIdEvent.TryParse("1130 01 015", null, out _));

    [Fact]
    public void A_SIA_burglary_alarm_is_an_intrusion_in_area_1_zone_001()
    {
        Assert.True(SiaEvent.TryParse("#1234|Nri1/BA001", null, out var e));

        Assert.Equal(new PanelEvent("1234", PanelEventKind.Intrusion, PanelProtocol.Sia, "BA", "1", "001", false, "Burglary alarm"), e);
    }

    [Theory]
    [InlineData("NBA001", nameof(PanelEventKind.Intrusion), false)]
    [InlineData("NBR001", nameof(PanelEventKind.Intrusion), true)]
    [InlineData("NBH001", nameof(PanelEventKind.Intrusion), true)]
    [InlineData("NPA003", nameof(PanelEventKind.Panic), false)]
    [InlineData("NPR003", nameof(PanelEventKind.Panic), true)]
    [InlineData("NHA002", nameof(PanelEventKind.Duress), false)]
    [InlineData("NQA002", nameof(PanelEventKind.Panic), false)]
    [InlineData("NTA005", nameof(PanelEventKind.Tamper), false)]
    [InlineData("NTR005", nameof(PanelEventKind.Tamper), true)]
    [InlineData("NFA009", nameof(PanelEventKind.Fire), false)]
    [InlineData("NRP000", nameof(PanelEventKind.Test), false)]
    [InlineData("NRX000", nameof(PanelEventKind.Test), false)]
    [InlineData("NYT000", nameof(PanelEventKind.Fault), false)]
    [InlineData("NYR000", nameof(PanelEventKind.Fault), true)]
    [InlineData("NAT000", nameof(PanelEventKind.Fault), false)]
    [InlineData("NBT004", nameof(PanelEventKind.Fault), false)]
    [InlineData("NYS000", nameof(PanelEventKind.Fault), false)]
    [InlineData("NOP012", nameof(PanelEventKind.Other), false)]
    [InlineData("NWR004", nameof(PanelEventKind.Environmental), true)]
    [InlineData("NQQ001", nameof(PanelEventKind.Unrecognised), false)]
    [InlineData("NZY001", nameof(PanelEventKind.Unrecognised), false)]
    public void SIA_codes_map_to_kinds_and_restorals(string data, string kind, bool isRestore)
    {
        Assert.True(SiaEvent.TryParse(data, "1234", out var e));

        Assert.Equal((Enum.Parse<PanelEventKind>(kind), isRestore), (e.Kind, e.IsRestore));
    }

    [Fact]
    public void A_SIA_message_with_several_blocks_yields_every_event_with_its_area_and_text()
    {
        Assert.True(SiaEvent.TryParseAll("#1234|Nti14:30/id12/ri1/BA001^Front door^/ri2/PA003/TA", null, out var events));

        Assert.Equal(3, events.Count);
        Assert.Equal(("BA", "1", "001", "Front door"), (events[0].Code, events[0].Partition, events[0].Zone, events[0].Text));
        Assert.Equal(("PA", "2", "003"), (events[1].Code, events[1].Partition, events[1].Zone));
        Assert.Equal(("TA", "2", (string?)null), (events[2].Code, events[2].Partition, events[2].Zone));
    }

    [Fact]
    public void SIA_modifiers_may_run_into_the_code_without_a_slash()
    {
        Assert.True(SiaEvent.TryParse("#1234|Nri01BA001", null, out var e));

        Assert.Equal(("BA", "01", "001"), (e.Code, e.Partition, e.Zone));
    }

    [Theory]
    [InlineData("#1234|")]
    [InlineData("#1234|N")]
    [InlineData("#1234|Nri1")]
    [InlineData("#1234|Xri1/BA001")]
    [InlineData("#1234|Nri1/B")]
    [InlineData("#1234|Nri1/BA001^unterminated")]
    [InlineData("#1234|Nri1/BA001 ")]
    public void Malformed_SIA_data_is_refused(string data) =>
        Assert.False(SiaEvent.TryParse(data, "1234", out _));

    [Fact]
    public void A_frame_decodes_by_its_message_ID()
    {
        Assert.True(PanelEvent.TryDecode(ContactId(), out var cid));
        Assert.True(PanelEvent.TryDecode(Sia(), out var sia));
        Assert.True(PanelEvent.TryDecode(Null(), out var heartbeat));
        Assert.False(PanelEvent.TryDecode(ContactId() with { Id = Dc09Ids.Ack }, out _));

        Assert.Equal(PanelProtocol.ContactId, cid.Protocol);
        Assert.Equal(PanelProtocol.Sia, sia.Protocol);
        Assert.Equal((PanelEventKind.Heartbeat, PanelProtocol.Null, "1234"), (heartbeat.Kind, heartbeat.Protocol, heartbeat.Account));
    }
}
