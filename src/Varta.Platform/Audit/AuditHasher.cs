using System.Buffers.Binary;
using System.Text;

namespace Varta.Platform.Audit;

/// <summary>
/// The canonical form and the chain rule, documented in docs/audit.md so that an outside body can
/// re-implement the check: h(n) = SHA-256(h(n-1) || canonical(entry n)), h(0) = 32 zero bytes.
/// canonical = "VA1" then seq, occurredAtUs, recordedAtUs as big-endian int64, then actorId, actorName,
/// action, category, resourceType, resourceId, orgUnitId, reason, details, each as a big-endian int32
/// byte length (-1 for null) followed by its UTF-8 bytes.
/// </summary>
internal sealed class AuditHasher
{
    public static readonly byte[] Genesis = new byte[32];

    private static readonly byte[] Magic = "VA1"u8.ToArray();

    private byte[] _buffer = new byte[1024];
    private int _length;

    public byte[] Hash(ReadOnlySpan<byte> previous, AuditEntry e)
    {
        var result = new byte[32];
        Hash(previous, e.Seq, e.OccurredAtUs, e.RecordedAtUs, e.ActorId, e.ActorName, e.Action, e.Category,
            e.ResourceType, e.ResourceId, e.OrgUnitId, e.Reason, e.Details, result);
        return result;
    }

    public void Hash(ReadOnlySpan<byte> previous, long seq, long occurredUs, long recordedUs, string actorId, string actorName,
        string action, string category, string? resourceType, string? resourceId, string? orgUnitId, string? reason,
        string? details, Span<byte> destination)
    {
        Begin(previous, seq, occurredUs, recordedUs);
        AppendString(actorId);
        AppendString(actorName);
        AppendString(action);
        AppendString(category);
        AppendString(resourceType);
        AppendString(resourceId);
        AppendString(orgUnitId);
        AppendString(reason);
        AppendString(details);
        Finish(destination);
    }

    /// <summary>Starts an entry: previous hash, magic and the three numbers; the nine texts follow in canonical order.</summary>
    public void Begin(ReadOnlySpan<byte> previous, long seq, long occurredUs, long recordedUs)
    {
        _length = 0;
        Append(previous);
        Append(Magic);
        AppendInt64(seq);
        AppendInt64(occurredUs);
        AppendInt64(recordedUs);
    }

    /// <summary>One text field as UTF-8 bytes already at hand (the verifier reads them so from SQLite).</summary>
    public void AppendUtf8(ReadOnlySpan<byte> text, bool isNull)
    {
        Ensure(4 + text.Length);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), isNull ? -1 : text.Length);
        text.CopyTo(_buffer.AsSpan(_length + 4));
        _length += 4 + text.Length;
    }

    /// <summary>Hashes the entry built since <see cref="Begin"/>.</summary>
    public void Finish(Span<byte> destination) => ChainSha256.Hash(_buffer.AsSpan(0, _length), destination);

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void AppendInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void AppendString(string? value)
    {
        if (value is null)
        {
            Ensure(4);
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), -1);
            _length += 4;
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(4 + max);
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), written);
        _length += 4 + written;
    }

    public static long ToMicros(DateTimeOffset instant) => (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * 10), TimeSpan.Zero);
}
