namespace Varta.Training.Questions;

/// <summary>
/// SplitMix64: a small generator of our own, so that a seed gives the same draw on every machine and every .NET
/// version (an attempt stores its seed, not its questions' order).
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private ulong _state = 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound), without modulo bias.</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var n = (ulong)bound;
        var threshold = (0UL - n) % n;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % n);
            }
        }
    }

    /// <summary>Fisher–Yates over the first <paramref name="count"/> places: a uniform draw of count items, in random order.</summary>
    public int[] Permutation(int length, int count)
    {
        var items = Enumerable.Range(0, length).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + Next(length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items[..count];
    }
}
