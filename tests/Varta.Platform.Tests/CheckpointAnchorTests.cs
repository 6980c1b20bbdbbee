using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>
/// Checkpoints anchored outside the database: someone who can write the database rewrites the chain consistently from
/// some entry and deletes the stored checkpoints, so that the chain verifies; the checkpoint kept outside still
/// catches it, with the sequence it contradicts.
/// </summary>
public sealed class CheckpointAnchorTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_rewritten_chain_with_its_checkpoint_rows_deleted_is_caught_by_the_checkpoint_kept_outside()
    {
        using var monitor = await factory.ClientAsAsync("external.monitor"); // an outside monitor polls the signed tree head
        var checkpoint = (await monitor.GetFromJsonAsync<AuditCheckpointDto>("/api/v1/audit/checkpoint", Json))!;
        Assert.True(checkpoint.TreeSize > 3);

        // It is also written outside the database, as a file of its own and a line of the append-only log.
        var folder = Path.Combine(factory.Database.Folder, "audit-checkpoints");
        var file = Path.Combine(folder, $"checkpoint-{checkpoint.TreeSize:D12}.json");
        Assert.Equal(checkpoint.RootHash, JsonSerializer.Deserialize<AuditCheckpointDto>(await File.ReadAllTextAsync(file), Json)!.RootHash);
        Assert.Contains(checkpoint.RootHash, await File.ReadAllTextAsync(Path.Combine(folder, "checkpoints.jsonl")), StringComparison.Ordinal);

        var verifier = factory.Services.GetRequiredService<AuditVerifier>();
        Assert.Equal("same", (await verifier.VerifyAgainstAsync(checkpoint)).Verdict);
        using (var admin = await factory.ClientAsAsync("admin"))
        {
            await admin.GetAsync("/api/v1/admin/users"); // more entries after the checkpoint
        }

        Assert.Equal("extends", (await verifier.VerifyAgainstAsync(checkpoint)).Verdict);

        // The attack: change entry 3, recompute every hash after it, delete the checkpoints the database kept.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var entries = await db.AuditEntries.Where(e => e.Seq >= 2).OrderBy(e => e.Seq).ToListAsync();
            entries[1].ActorName = "someone-else";
            var hasher = new AuditHasher();
            var previous = entries[0].Hash;
            foreach (var entry in entries.Skip(1))
            {
                entry.Hash = hasher.Hash(previous, entry);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
            return await db.AuditCheckpoints.ExecuteDeleteAsync();
        });

        Assert.True((await verifier.VerifyAsync()).Valid, "the rewrite is internally consistent: the chain alone cannot tell");
        var verdict = await verifier.VerifyAgainstAsync(checkpoint);
        Assert.False(verdict.Valid);
        Assert.Equal("contradicts", verdict.Verdict);
        Assert.Equal(checkpoint.TreeSize, verdict.FailedSeq);

        // A checkpoint whose signature does not hold is refused before the database is even read.
        Assert.Equal("bad-signature", (await verifier.VerifyAgainstAsync(checkpoint with { TreeSize = 2 })).Verdict);
    }

    [Fact]
    public async Task A_chain_cut_back_behind_the_outside_checkpoint_is_reported_as_truncated()
    {
        await using var own = new VartaFactory();
        await ((IAsyncLifetime)own).InitializeAsync();
        using var admin = await own.ClientAsAsync("admin");
        var checkpoint = (await admin.GetFromJsonAsync<AuditCheckpointDto>("/api/v1/audit/checkpoint", Json))!;
        await own.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            await db.AuditCheckpoints.ExecuteDeleteAsync();
            return await db.AuditEntries.Where(e => e.Seq > checkpoint.TreeSize - 2).ExecuteDeleteAsync();
        });

        var verdict = await own.Services.GetRequiredService<AuditVerifier>().VerifyAgainstAsync(checkpoint);
        Assert.Equal("truncated", verdict.Verdict);
        Assert.Equal(checkpoint.TreeSize - 1, verdict.FailedSeq);
    }
}
