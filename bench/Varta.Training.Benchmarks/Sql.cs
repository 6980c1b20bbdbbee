using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace Varta.Training.Benchmarks;

internal static partial class Sql
{
    /// <summary>A statement on one line, the column list elided: enough to tell which query it is.</summary>
    public static string Shorten(string sql)
    {
        var one = Spaces().Replace(sql, " ").Trim();
        var from = one.IndexOf(" FROM ", StringComparison.Ordinal);
        if (one.StartsWith("SELECT ", StringComparison.Ordinal) && from > 60)
        {
            one = "SELECT … " + one[(from + 1)..];
        }

        return one.Length > 300 ? one[..300] + " …" : one;
    }

    /// <summary>Runs an EXPLAIN command: SQLite's rows (id, parent, detail) as an indented tree, PostgreSQL's lines as they come.</summary>
    public static async Task<string> PlanAsync(DbCommand command, string provider)
    {
        var plan = new StringBuilder();
        var depth = new Dictionary<long, int> { [0] = -1 };
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (provider == "Sqlite")
                {
                    var d = depth.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
                    depth[reader.GetInt64(0)] = d;
                    plan.Append(' ', d * 2).AppendLine(reader.GetString(3));
                }
                else
                {
                    plan.AppendLine(reader.GetString(0));
                }
            }
        }
        catch (DbException e)
        {
            plan.AppendLine("(could not explain: " + e.Message + ")");
        }

        return plan.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
