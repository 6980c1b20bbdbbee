using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class SmallCountSuppressionTests
{
    private const SuppressionReason None = SuppressionReason.None;
    private const SuppressionReason Primary = SuppressionReason.Primary;
    private const SuppressionReason Secondary = SuppressionReason.Secondary;

    private static SuppressionReason[,] Reasons(SuppressedTable table)
    {
        var reasons = new SuppressionReason[table.Rows, table.Columns];
        for (var i = 0; i < table.Rows; i++)
        {
            for (var j = 0; j < table.Columns; j++)
            {
                reasons[i, j] = table.CellReason(i, j);
            }
        }

        return reasons;
    }

    private static void AssertNothingRecoverable(SuppressedTable table)
    {
        Assert.Empty(PublishedTableAttack.RecoverableFromOneLine(table));
        Assert.Empty(PublishedTableAttack.RecoverableFromAllLines(table));
    }

    [Fact]
    public void A_small_cell_is_protected_so_that_no_total_gives_it_away()
    {
        //            H1   H2   H3 | total
        //   safe     40   10   30 |  80
        //   unsafe   12    4   18 |  34
        //   unsure   15   11   20 |  46
        //   total    67   25   68 | 160
        // Primary: 4 (below 10); 10 itself is shown.
        // Row "unsafe" then has one hidden cell: 34 − 12 − 18 would give 4. Smallest other inner cell: 12.
        // Column H1 now has one hidden cell (12): its smallest other cell is 15.
        // Column H2 has one hidden cell (4): 10 is smaller, but 11 also fixes row "unsure" (hidden 15
        // alone there), so 11 is taken. Every line now has two hidden cells.
        int[,] counts = { { 40, 10, 30 }, { 12, 4, 18 }, { 15, 11, 20 } };

        var table = SmallCountSuppression.Apply(counts);

        SuppressionReason[,] expected =
        {
            { None, None, None },
            { Secondary, Primary, None },
            { Secondary, Secondary, None },
        };
        Assert.Equal(expected, Reasons(table));
        Assert.Equal(80, table.RowTotal(0));
        Assert.Equal(25, table.ColumnTotal(1));
        Assert.Equal(160, table.GrandTotal);

        // Every equation tried: row "unsafe": 34 − 18 = 16 = x(unsafe,H1) + x(unsafe,H2), two unknowns;
        // row "unsure": 46 − 20 = 26 = x(unsure,H1) + x(unsure,H2); column H1: 67 − 40 = 27 = x(unsafe,H1)
        // + x(unsure,H1); column H2: 25 − 10 = 15 = x(unsafe,H2) + x(unsure,H2); the other lines have no
        // hidden cell. Four equations of rank 3 in four unknowns: no cell is fixed.
        AssertNothingRecoverable(table);

        // Concretely: moving one respondent round the rectangle (4 → 5, 12 → 11, 15 → 16, 11 → 10) gives
        // a table with exactly the same published figures.
        int[,] other = { { 40, 10, 30 }, { 11, 5, 18 }, { 16, 10, 20 } };
        var otherTable = SmallCountSuppression.Apply(other);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(table.RowTotal(i), otherTable.RowTotal(i));
            Assert.Equal(table.ColumnTotal(i), otherTable.ColumnTotal(i));
            for (var j = 0; j < 3; j++)
            {
                if (table.Cell(i, j) is { } shown)
                {
                    Assert.Equal(shown, other[i, j]);
                }
            }
        }
    }

    [Fact]
    public void A_cell_that_rows_and_columns_together_would_give_away_is_put_on_a_cycle()
    {
        //          c0  c1  c2  c3 | total
        //   r0      3   5   2  40 |  50
        //   r1      4   6  30  10 |  50
        //   r2     20  25   7   3 |  55
        //   r3     15  30   8   9 |  62
        //   total  42  66  47  62 | 217
        // The nine primaries leave no line with a single hidden cell, yet r0 + r1 − c0 − c1 isolates
        // r0c2: (50 − 40 + 50 − 30 − 10) − (42 − 20 − 15 + 66 − 25 − 30) = 20 − 18 = 2.
        int[,] counts = { { 3, 5, 2, 40 }, { 4, 6, 30, 10 }, { 20, 25, 7, 3 }, { 15, 30, 8, 9 } };
        var primariesOnly = new SuppressionGrid(counts);
        foreach (var (i, j) in new[] { (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3) })
        {
            primariesOnly.Reasons[i, j] = Primary;
        }

        var naive = new SuppressedTable(primariesOnly, 10);
        Assert.Empty(PublishedTableAttack.RecoverableFromOneLine(naive));
        Assert.Equal([(0, 2)], PublishedTableAttack.RecoverableFromAllLines(naive));

        // Fix: hide a cell joining {r0, r1, c0, c1} to {r2, r3, c2, c3}; of r0c3 40, r1c2 30, r1c3 10,
        // r2c0 20, r2c1 25, r3c0 15, r3c1 30 the smallest is r1c3 = 10.
        var table = SmallCountSuppression.Apply(counts);

        SuppressionReason[,] expected =
        {
            { Primary, Primary, Primary, None },
            { Primary, Primary, None, Secondary },
            { None, None, Primary, Primary },
            { None, None, Primary, Primary },
        };
        Assert.Equal(expected, Reasons(table));
        AssertNothingRecoverable(table);
    }

    [Fact]
    public void A_territory_with_fewer_than_k_respondents_has_its_total_hidden()
    {
        //            H1   H2   H3 | total
        //   safe     40    3   30 |  73
        //   unsafe   20    4   18 |  42
        //   unsure   15    0   20 |  35
        //   total    75    7   68 | 150
        // H2 has 7 respondents: its total is hidden, and so are 3 and 4; 0 is shown.
        // Row "safe": 3 alone → 30 (smallest). Row "unsafe": 4 alone → 18 (also fixes column H3).
        // Totals row: 7 alone (150 − 75 − 68 would give it) → smallest other total, 68.
        int[,] counts = { { 40, 3, 30 }, { 20, 4, 18 }, { 15, 0, 20 } };

        var table = SmallCountSuppression.Apply(counts);

        const SuppressionReason Total = SuppressionReason.TotalBelowThreshold;
        SuppressionReason[,] expected =
        {
            { None, Primary, Secondary, None },
            { None, Primary, Secondary, None },
            { None, None, None, None },
            { None, Total, Secondary, None },
        };
        Assert.Equal(expected, table.ToMask());
        Assert.Null(table.ColumnTotal(1));
        Assert.Null(table.ColumnTotal(2));
        Assert.Equal(75, table.ColumnTotal(0));
        Assert.Equal(150, table.GrandTotal);
        Assert.Equal(0, table.Cell(2, 1));
        AssertNothingRecoverable(table);

        // Shares resting on a hidden figure are hidden too.
        Assert.Null(table.ShareOfColumn(2, 1));
        Assert.Null(table.ShareOfColumn(0, 2));
        Assert.Null(table.ShareOfColumn(2, 2));
        Assert.Equal(15.0 / 75, table.ShareOfColumn(2, 0));
        Assert.Equal(20.0 / 35, table.ShareOfRow(2, 2));
    }

    [Fact]
    public void Zeros_are_shown_and_not_used_as_complements_when_a_non_zero_cell_can_serve()
    {
        //          c0  c1  c2 | total
        //   r0      5   0  50 |  55
        //   r1     20  30  40 |  90
        // r0: 5 alone → 50 rather than the 0 (a hidden zero beside a small cell protects little).
        int[,] counts = { { 5, 0, 50 }, { 20, 30, 40 } };

        var table = SmallCountSuppression.Apply(counts);

        SuppressionReason[,] expected =
        {
            { Primary, None, Secondary },
            { Secondary, None, Secondary },
        };
        Assert.Equal(expected, Reasons(table));
        Assert.Equal(0, table.Cell(0, 1));
        AssertNothingRecoverable(table);
    }

    [Fact]
    public void Zeros_can_be_treated_as_sensitive()
    {
        int[,] counts = { { 5, 0, 50 }, { 20, 30, 40 } };

        var table = SmallCountSuppression.Apply(counts, new SuppressionOptions { ZerosAreSensitive = true });

        SuppressionReason[,] expected =
        {
            { Primary, Primary, None },
            { Secondary, Secondary, None },
        };
        Assert.Equal(expected, Reasons(table));
        AssertNothingRecoverable(table);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void On_tables_full_of_small_counts_every_hidden_figure_stays_unrecoverable(int seed)
    {
        // 5 answers × 12 hromadas, counts 0 … 29 (about a third under 10, some zeros); every fourth
        // column is thin, and hromada 0 has 1 … 9 respondents, so at least one total is under k.
        var random = new Random(seed);
        var counts = new int[5, 12];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 12; j++)
            {
                counts[i, j] = random.Next(0, 30) / (j % 4 == 0 ? 6 : 1);
            }

            counts[i, 0] = i == 0 ? 1 : random.Next(0, 3);
        }

        var table = SmallCountSuppression.Apply(counts);

        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 12; j++)
            {
                Assert.Equal(counts[i, j] is > 0 and < 10, table.CellReason(i, j) == Primary);
            }
        }

        Assert.Contains(SuppressionReason.TotalBelowThreshold, table.ToMask().Cast<SuppressionReason>());
        AssertNothingRecoverable(table);
    }

    [Fact]
    public void A_table_without_small_counts_is_published_whole()
    {
        int[,] counts = { { 10, 25 }, { 12, 0 } };

        var table = SmallCountSuppression.Apply(counts);

        Assert.Equal(0, table.SuppressedCount);
        Assert.Equal(10.0 / 22, table.ShareOfColumn(0, 0));
    }
}
