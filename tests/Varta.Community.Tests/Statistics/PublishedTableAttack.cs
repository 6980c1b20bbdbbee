using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

/// <summary>
/// What an intruder can do with a published table: subtract within a row or column, and, more strongly,
/// combine every published equation (Gaussian elimination). Written independently of the suppression
/// code: the table with totals as an (R+1)×(C+1) grid, one equation per row and per column.
/// </summary>
internal static class PublishedTableAttack
{
    /// <summary>Grid cells (row, column) whose value follows from one line: all other cells in the line published.</summary>
    public static List<(int Row, int Column)> RecoverableFromOneLine(SuppressedTable table)
    {
        var hidden = HiddenGrid(table);
        var found = new List<(int, int)>();
        for (var i = 0; i <= table.Rows; i++)
        {
            var inRow = Enumerable.Range(0, table.Columns + 1).Where(j => hidden[i, j]).ToList();
            if (inRow.Count == 1)
            {
                found.Add((i, inRow[0]));
            }
        }

        for (var j = 0; j <= table.Columns; j++)
        {
            var inColumn = Enumerable.Range(0, table.Rows + 1).Where(i => hidden[i, j]).ToList();
            if (inColumn.Count == 1)
            {
                found.Add((inColumn[0], j));
            }
        }

        return found;
    }

    /// <summary>
    /// Grid cells whose value is fixed by the whole system of row and column equations: the unit vector
    /// of the cell lies in the row space of the equations restricted to hidden cells.
    /// </summary>
    public static List<(int Row, int Column)> RecoverableFromAllLines(SuppressedTable table)
    {
        var hidden = HiddenGrid(table);
        var unknowns = new List<(int Row, int Column)>();
        for (var i = 0; i <= table.Rows; i++)
        {
            for (var j = 0; j <= table.Columns; j++)
            {
                if (hidden[i, j])
                {
                    unknowns.Add((i, j));
                }
            }
        }

        var equations = new List<double[]>();
        for (var i = 0; i <= table.Rows; i++)
        {
            equations.Add(unknowns.Select(u => u.Row != i ? 0.0 : u.Column == table.Columns ? -1 : 1).ToArray());
        }

        for (var j = 0; j <= table.Columns; j++)
        {
            equations.Add(unknowns.Select(u => u.Column != j ? 0.0 : u.Row == table.Rows ? -1 : 1).ToArray());
        }

        var rank = Rank(equations);
        return unknowns
            .Where((_, k) => Rank([.. equations, unknowns.Select((_, m) => m == k ? 1.0 : 0).ToArray()]) == rank)
            .ToList();
    }

    private static bool[,] HiddenGrid(SuppressedTable table)
    {
        var hidden = new bool[table.Rows + 1, table.Columns + 1];
        for (var i = 0; i < table.Rows; i++)
        {
            for (var j = 0; j < table.Columns; j++)
            {
                hidden[i, j] = table.Cell(i, j) is null;
            }

            hidden[i, table.Columns] = table.RowTotal(i) is null;
        }

        for (var j = 0; j < table.Columns; j++)
        {
            hidden[table.Rows, j] = table.ColumnTotal(j) is null;
        }

        hidden[table.Rows, table.Columns] = table.GrandTotal is null;
        return hidden;
    }

    private static int Rank(List<double[]> rows)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var columns = m.Count == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Count; c++)
        {
            var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(r => Math.Abs(m[r][c]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Count; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-9)
                {
                    var factor = m[r][c] / m[rank][c];
                    for (var k = c; k < columns; k++)
                    {
                        m[r][k] -= factor * m[rank][k];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
