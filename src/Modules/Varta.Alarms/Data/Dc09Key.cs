namespace Varta.Alarms.Data;

/// <summary>
/// The AES key an intrusion panel encrypts its DC-09 frames with. The receiver must use the key itself, so it
/// cannot be hashed: it is kept protected by ASP.NET Core Data Protection and is never returned after it is issued.
/// Turning encryption off deletes the row, and with it the key; the audit log keeps the history.
/// </summary>
internal sealed class Dc09Key
{
    public Guid DeviceId { get; set; }

    /// <summary>128, 192 or 256.</summary>
    public int Bits { get; set; }

    /// <summary>The key as Data Protection's payload (base64), under the purpose <see cref="ReceiveDc09.Dc09Keys.Purpose"/>.</summary>
    public string Protected { get; set; } = "";

    public DateTime IssuedAt { get; set; }

    public string IssuedBy { get; set; } = "";
}
