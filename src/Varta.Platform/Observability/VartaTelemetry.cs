using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Varta.Platform.Observability;

/// <summary>The names under which Varta's own traces and metrics are published.</summary>
internal static class VartaTelemetry
{
    public const string Name = "Varta";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> AuditAppends = Meter.CreateCounter<long>("varta.audit.appends", description: "Audit entries appended");

    public static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>("varta.auth.sign_in_failures", description: "Failed sign-in attempts");
}
