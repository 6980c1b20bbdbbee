using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Platform.Tests;

public sealed class AuditTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Sign_ins_are_audited_and_the_chain_verifies()
    {
        await factory.TokenAsync("judge");
        using var admin = await factory.ClientAsAsync("admin");
        var page = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/entries?actorId=&limit=100")).RootElement;
        Assert.Contains(page.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "auth.sign-in" && e.GetProperty("actorName").GetString() == "judge");

        var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/verify")).RootElement;
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.True(verify.GetProperty("count").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("firstInvalidSeq").ValueKind);
    }

    [Fact]
    public async Task A_row_changed_in_the_database_is_reported_as_the_first_invalid_sequence_number()
    {
        await using var isolated = new VartaFactory();
        await ((IAsyncLifetime)isolated).InitializeAsync();
        for (var i = 0; i < 6; i++)
        {
            await isolated.TokenAsync("judge");
        }

        using var admin = await isolated.ClientAsAsync("admin");
        var target = await isolated.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var seq = await db.AuditEntries.Where(e => e.Action == "auth.sign-in").OrderBy(e => e.Seq).Skip(2).Select(e => e.Seq).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = 'someone-else' WHERE \"Seq\" = {0}", seq);
            return seq;
        });

        var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/verify")).RootElement;
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(target, verify.GetProperty("firstInvalidSeq").GetInt64());
        await ((IAsyncLifetime)isolated).DisposeAsync();
    }

    [Fact]
    public async Task A_deleted_row_breaks_the_chain_at_its_sequence_number()
    {
        await using var isolated = new VartaFactory();
        await ((IAsyncLifetime)isolated).InitializeAsync();
        for (var i = 0; i < 4; i++)
        {
            await isolated.TokenAsync("judge");
        }

        var verifier = isolated.Services.GetRequiredService<AuditVerifier>();
        var deleted = await isolated.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VartaDbContext>();
            var seq = await db.AuditEntries.MaxAsync(e => e.Seq) - 2;
            await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Seq\" = {0}", seq);
            return seq;
        });

        var result = await verifier.VerifyAsync(partitions: 3);
        Assert.False(result.Valid);
        Assert.Equal(deleted, result.FirstInvalidSeq);
        await ((IAsyncLifetime)isolated).DisposeAsync();
    }

    [Fact]
    public async Task A_checkpoint_is_signed_and_verifies_offline_and_a_changed_one_does_not()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var json = await admin.GetStringAsync("/api/v1/audit/checkpoint");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var checkpoint = JsonSerializer.Deserialize<AuditCheckpointDto>(json, options)!;
        Assert.True(checkpoint.TreeSize > 0);
        Assert.True(checkpoint.SignatureIsValid());

        Assert.False((checkpoint with { TreeSize = checkpoint.TreeSize + 1 }).SignatureIsValid());
        Assert.False((checkpoint with { RootHash = new string('0', 64) }).SignatureIsValid());
    }

    [Fact]
    public async Task A_chain_cut_back_behind_a_stored_checkpoint_is_invalid()
    {
        await using var isolated = new VartaFactory();
        await ((IAsyncLifetime)isolated).InitializeAsync();
        await isolated.TokenAsync("judge");
        using var admin = await isolated.ClientAsAsync("admin");
        var checkpoint = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/checkpoint")).RootElement.GetProperty("treeSize").GetInt64();
        await isolated.WithScopeAsync(async sp =>
            await sp.GetRequiredService<VartaDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Seq\" >= {0}", checkpoint));

        var result = await isolated.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.False(result.Valid);
        Assert.Equal(checkpoint, result.FirstInvalidSeq);
        await ((IAsyncLifetime)isolated).DisposeAsync();
    }

    [Fact]
    public async Task Only_administrators_may_verify_or_read_the_audit_log()
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        await Problem.AssertAsync(await officer.GetAsync("/api/v1/audit/verify"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await officer.GetAsync("/api/v1/audit/entries"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await officer.GetAsync("/api/v1/audit/checkpoint"), HttpStatusCode.Forbidden);
    }
}
