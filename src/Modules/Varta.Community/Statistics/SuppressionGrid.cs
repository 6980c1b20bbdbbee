namespace Varta.Community.Statistics;

internal readonly record struct Cell(int Row, int Column);

/// <summary>A row (IsRow) or column of the table with totals; its last cell is its total.</summary>
internal sealed record Line(bool IsRow, int Index, IReadOnlyList<Cell> Cells);

/// <summary>
/// The counts with their totals as an (R+1)×(C+1) grid (row R holds the column totals, column C the row
/// totals, [R, C] the grand total) and the reason each is hidden. Seen as a bipartite graph, node r is
/// row r (0 … R) and node R+1+c is column c (0 … C); a hidden cell is an edge between its row and column.
/// </summary>
internal sealed class SuppressionGrid
{
    public SuppressionGrid(int[,] counts)
    {
        Rows = counts.GetLength(0);
        Columns = counts.GetLength(1);
        if (Rows == 0 || Columns == 0)
        {
            throw new ArgumentException("The table needs at least one row and one column.", nameof(counts));
        }

        Values = new long[Rows + 1, Columns + 1];
        Reasons = new SuppressionReason[Rows + 1, Columns + 1];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                var value = counts[i, j];
                if (value < 0)
                {
                    throw new ArgumentException($"Count at ({i}, {j}) is negative.", nameof(counts));
                }

                Values[i, j] = value;
                Values[i, Columns] += value;
                Values[Rows, j] += value;
                Values[Rows, Columns] += value;
            }
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public long[,] Values { get; }

    public SuppressionReason[,] Reasons { get; }

    public bool IsTotal(int row, int column) => row == Rows || column == Columns;

    public bool IsSuppressed(Cell cell) => Reasons[cell.Row, cell.Column] != SuppressionReason.None;

    public int HiddenIn(Line line) => line.Cells.Count(IsSuppressed);

    public int RowNode(int row) => row;

    public int ColumnNode(int column) => Rows + 1 + column;

    public IEnumerable<Cell> AllCells()
    {
        for (var i = 0; i <= Rows; i++)
        {
            for (var j = 0; j <= Columns; j++)
            {
                yield return new Cell(i, j);
            }
        }
    }

    public IEnumerable<Cell> SuppressedCells() => AllCells().Where(IsSuppressed);

    public IEnumerable<Line> Lines()
    {
        for (var i = 0; i <= Rows; i++)
        {
            yield return RowLine(i);
        }

        for (var j = 0; j <= Columns; j++)
        {
            yield return ColumnLine(j);
        }
    }

    public Line CrossingLine(Line line, Cell cell) => line.IsRow ? ColumnLine(cell.Column) : RowLine(cell.Row);

    /// <summary>Nodes reachable from <paramref name="start"/> over hidden cells other than <paramref name="removed"/>.</summary>
    public HashSet<int> ReachableWithout(Cell removed, int start)
    {
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var neighbours = node <= Rows
                ? RowLine(node).Cells.Where(c => c != removed && IsSuppressed(c)).Select(c => ColumnNode(c.Column))
                : ColumnLine(node - Rows - 1).Cells.Where(c => c != removed && IsSuppressed(c)).Select(c => RowNode(c.Row));
            foreach (var next in neighbours)
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private Line RowLine(int row) => new(true, row, Enumerable.Range(0, Columns + 1).Select(j => new Cell(row, j)).ToList());

    private Line ColumnLine(int column) => new(false, column, Enumerable.Range(0, Rows + 1).Select(i => new Cell(i, column)).ToList());
}
