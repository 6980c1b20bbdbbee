using System.Net;
using Microsoft.Extensions.Logging;

namespace Varta.Alarms.Dc09;

/// <summary>
/// Turns one received chunk into the answer, the same over TCP and UDP: a well-formed panel message goes to the
/// handler and is answered only once the handler's task has completed (it stores the signal, and an ACK tells the
/// panel it may forget it); bad frames get NAK, unsupported ones DUH, without reaching the handler.
/// </summary>
internal sealed class Dc09Responder(
    Dc09ReceiverOptions options,
    Func<Dc09Frame, PanelEvent?, CancellationToken, Task<Dc09Verdict>> handler,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Returns the answer to one chunk, and whether the chunk was a well-formed frame.</summary>
    public async Task<(byte[] Response, bool WellFormed)> AnswerAsync(Dc09Chunk chunk, EndPoint? remote, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        if (chunk.Frame is null)
        {
            logger.LogWarning("DC-09 garbage from {Remote}", remote);
            return (Dc09Codec.Nak(now), false);
        }

        Dc09Frame? frame;
        Dc09Error error;
        try
        {
            var parse = new Dc09ParseOptions { KeyForAccount = options.KeyForAccount, Now = now, Window = options.TimestampWindow };
            Dc09Codec.TryParse(chunk.Frame, parse, out frame, out error);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "DC-09 frame from {Remote} could not be read", remote);
            return (Dc09Codec.Nak(now), false);
        }

        if (error != Dc09Error.None || frame is null)
        {
            logger.LogWarning("DC-09 frame from {Remote} rejected ({Reason}): {Raw}", remote, error,
                Dc09Text.ForLog(chunk.Frame));
            return error == Dc09Error.Unsupported && frame is not null
                ? (Dc09Codec.Duh(frame, now, KeyFor(frame)), false)
                : (Dc09Codec.Nak(now), false);
        }

        if (!Dc09Ids.IsPanelMessage(frame.Id))
        {
            return (Dc09Codec.Duh(frame, now, KeyFor(frame)), false);
        }

        PanelEvent.TryDecode(frame, out var panelEvent);
        Dc09Verdict verdict;
        try
        {
            verdict = await handler(frame, panelEvent, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Not stored, so not acknowledged: the panel will send it again.
            logger.LogError(ex, "DC-09 handler failed for account {Account} sequence {Sequence}", frame.Account, frame.Sequence);
            verdict = Dc09Verdict.Nak;
        }

        now = time.GetUtcNow();
        return verdict switch
        {
            Dc09Verdict.Ack => (Dc09Codec.Ack(frame, now, KeyFor(frame)), true),
            Dc09Verdict.Duh => (Dc09Codec.Duh(frame, now, KeyFor(frame)), true),
            _ => (Dc09Codec.Nak(now), true),
        };
    }

    private byte[]? KeyFor(Dc09Frame frame) =>
        frame.Encrypted && frame.Account is not null ? options.KeyForAccount?.Invoke(frame.Account) : null;
}
