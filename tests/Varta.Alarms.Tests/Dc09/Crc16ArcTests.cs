using System.Text;
using Varta.Alarms.Dc09;

namespace Varta.Alarms.Tests.Dc09;

public sealed class Crc16ArcTests
{
    [Fact]
    public void Check_value_of_123456789_is_BB3D() =>
        Assert.Equal(0xBB3D, Crc16Arc.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Crc_of_nothing_is_the_initial_value_zero() => Assert.Equal(0, Crc16Arc.Compute([]));

    [Fact]
    public void Crc_of_a_published_NAK_body_is_the_one_its_sender_wrote() =>
        Assert.Equal(0x3C83, Crc16Arc.Compute(Encoding.ASCII.GetBytes("\"NAK\"0000R0L0A0[]_16:09:09,04-14-2015")));
}
