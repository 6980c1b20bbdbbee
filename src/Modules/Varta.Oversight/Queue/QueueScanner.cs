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

    /// <summary>Scans until custody has nothing newer; returns how many items were queued.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var cursor = await db.Set<ReviewCursor>().FirstOrDefaultAsync(c => c.Id == 1, ct);
        if (cursor is null)
        {
            cursor = new ReviewCursor { Id = 1 };
            db.Add(cursor);
        }

        var queued = 0;
        while (true)
        {
            var from = cursor.From is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : (DateTimeOffset?)null;
            var batch = await facts.FactsFromAsync(from, Batch, ct);
            var candidates = batch.Select(fact => (Fact: fact, Rule: ReviewRules.RuleFor(fact)))
                .Where(c => c.Rule is not null && IsOn(c.Rule)).ToList();
            var sources = candidates.Select(c => c.Fact.SourceId).Distinct().ToList();
            var known = (await db.Set<ReviewItem>().AsNoTracking().Where(i => sources.Contains(i.SourceId))
                .Select(i => new { i.Rule, i.SourceId }).ToListAsync(ct)).Select(i => (i.Rule, i.SourceId)).ToHashSet();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (fact, rule) in candidates)
            {
                if (known.Add((rule!, fact.SourceId)))
                {
                    db.Add(new ReviewItem
                    {
                        Id = Guid.CreateVersion7(clock.GetUtcNow()),
                        FacilityId = fact.FacilityId,
                        RecordId = fact.RecordId,
                        RecordNumber = fact.RecordNumber,
                        Rule = rule!,
                        SourceId = fact.SourceId,
                        SourceKind = fact.Kind,
                        Detail = fact.Detail,
                        OccurredAt = fact.OccurredAt.UtcDateTime,
                        RaisedAt = fact.RecordedAt.UtcDateTime,
                        QueuedAt = now,
                    });
                    queued++;
                }
            }

            var last = batch.Count == 0 ? (DateTime?)null : batch.Max(x => x.RecordedAt).UtcDateTime;
            var advanced = last is { } l && l != cursor.From;
            if (advanced)
            {
                cursor.From = last;
            }

            await db.SaveChangesAsync(ct);

            // Nothing newer than the instant it resumes from: custody has told everything it has.
            if (!advanced || batch.Count < Batch)
            {
                break;
            }
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
