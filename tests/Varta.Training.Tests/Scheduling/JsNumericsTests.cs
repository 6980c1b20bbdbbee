using Varta.Training.Scheduling;

namespace Varta.Training.Tests.Scheduling;

public sealed class JsNumericsTests
{
    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -2)]
    [InlineData(5.5, 6)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(-0.6, -1)]
    public void Rounding_takes_ties_towards_plus_infinity_as_javascript_does(double value, double rounded) =>
        Assert.Equal(rounded, JsNumerics.Round(value));

    [Theory]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(5.0, "5")]
    [InlineData(31.2, "31.2")]
    [InlineData(0.0, "0")]
    public void Numbers_are_written_as_javascript_writes_them(double value, string text) =>
        Assert.Equal(text, JsNumerics.ToJsString(value));
}
