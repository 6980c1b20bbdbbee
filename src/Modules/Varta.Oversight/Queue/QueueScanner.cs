using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Oversight.Data;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Queue;

/// <summary>Reads custody's new facts from where it left off and puts each one a switched-on rule covers in the queue, once.</summary>
internal sealed class QueueScanner(VartaDbContext db, ICustodyReviewFacts facts, IOptions<OversightOptions> options, TimeProvider clock, IAuditLog audit)
{
    private const int Batch = 500;

    /// <summary>One scan at a time in this process (the background service and a scan asked for by hand would race).</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Scans until custody has nothing newer; returns how many items were queued. A scan of another host that queued the
    /// same fact first (the unique index on rule and source) ends this one quietly: the next scan reads on from the cursor.
    /// </summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            return await ScanOnceAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<int> ScanOnceAsync(CancellationToken ct)
    {
        var cursor = await db.Set<ReviewCursor>().FirstOrDefaultAsync(c => c.Id == 1, ct);
        if (cursor is null)
        {
            cursor = new ReviewCursor { Id = 1 };
            db.Add(cursor);
        }

        // Each scan reads again a little before where the last one stopped: a fact stamped just before that moment whose
        // transaction committed just after it would otherwise be missed. What is read twice is queued once (rule, source).
        var queued = 0;
        var from = cursor.From is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) - options.Value.Overlap : (DateTimeOffset?)null;
        while (true)
        {
            var batch = await facts.FactsFromAsync(from, Batch, ct);
            var candidates = batch.Select(fact => (Fact: fact, Rule: ReviewRules.RuleFor(fact)))
                .Where(c => c.Rule is not null && IsOn(c.Rule)).ToList();
            var sources = candidates.Select(c => c.Fact.SourceId).Distinct().ToList();
            var known = (await db.Set<ReviewItem>().AsNoTracking().Where(i => sources.Contains(i.SourceId))
                .Select(i => new { i.Rule, i.SourceId }).ToListAsync(ct)).Select(i => (i.Rule, i.SourceId)).ToHashSet();
            var now = clock.GetUtcNow();
            foreach (var (fact, rule) in candidates)
            {
                if (known.Add((rule!, fact.SourceId)))
                {
                    db.Add(new ReviewItem
                    {
                        Id = Guid.CreateVersion7(now),
                        FacilityId = fact.FacilityId,
                        RecordId = fact.RecordId,
                        RecordNumber = fact.RecordNumber,
                        Rule = rule!,
                        SourceId = fact.SourceId,
                        SourceKind = fact.Kind,
                        Detail = fact.Detail,
                        OccurredAt = fact.OccurredAt.UtcDateTime,
                        RaisedAt = fact.RecordedAt.UtcDateTime,
                        QueuedAt = now.UtcDateTime,
                    });
                    queued++;
                }
            }

            // The cursor only moves forward (the overlap above may have read facts from before it).
            var last = batch.Count == 0 ? (DateTimeOffset?)null : batch.Max(x => x.RecordedAt);
            if (last is { } l && (cursor.From is null || l.UtcDateTime > cursor.From))
            {
                cursor.From = l.UtcDateTime;
            }

            await db.SaveChangesAsync(ct);

            // Custody has told everything it has, or only the same instant again (all of which it returns at once).
            if (batch.Count < Batch || last is not { } next || next <= from)
            {
                break;
            }

            from = next;
        }

        if (queued > 0)
        {
            await audit.AppendAsync(new AuditRecord
            {
                Action = "oversight.queue.raised",
                Category = AuditCategory.Write,
                ResourceType = "review-item",
                Details = JsonSerializer.Serialize(new { queued }),
            }, ct);
        }

        return queued;
    }

    private bool IsOn(string rule) => options.Value.Rules.TryGetValue(rule, out var on) ? on : ReviewRules.OnByDefault(rule);
}
