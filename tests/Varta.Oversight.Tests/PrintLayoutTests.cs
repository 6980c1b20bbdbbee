using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Varta.Custody.Contracts;
using Varta.Oversight.Printing;
using Varta.Platform.Audit;
using Varta.Platform.Localization;
using Varta.Testing;
using Xunit.Abstractions;

namespace Varta.Oversight.Tests;

/// <summary>A long record on paper: it runs over pages, every page numbered, no entry lost, corrections still under their original.</summary>
public sealed class PrintLayoutTests(VartaFactory factory, ITestOutputHelper output) : IClassFixture<VartaFactory>
{
    [Fact]
    public void A_record_of_300_entries_prints_every_entry_in_order_on_numbered_pages()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("uk");
        try
        {
            var loc = factory.Services.GetRequiredService<Loc>();
            var record = Record(300);
            var anchor = new PrintAnchor(new AuditAnchor(4242, new string('a', 64), "oversight.record.printed", VartaFactory.Start), null);
            var pdf = RecordPdf.Render(record, anchor, "Інспектор Вигаданий", VartaFactory.Start, loc);

            // Rough figure for the benchmark to come (not asserted: this machine is shared): warm, then 20 renders.
            var times = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                RecordPdf.Render(record, anchor, "Інспектор Вигаданий", VartaFactory.Start, loc);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var cpuEach = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
            times.Sort();
            output.WriteLine($"300 entries: {pdf.Length} bytes; render median {times[10]:F1} ms, max {times[^1]:F1} ms, process CPU per render {cpuEach:F1} ms");

            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
            Assert.True(pages.Count > 5, $"{pages.Count} pages");
            for (var i = 0; i < pages.Count; i++)
            {
                Assert.Contains($"стор. {i + 1} / {pages.Count}", pages[i], StringComparison.Ordinal);
                Assert.Contains(record.Number, pages[i], StringComparison.Ordinal);
            }

            var text = string.Join("\n", pages);
            var at = -1;
            foreach (var entry in record.Entries.Where(e => e.CorrectsEntryId is null))
            {
                var next = text.IndexOf($"Запис номер {entry.Seq} ", StringComparison.Ordinal);
                Assert.True(next > at, $"entry {entry.Seq} at {next}, after {at}");
                at = next;
                if (entry.CorrectedBy.Count > 0)
                {
                    var reason = text.IndexOf($"Причина виправлення {entry.Seq} ", StringComparison.Ordinal);
                    Assert.True(reason > at, $"the correction of {entry.Seq} at {reason}, its entry at {at}");
                    at = reason;
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A record of <paramref name="count"/> notes, one a minute; every tenth is corrected (the corrections come last by sequence).</summary>
    private static CustodyRecordDocument Record(int count)
    {
        var start = VartaFactory.Start.AddDays(-2);
        var notes = Enumerable.Range(1, count).Select(i => new CustodyEntryDocument(Guid.NewGuid(), i, "note", start.AddMinutes(i), start.AddMinutes(i),
            "черговий Вигаданий", $$"""{"text":"Запис номер {{i}} : особа спокійна, скарг немає, харчування отримано вчасно"}""", null, null, null, null, null, [], false)).ToList();
        var corrections = notes.Where(n => n.Seq % 10 == 0).Select((n, k) => new CustodyEntryDocument(Guid.NewGuid(), count + k + 1, "correction",
            n.OccurredAt, start.AddMinutes(count + k), "черговий Вигаданий", """{"text":"Виправлений текст"}""", n.Id, $"Причина виправлення {n.Seq} : описка",
            null, null, null, [], false)).ToList();
        var entries = notes.Select(n => corrections.FirstOrDefault(c => c.CorrectsEntryId == n.Id) is { } c ? n with { CorrectedBy = [c.Id] } : n)
            .Concat(corrections).ToList();
        return new CustodyRecordDocument(Guid.NewGuid(), "ITT-TEST/2026/00300", Guid.NewGuid(), "ІТТ №1", "in-custody",
            new CustodyPersonDocument(Guid.NewGuid(), "Довгий", "Запис", "Тестович", new DateOnly(1985, 3, 4), "male", "Україна", null, null, false),
            "cpc-208", null, "ordinary", start, "м. Київ", start.AddMinutes(10), "сержант Вигаданий", null, false, "К-1", 1, "low", [], start.AddHours(60),
            start.AddHours(72), start.AddMinutes(20), null, null, null, entries, []);
    }
}
