using System.Net;
using System.Net.Http.Json;
using Varta.Testing;

namespace Varta.Alarms.Tests;

[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;

/// <summary>Runs alone: it counts exceptions thrown anywhere in the test process.</summary>
[Collection(nameof(SerialCollection))]
public sealed class DeviceBearerTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_device_secret_in_the_bearer_header_is_not_parsed_as_a_user_token()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка носій", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception.GetType().Name.StartsWith("SecurityToken", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var response = await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = $"bearer-{i}" });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);

        // A user's token is still read from the same header, and a device secret still opens nothing else.
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/v1/alarms/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await device.GetAsync("/api/v1/alarms/open")).StatusCode);
    }
}
