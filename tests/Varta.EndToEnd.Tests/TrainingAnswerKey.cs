using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;

namespace Varta.EndToEnd.Tests;

/// <summary>The right answer to one question of an attempt, in the terms the attempt page's inputs use.</summary>
/// <param name="Selected">Choices by their original index (true/false: 0 is true, 1 is false).</param>
/// <param name="Text">A short answer, a number, or an essay.</param>
/// <param name="Matches">Matching: the right-hand text for each left-hand original index.</param>
internal sealed record RightAnswer(int Slot, string Kind, IReadOnlyList<int> Selected, string? Text, IReadOnlyDictionary<int, string> Matches);

/// <summary>
/// Reads the right answers of the questions an attempt drew, from the lesson's bank in the database. The bank keeps each
/// question as the GIFT text Varta's writer produced, one answer per line, so a small reader of that form is enough here;
/// it is deliberately separate from the module's own reader (the test does not grade with the code it tests).
/// </summary>
internal static class TrainingAnswerKey
{
    public static async Task<IReadOnlyList<RightAnswer>> ForAttemptAsync(KestrelVartaFactory factory, Guid attemptId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var rows = await db.Database.SqlQuery<DrawnQuestion>(
            $"""
            SELECT i."Slot" AS "Slot", q."Kind" AS "Kind", q."Gift" AS "Gift"
            FROM training_attempt_items i JOIN training_questions q ON q."Id" = i."QuestionId"
            WHERE i."AttemptId" = {attemptId}
            """).ToListAsync();
        Assert.NotEmpty(rows);
        return [.. rows.OrderBy(r => r.Slot).Select(r => Read(r.Slot, r.Kind, r.Gift))];
    }

    public static RightAnswer Read(int slot, string kind, string gift)
    {
        var block = AnswerBlock(gift);
        var lines = block.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("####", StringComparison.Ordinal) && l != "#").ToList();
        switch (kind)
        {
            case "truefalse":
                return new(slot, kind, [block.TrimStart().StartsWith('T') ? 0 : 1], null, new Dictionary<int, string>());
            case "essay":
                return new(slot, kind, [], "Повідомляти треба завжди: погроза може повторитися, охорона бачить закономірність, а запис допомагає захистити.", new Dictionary<int, string>());
            case "single":
            case "multiple":
                var choices = lines.Select(Entry).ToList();
                var right = choices.Select((c, i) => (c, i)).Where(x => kind == "single" ? x.c.Weight >= 100 : x.c.Weight > 0).Select(x => x.i).ToList();
                Assert.True(kind == "multiple" || right.Count == 1, $"Slot {slot}: no single right answer in {gift}");
                return new(slot, kind, kind == "single" ? [right[0]] : right, null, new Dictionary<int, string>());
            case "short":
                return new(slot, kind, [], lines.Select(Entry).First(c => c.Weight >= 100).Text, new Dictionary<int, string>());
            case "numerical":
                return new(slot, kind, [], Number(lines.Select(Entry).First(c => c.Weight >= 100).Text), new Dictionary<int, string>());
            case "matching":
                var pairs = lines.Select(Entry).Select(e => e.Text.Split(" -> ", 2)).ToList();
                return new(slot, kind, [], null, pairs.Select((p, i) => (p, i)).ToDictionary(x => x.i, x => x.p[1].Trim()));
            default:
                throw new InvalidOperationException($"Slot {slot}: the test cannot answer a {kind} question.");
        }
    }

    /// <summary>What lies between the first unescaped { and the next unescaped }.</summary>
    private static string AnswerBlock(string gift)
    {
        int open = -1;
        for (var i = 0; i < gift.Length; i++)
        {
            if (gift[i] == '\\')
            {
                i++;
            }
            else if (gift[i] == '{' && open < 0)
            {
                open = i;
            }
            else if (gift[i] == '}' && open >= 0)
            {
                return gift[(open + 1)..i];
            }
        }

        throw new InvalidOperationException("No answer block in: " + gift);
    }

    /// <summary>One answer line: =/~, an optional %weight%, the text up to an unescaped #. A leading # (numerical block) is skipped.</summary>
    private static (double Weight, string Text) Entry(string line)
    {
        var marker = line[0];
        Assert.True(marker is '=' or '~', $"Not an answer line: {line}");
        var rest = line[1..];
        double weight = marker == '=' ? 100 : 0;
        if (rest.StartsWith('%'))
        {
            var end = rest.IndexOf('%', 1);
            weight = double.Parse(rest[1..end], CultureInfo.InvariantCulture);
            rest = rest[(end + 1)..];
        }

        var cut = rest.Length;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '\\')
            {
                i++;
            }
            else if (rest[i] == '#')
            {
                cut = i;
                break;
            }
        }

        return (weight, Unescape(rest[..cut]).Trim());
    }

    /// <summary>A number inside the accepted range: the value of value:margin, the middle of min..max.</summary>
    private static string Number(string answer)
    {
        double value;
        if (answer.Contains("..", StringComparison.Ordinal))
        {
            var parts = answer.Split("..");
            value = (double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture)) / 2;
        }
        else
        {
            value = double.Parse(answer.Split(':')[0], CultureInfo.InvariantCulture);
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && "~=#{}:\\n".Contains(text[i + 1], StringComparison.Ordinal))
            {
                sb.Append(text[i + 1] == 'n' ? '\n' : text[i + 1]);
                i++;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private sealed class DrawnQuestion
    {
        public int Slot { get; set; }

        public string Kind { get; set; } = "";

        public string Gift { get; set; } = "";
    }
}
