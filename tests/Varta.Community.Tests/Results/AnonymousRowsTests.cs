using Varta.Community.Surveys;

namespace Varta.Community.Tests.Results;

public sealed class AnonymousRowsTests
{
    private static AnonymousRow Row(string hromada, string sex, string age) => new("UA01000000000011111", hromada, sex, age, new Dictionary<string, string>());

    [Fact]
    public void A_combination_under_the_threshold_loses_its_hromada_then_its_sex_and_age()
    {
        // H1 women 18-29: 3 (< 3 threshold? no: threshold 3 keeps them); H1 men 18-29: 2 → hromada dropped;
        // H2 men 18-29: 2 → hromada dropped; at oblast level men 18-29 are then 4 ≥ 3: sex and age stay.
        // H2 women 65+: 1 → hromada dropped, and alone at oblast level too → sex and age dropped as well.
        var rows = new[]
        {
            Row("H1", "f", "18-29"), Row("H1", "f", "18-29"), Row("H1", "f", "18-29"),
            Row("H1", "m", "18-29"), Row("H1", "m", "18-29"),
            Row("H2", "m", "18-29"), Row("H2", "m", "18-29"),
            Row("H2", "f", "65+"),
        };

        var coarse = AnonymousRows.Coarsen(rows, threshold: 3);

        Assert.Equal(["H1", "H1", "H1", "", "", "", "", ""], coarse.Select(r => r.Hromada));
        Assert.Equal(["m", "m", "m", "m"], coarse.Skip(3).Take(4).Select(r => r.Sex));
        Assert.Equal(("", ""), (coarse[7].Sex, coarse[7].AgeGroup));
        // Every published combination now rests on at least 3 rows, or says nothing of sex, age and hromada.
        Assert.All(coarse.GroupBy(r => (r.Hromada, r.Sex, r.AgeGroup)).Where(g => g.Key != ("", "", "")), g => Assert.True(g.Count() >= 3));
    }
}
