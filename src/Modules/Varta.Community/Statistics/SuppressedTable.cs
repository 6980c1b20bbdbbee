namespace Varta.Community.Statistics;

/// <summary>
/// A count table ready for publication: each figure is either shown or null, with the reason it was
/// hidden. Weighted estimates for a cell (a weighted share, its interval) must be withheld wherever
/// <see cref="IsSuppressed"/> is true, since they are derived from the same respondents.
/// </summary>
internal sealed class SuppressedTable
{
    private readonly SuppressionGrid _grid;

    internal SuppressedTable(SuppressionGrid grid, int threshold)
    {
        _grid = grid;
        Threshold = threshold;
    }

    public int Rows => _grid.Rows;

    public int Columns => _grid.Columns;

    public int Threshold { get; }

    public SuppressionReason GrandTotalReason => _grid.Reasons[Rows, Columns];

    public long? GrandTotal => Published(Rows, Columns);

    /// <summary>Hidden figures, totals included.</summary>
    public int SuppressedCount => _grid.SuppressedCells().Count();

    /// <summary>The reasons as an (R+1)×(C+1) copy: row R holds the column totals, column C the row totals, [R, C] the grand total.</summary>
    public SuppressionReason[,] ToMask() => (SuppressionReason[,])_grid.Reasons.Clone();

    public SuppressionReason CellReason(int row, int column) => _grid.Reasons[CheckRow(row), CheckColumn(column)];

    public SuppressionReason RowTotalReason(int row) => _grid.Reasons[CheckRow(row), Columns];

    public SuppressionReason ColumnTotalReason(int column) => _grid.Reasons[Rows, CheckColumn(column)];

    public bool IsSuppressed(int row, int column) => CellReason(row, column) != SuppressionReason.None;

    public long? Cell(int row, int column) => Published(CheckRow(row), CheckColumn(column));

    public long? RowTotal(int row) => Published(CheckRow(row), Columns);

    public long? ColumnTotal(int column) => Published(Rows, CheckColumn(column));

    /// <summary>Cell / column total (e.g. share of a territory's respondents giving this answer); null when either is hidden or the total is 0.</summary>
    public double? ShareOfColumn(int row, int column) => Share(Cell(row, column), ColumnTotal(column));

    /// <summary>Cell / row total (e.g. share of an answer's respondents living in this territory); null when either is hidden or the total is 0.</summary>
    public double? ShareOfRow(int row, int column) => Share(Cell(row, column), RowTotal(row));

    private static double? Share(long? part, long? whole) =>
        part is { } p && whole is { } w && w > 0 ? (double)p / w : null;

    private long? Published(int row, int column) =>
        _grid.Reasons[row, column] == SuppressionReason.None ? _grid.Values[row, column] : null;

    private int CheckRow(int row) => row >= 0 && row < Rows ? row : throw new ArgumentOutOfRangeException(nameof(row));

    private int CheckColumn(int column) => column >= 0 && column < Columns ? column : throw new ArgumentOutOfRangeException(nameof(column));
}
