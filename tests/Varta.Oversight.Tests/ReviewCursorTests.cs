using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Oversight.Data;
using Varta.Oversight.Queue;
using Varta.Platform.Audit;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Where the rules resume reading custody's facts. A host of its own: these tests move the queue's one cursor far ahead
/// of what other tests store.
/// </summary>
public sealed class ReviewCursorTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Queue = "/api/v1/oversight/queue";

    [Fact]
    public async Task A_fact_committed_late_with_an_earlier_stamp_is_still_queued_within_the_overlap_and_once()
    {
        var facility = DemoData.DetentionFacility1;
        var t = factory.Clock.GetUtcNow().AddDays(30); // after anything the other tests of this host stored
        var first = new CustodyReviewFact(Guid.NewGuid(), Guid.NewGuid(), "ITT-LATE/2026/1", facility, CustodyReviewKinds.Complaint, t, t, null);
        var late = first with { SourceId = Guid.NewGuid(), RecordedAt = t.AddMinutes(-2), OccurredAt = t.AddMinutes(-2) };
        var tooLate = first with { SourceId = Guid.NewGuid(), RecordedAt = t.AddMinutes(-30), OccurredAt = t.AddMinutes(-30) };
        var custody = new ScriptedFacts([first]);
        Task<int> Scan() => factory.WithScopeAsync(sp => new QueueScanner(sp.GetRequiredService<VartaDbContext>(), custody,
            sp.GetRequiredService<IOptions<OversightOptions>>(), factory.Clock, sp.GetRequiredService<IAuditLog>()).ScanAsync(CancellationToken.None));

        Assert.Equal(1, await Scan());

        // Two more facts appear, stamped before the one already read (their transactions committed after the scan):
        // the one within the overlap (5 min) is queued; the one 30 min earlier is not (beyond what the overlap covers).
        custody.Facts.AddRange([late, tooLate]);
        Assert.Equal(1, await Scan());
        Assert.Equal(0, await Scan());
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var queued = (await OkAsync(await inspector.GetAsync($"{Queue}?rule=complaint"))).EnumerateArray().Select(i => i.GetProperty("sourceId").GetGuid()).ToHashSet();
        Assert.Contains(first.SourceId, queued);
        Assert.Contains(late.SourceId, queued);
        Assert.DoesNotContain(tooLate.SourceId, queued);
    }

    /// <summary>Custody's facts as a test script sets them, answered as the contract says (from an instant, in storage order).</summary>
    private sealed class ScriptedFacts(List<CustodyReviewFact> facts) : ICustodyReviewFacts
    {
        public List<CustodyReviewFact> Facts { get; } = facts;

        public Task<IReadOnlyList<CustodyReviewFact>> FactsFromAsync(DateTimeOffset? from, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CustodyReviewFact>>(Facts.Where(f => from is null || f.RecordedAt >= from).OrderBy(f => f.RecordedAt).ToList());
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
