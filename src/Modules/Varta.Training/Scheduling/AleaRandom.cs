namespace Varta.Training.Scheduling;

/// <summary>
/// Johannes Baagøe's "Alea" generator with its "Mash" string hash, which the reference scheduler seeds with a
/// string per review to draw the fuzz. Written from the algorithm's description; every step is double
/// arithmetic plus JavaScript's 32-bit integer conversions, so the draws equal the reference's.
/// </summary>
internal sealed class AleaRandom
{
    private const double TwoToMinus32 = 1.0 / 4294967296.0;

    private double _c;
    private double _s0;
    private double _s1;
    private double _s2;

    public AleaRandom(string seed)
    {
        var mash = new Mash();
        _c = 1;
        _s0 = mash.Hash(" ");
        _s1 = mash.Hash(" ");
        _s2 = mash.Hash(" ");
        _s0 -= mash.Hash(seed);
        if (_s0 < 0)
        {
            _s0 += 1;
        }
        _s1 -= mash.Hash(seed);
        if (_s1 < 0)
        {
            _s1 += 1;
        }
        _s2 -= mash.Hash(seed);
        if (_s2 < 0)
        {
            _s2 += 1;
        }
    }

    /// <summary>The next draw in [0, 1).</summary>
    public double Next()
    {
        var t = (2091639 * _s0) + (_c * TwoToMinus32);
        _s0 = _s1;
        _s1 = _s2;
        _c = ToInt32(t);
        _s2 = t - _c;
        return _s2;
    }

    // JavaScript's ToInt32 / ToUint32 for the finite, non-negative values that occur here: truncate, keep 32 bits.
    private static double ToInt32(double value) => unchecked((int)(long)value);

    private static double ToUint32(double value) => unchecked((uint)(ulong)value);

    /// <summary>The hash keeps its state between calls: the generator hashes " " three times, then the seed three times.</summary>
    private sealed class Mash
    {
        private double _n = 4022871197;

        public double Hash(string data)
        {
            foreach (var unit in data)
            {
                _n += unit;
                var h = 0.02519603282416938 * _n;
                _n = ToUint32(h);
                h -= _n;
                h *= _n;
                _n = ToUint32(h);
                h -= _n;
                _n += h * 4294967296;
            }
            return ToUint32(_n) * TwoToMinus32;
        }
    }
}
