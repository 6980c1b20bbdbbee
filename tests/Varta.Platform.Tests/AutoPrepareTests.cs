using Npgsql;
using Varta.Platform.Persistence;

namespace Varta.Platform.Tests;

/// <summary>On PostgreSQL, statements a connection repeats are prepared on the server unless the connection string says otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_statements_prepared_after_three_uses()
    {
        var built = new NpgsqlConnectionStringBuilder(PersistenceSetup.WithAutoPrepare("Host=127.0.0.1;Port=5432;Database=varta;Username=varta"));
        Assert.Equal((64, 3), (built.MaxAutoPrepare, built.AutoPrepareMinUsages));
        Assert.Equal(("127.0.0.1", "varta"), (built.Host, built.Database));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=varta;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=varta;MaxAutoPrepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=varta;Max Auto Prepare=5;Auto Prepare Min Usages=9", 5)]
    public void An_operator_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(PersistenceSetup.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
