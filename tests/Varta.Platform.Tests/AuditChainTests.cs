using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>The chain's write and verify paths below the HTTP API: hashing, NULL versus empty, partitions, commit callbacks.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public void The_chain_hash_is_SHA_256_for_every_size_and_uses_libcrypto_directly_on_linux()
    {
        var random = new Random(20261126);
        var expected = new byte[32];
        var actual = new byte[32];
        foreach (var size in Enumerable.Range(0, 300).Concat([1000, 4096, 16 * 1024, (16 * 1024) + 1, 100_000]))
        {
            var input = new byte[size];
            random.NextBytes(input);
            SHA256.HashData(input, expected);
            ChainSha256.Hash(input, actual);
            Assert.Equal(expected, actual);
        }

        if (OperatingSystem.IsLinux())
        {
            Assert.True(ChainSha256.IsNative, "libcrypto's SHA256() should be found on Linux (the fallback is correct but slower)");
        }
    }

    [Fact]
    public async Task A_null_turned_into_an_empty_text_is_caught_and_every_partitioning_agrees()
    {
        await using var factory = new VartaFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        await factory.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<IAuditLog>();
            for (var i = 0; i < 40; i++)
            {
                await audit.AppendAsync(new AuditRecord { Action = "test.append", ResourceType = "thing", ResourceId = $"t-{i}", Details = i % 3 == 0 ? null : "{\"n\":\"Київ\"}" });
            }

            return 0;
        });

        var verifier = factory.Services.GetRequiredService<AuditVerifier>();
        foreach (var partitions in new[] { 1, 2, 3, 7 })
        {
            var sound = await verifier.VerifyAsync(partitions);
            Assert.True(sound.Valid, $"partitions={partitions}");
        }

        var target = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var seq = await db.AuditEntries.Where(e => e.Action == "test.append" && e.Reason == null).OrderBy(e => e.Seq).Skip(17).Select(e => e.Seq).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Reason\" = '' WHERE \"Seq\" = {0}", seq);
            return seq;
        });

        foreach (var partitions in new[] { 1, 2, 3, 7 })
        {
            var broken = await verifier.VerifyAsync(partitions);
            Assert.False(broken.Valid);
            Assert.Equal(target, broken.FirstInvalidSeq);
        }

        if (factory.Database.Provider == "Sqlite")
        {
            // The direct e_sqlite3 reader and the portable SQLitePCLRaw one agree, row by row.
            Assert.True(NativeRows.Available, "the e_sqlite3 exports should be found next to SQLitePCLRaw");
            var connectionString = factory.Database.ConnectionString;
            var max = await factory.WithScopeAsync(sp => sp.GetRequiredService<VartaDbContext>().AuditEntries.MaxAsync(e => e.Seq));
            Assert.Equal(target, AuditVerifier.VerifySqliteRange(connectionString, 1, max, CancellationToken.None));
            Assert.Equal(target, AuditVerifier.VerifySqliteRange(connectionString, 1, max, CancellationToken.None, portable: true));
            Assert.Null(AuditVerifier.VerifySqliteRange(connectionString, 1, target - 1, CancellationToken.None));
            Assert.Null(AuditVerifier.VerifySqliteRange(connectionString, 1, target - 1, CancellationToken.None, portable: true));
            Assert.Null(AuditVerifier.VerifySqliteRange(connectionString, target + 1, max, CancellationToken.None));
        }

        await ((IAsyncLifetime)factory).DisposeAsync();
    }

    [Fact]
    public async Task Commit_callbacks_run_once_after_a_successful_save_and_never_after_a_failed_one()
    {
        await using var factory = new VartaFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var ran = 0;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var audit = sp.GetRequiredService<IAuditLog>();
            audit.Record(new AuditRecord { Action = "test.callback" });
            db.AfterCommit(() => ran++);
            await db.SaveChangesAsync();
            Assert.Equal(1, ran);

            // A save that fails (a duplicate key) runs nothing, stores no audit row, and keeps the record queued.
            var count = await db.AuditEntries.CountAsync();
            var existing = await db.OrgUnits.AsNoTracking().FirstAsync();
            db.OrgUnits.Add(new OrgUnit { Id = existing.Id, Name = "dup", NameEn = "dup", Kind = existing.Kind });
            var queued = audit.Record(new AuditRecord { Action = "test.callback.failed" });
            db.AfterCommit(() => ran++);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Equal(1, ran);
            Assert.Equal(count, await db.AuditEntries.CountAsync());
            audit.Withdraw(queued);
            return 0;
        });

        var verify = await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.True(verify.Valid);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }
}
