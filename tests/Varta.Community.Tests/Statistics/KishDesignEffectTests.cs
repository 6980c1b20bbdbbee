using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class KishDesignEffectTests
{
    [Fact]
    public void Design_effect_of_weights_1_1_2_4()
    {
        // n = 4, Σw = 8, Σw² = 1 + 1 + 4 + 16 = 22.
        // deff = n Σw² / (Σw)² = 4 · 22 / 64 = 1.375; n_eff = 4 / 1.375 = 64 / 22 = 2.90909…
        var result = KishDesignEffect.FromWeights([1, 1, 2, 4]);

        Assert.Equal(1.375, result.DesignEffect, 12);
        Assert.Equal(64.0 / 22, result.EffectiveSampleSize, 12);
        Assert.Equal(4, result.Respondents);
    }

    [Fact]
    public void Zero_weights_do_not_count_as_respondents()
    {
        var result = KishDesignEffect.FromWeights([1, 0, 1, 2, 4, 0]);

        Assert.Equal(4, result.Respondents);
        Assert.Equal(1.375, result.DesignEffect, 12);
    }

    [Fact]
    public void Equal_weights_have_no_design_effect()
    {
        var result = KishDesignEffect.FromWeights([2.5, 2.5, 2.5]);

        Assert.Equal(1, result.DesignEffect, 12);
        Assert.Equal(3, result.EffectiveSampleSize, 12);
    }

    [Fact]
    public void No_weights_give_no_effective_sample()
    {
        var result = KishDesignEffect.FromWeights([]);

        Assert.Equal(1, result.DesignEffect);
        Assert.Equal(0, result.EffectiveSampleSize);
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => KishDesignEffect.FromWeights([1, -1]));
    }
}
