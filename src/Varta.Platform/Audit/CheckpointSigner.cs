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
    private readonly ECDsa _key;
    private readonly TimeProvider _clock;

    public CheckpointSigner(IOptions<AuditOptions> options, TimeProvider clock, ILogger<CheckpointSigner> logger)
    {
        _clock = clock;
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
        }

        return dto;
    }

    public void Dispose() => _key.Dispose();
}
