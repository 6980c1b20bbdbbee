namespace Varta.Community.Statistics;

/// <summary>
/// Small-count suppression of a table of counts (rows = answer categories, columns = territories or
/// groups; each respondent in exactly one cell), published with its row, column and grand totals.
/// The table is handled as (R+1)×(C+1): the totals are a last row and a last column, and every line (a row
/// or a column, its total included) is an equation "inner cells = total".
/// <list type="number">
/// <item>Primary: inner cells of 1 … k−1; totals of 1 … k−1 (reason TotalBelowThreshold).</item>
/// <item>Line rule: a line with exactly one hidden cell gives it away by subtraction, so a second cell in
/// that line is hidden; preferred in order: an inner cell over a total, a non-zero cell over a zero, a
/// cell whose crossing line also has exactly one hidden cell, the smallest count, the first position.
/// Repeated until no line has exactly one hidden cell.</item>
/// <item>Cycle rule: a line rule is not enough, because equations can be combined (rows 1+2 minus
/// columns 1+2 can isolate a cell). Taking rows and columns as nodes and hidden cells as edges, a
/// hidden cell is determined by the published figures exactly when its edge is a bridge (on no cycle). For
/// each bridge a cell joining its two sides is hidden (same preferences), then the line rule runs again.</item>
/// </list>
/// Interval reasoning is not covered: an intruder who knows the rule (primaries are 1 … k−1, other cells
/// 0 or ≥ k) can sometimes narrow a hidden cell further, which is why reasons should not be published.
/// </summary>
internal static class SmallCountSuppression
{
    public static SuppressedTable Apply(int[,] counts, SuppressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= new SuppressionOptions();
        if (options.Threshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "The threshold must be at least 1.");
        }

        var grid = new SuppressionGrid(counts);
        MarkPrimary(grid, options);
        do
        {
            ApplyLineRule(grid);
        }
        while (ApplyCycleRule(grid));

        return new SuppressedTable(grid, options.Threshold);
    }

    private static void MarkPrimary(SuppressionGrid grid, SuppressionOptions options)
    {
        for (var i = 0; i <= grid.Rows; i++)
        {
            for (var j = 0; j <= grid.Columns; j++)
            {
                var value = grid.Values[i, j];
                var sensitive = value > 0 ? value < options.Threshold : options.ZerosAreSensitive;
                if (sensitive)
                {
                    grid.Reasons[i, j] = grid.IsTotal(i, j) ? SuppressionReason.TotalBelowThreshold : SuppressionReason.Primary;
                }
            }
        }
    }

    /// <summary>Hides a second cell in every line with exactly one hidden cell, until there is none.</summary>
    private static void ApplyLineRule(SuppressionGrid grid)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var line in grid.Lines())
            {
                if (grid.HiddenIn(line) != 1)
                {
                    continue;
                }

                var choice = line.Cells
                    .Where(cell => !grid.IsSuppressed(cell))
                    .OrderBy(cell => Preference(grid, cell, grid.HiddenIn(grid.CrossingLine(line, cell)) == 1))
                    .First();
                grid.Reasons[choice.Row, choice.Column] = SuppressionReason.Secondary;
                changed = true;
            }
        }
        while (changed);
    }

    /// <summary>Puts the first bridge (a hidden cell on no cycle) on a cycle; true when it found one.</summary>
    private static bool ApplyCycleRule(SuppressionGrid grid)
    {
        foreach (var bridge in grid.SuppressedCells())
        {
            var rowSide = grid.ReachableWithout(bridge, grid.RowNode(bridge.Row));
            if (rowSide.Contains(grid.ColumnNode(bridge.Column)))
            {
                continue;
            }

            // A cell with one end on each side of the bridge closes a cycle through it. After the line rule
            // every node touched by a hidden cell touches two, so each side holds a row and a column and
            // such a cell exists (it is not hidden, or the bridge would already be on a cycle).
            var columnSide = grid.ReachableWithout(bridge, grid.ColumnNode(bridge.Column));
            var choice = grid.AllCells()
                .Where(cell => !grid.IsSuppressed(cell) && (
                    (rowSide.Contains(grid.RowNode(cell.Row)) && columnSide.Contains(grid.ColumnNode(cell.Column)))
                    || (columnSide.Contains(grid.RowNode(cell.Row)) && rowSide.Contains(grid.ColumnNode(cell.Column)))))
                .OrderBy(cell => Preference(grid, cell, fixesAnotherLine: false))
                .First();
            grid.Reasons[choice.Row, choice.Column] = SuppressionReason.Secondary;
            return true;
        }

        return false;
    }

    private static (int, int, int, long, int, int) Preference(SuppressionGrid grid, Cell cell, bool fixesAnotherLine)
    {
        var value = grid.Values[cell.Row, cell.Column];
        return (grid.IsTotal(cell.Row, cell.Column) ? 1 : 0, value == 0 ? 1 : 0, fixesAnotherLine ? 0 : 1, value, cell.Row, cell.Column);
    }
}
