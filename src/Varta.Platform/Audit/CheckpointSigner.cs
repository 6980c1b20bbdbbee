using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

internal sealed class AuditOptions
{
    /// <summary>PEM file holding the ECDSA P-256 private key that signs checkpoints; created when missing.</summary>
    public string CheckpointKeyPath { get; set; } = "data/keys/audit-checkpoint.pem";

    /// <summary>How often a checkpoint is stored while the chain grows.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Where each new checkpoint is also written, outside the database: one file per tree size, never overwritten, and
    /// an append-only <c>checkpoints.jsonl</c>. An operator ships this folder elsewhere (another machine, write-once
    /// storage); empty turns it off.
    /// </summary>
    public string CheckpointFolder { get; set; } = "data/audit-checkpoints";
}

/// <summary>A signed tree head: the chain's size and the hash of its last entry.</summary>
public sealed record AuditCheckpointDto(long TreeSize, string RootHash, string Signature, string PublicKey, DateTimeOffset SignedAt)
{
    /// <summary>The exact bytes that are signed (see docs/audit.md).</summary>
    public static byte[] Message(long treeSize, string rootHashHex) =>
        Encoding.UTF8.GetBytes($"varta-audit-checkpoint/v1\n{treeSize}\n{rootHashHex}\n");

    /// <summary>Offline check: needs nothing but this record.</summary>
    public bool SignatureIsValid()
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(PublicKey);
            return key.VerifyData(Message(TreeSize, RootHash), Convert.FromBase64String(Signature),
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}

internal sealed class CheckpointSigner : IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    private readonly ECDsa _key;
    private readonly TimeProvider _clock;
    private readonly string? _folder;
    private readonly Lock _files = new();

    public CheckpointSigner(IOptions<AuditOptions> options, TimeProvider clock, ILogger<CheckpointSigner> logger)
    {
        _clock = clock;
        _folder = string.IsNullOrWhiteSpace(options.Value.CheckpointFolder) ? null : Path.GetFullPath(options.Value.CheckpointFolder);
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.GetFullPath(options.Value.CheckpointKeyPath);
        if (File.Exists(path))
        {
            _key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            PrivateFiles.WriteText(path, _key.ExportPkcs8PrivateKeyPem());

            logger.LogWarning("Created a new audit checkpoint key at {Path}; back it up and keep it secret", path);
        }

        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    public string PublicKeyPem { get; }

    public AuditCheckpointDto Sign(long treeSize, byte[] rootHash)
    {
        var hex = Convert.ToHexStringLower(rootHash);
        var signature = _key.SignData(AuditCheckpointDto.Message(treeSize, hex), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new AuditCheckpointDto(treeSize, hex, Convert.ToBase64String(signature), PublicKeyPem, _clock.GetUtcNow());
    }

    /// <summary>Signs the current head and stores it, so a later rewrite of the chain cannot go unseen.</summary>
    internal async Task<AuditCheckpointDto> CheckpointAsync(VartaDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq)
            .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var dto = Sign(head?.Seq ?? 0, head?.Hash ?? AuditHasher.Genesis);
        if (dto.TreeSize > 0 && !await db.AuditCheckpoints.AnyAsync(c => c.TreeSize == dto.TreeSize, cancellationToken))
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint
            {
                TreeSize = dto.TreeSize,
                RootHash = head!.Hash,
                Signature = Convert.FromBase64String(dto.Signature),
                SignedAtUs = AuditHasher.ToMicros(dto.SignedAt),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another host stored the same tree head first; the chain is the same, so nothing is lost.
                db.ChangeTracker.Clear();
            }

            WriteOutside(dto);
        }

        return dto;
    }

    /// <summary>
    /// The checkpoint outside the database, where a rewrite of the database cannot reach it: a file of its own (created,
    /// never replaced) and a line appended to the folder's log.
    /// </summary>
    private void WriteOutside(AuditCheckpointDto dto)
    {
        if (_folder is null)
        {
            return;
        }

        var json = System.Text.Json.JsonSerializer.Serialize(dto, Json);
        lock (_files)
        {
            PrivateFiles.EnsureFolder(_folder);
            var file = Path.Combine(_folder, $"checkpoint-{dto.TreeSize:D12}.json");
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(System.Text.Encoding.UTF8.GetBytes(json));
            }
            catch (IOException) when (File.Exists(file))
            {
                return; // this tree size is already out there (another host, or an earlier call)
            }

            File.AppendAllText(Path.Combine(_folder, "checkpoints.jsonl"), json + "\n");
        }
    }

    public void Dispose() => _key.Dispose();
}
