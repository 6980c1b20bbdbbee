using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Varta.Alarms.Console;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;

namespace Varta.Alarms.EventStream;

/// <summary>
/// <c>GET /api/v1/alarms/stream</c>: the console feed as server-sent events (<c>text/event-stream</c>), the cheapest
/// way for a console to hear of alarms: one frame per pass of the notifier, serialised once for every stream that
/// watches the same buildings. Resumable: a client that sends <c>Last-Event-ID</c> (or <c>?after=</c>) first gets
/// every event after it from the feed, then the live ones, each once and in Seq order. The stream ends when the
/// user's access does (<c>event: revoked</c>).
/// </summary>
internal static class StreamEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/stream", StreamAsync).RequireAuthorization(AlarmsPolicies.Console);

    private static async Task<IResult> StreamAsync(HttpContext http, ClaimsPrincipal user, string? after, ConsoleAlarms console, FeedHandler feed,
        AlarmStreams streams, SessionWatch sessions, Problems problems, Loc loc, IOptions<AlarmsOptions> options, TimeProvider clock)
    {
        var resume = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : after;
        long? from = null;
        if (resume is not null)
        {
            if (!long.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return problems.Validation(new Validator(loc).Fail(http.Request.Headers.ContainsKey("Last-Event-ID") ? "Last-Event-ID" : "after", "stream-resume"));
            }

            from = seq;
        }

        var ct = http.RequestAborted;
        var sites = (await console.SitesAsync(user, AlarmsPolicies.Console)).ToHashSet();
        await console.AuditReadAsync("alarms.stream.open", null, sites, new { after = from }, ct);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        var connection = new StreamConnection(http, sites);
        using (streams.Add(connection)) // live frames queue from here on, so nothing falls between the catch-up and them
        {
            var sent = from ?? await feed.LatestAsync(ct);
            await connection.WriteDirectAsync(StreamFrame.Ready(sent, sites), ct);
            while (from is not null)
            {
                var events = await feed.HandleAsync(user, sent, FeedPage, ct, auditRead: false);
                if (events.Count > 0)
                {
                    await connection.WriteDirectAsync(StreamFrame.Alarms(events), ct);
                    sent = events[^1].Seq;
                }

                if (events.Count < FeedPage)
                {
                    break;
                }
            }

            connection.EndCatchUp(sent);

            var revoked = sessions.UntilRevokedAsync(user, ct);
            while (!ct.IsCancellationRequested && !connection.IsClosed)
            {
                var tick = Task.Delay(options.Value.StreamKeepAlive, clock, ct);
                if (await Task.WhenAny(revoked, tick) == revoked)
                {
                    if (revoked.IsCompletedSuccessfully)
                    {
                        connection.Close();
                        try
                        {
                            await connection.WriteDirectAsync(StreamFrame.Revoked(), CancellationToken.None);
                        }
                        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
                        {
                            // The client is gone or its socket is full: the stream ends all the same.
                        }
                    }

                    break;
                }

                connection.Heartbeat();
            }
        }

        return Results.Empty;
    }

    private const int FeedPage = 1000;
}
