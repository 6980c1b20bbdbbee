using System.Globalization;

namespace Varta.Benchmarks;

/// <summary>Sizes of one run, from the command line. Defaults keep the whole run under about ten minutes on 2 cores.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Varta.Benchmarks -- audit [options]

          --trials N          trials of each append benchmark (default 7)
          --appends N         durable single appends per trial, per variant (default 300)
          --warmup N          untimed appends of each kind before the trials (default 1000; tiered JIT must settle)
          --batch-size N      records per SaveChanges in the batched benchmark (default 1000)
          --batches N         batches per trial in the batched benchmark (default 5)
          --chain N           size of the chain that is verified (default 1000000)
          --fill-batch N      records per SaveChanges while the chain is built (default 10000)
          --verify-trials N   timed full-chain verifications (default 5)
          --partitions N      partitions for VerifyAsync (default: processor count)
          --profile-rows N    rows read by the single-thread verification profile (default 300000)
          --no-profile        skip both profiles (append stages; verification read vs hash)
          --appends-only      skip the chain build and everything about verification
          --dir PATH          parent folder of the temporary database (default: system temp)
          --keep              keep the temporary folder
          --out FILE          also write the markdown report to FILE
          --quick             small sizes for a smoke run (about 30 s)
        """;

    public int Trials { get; set; } = 7;

    public int Appends { get; set; } = 300;

    public int Warmup { get; set; } = 1000;

    public int BatchSize { get; set; } = 1000;

    public int Batches { get; set; } = 5;

    public long Chain { get; set; } = 1_000_000;

    public int FillBatch { get; set; } = 10_000;

    public int VerifyTrials { get; set; } = 5;

    public int? Partitions { get; set; }

    public long? ProfileRows { get; set; }

    public bool Profile { get; set; } = true;

    public bool AppendsOnly { get; set; }

    public string Dir { get; set; } = Path.GetTempPath();

    public bool Keep { get; set; }

    public string? Out { get; set; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            long Long() => long.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--trials": o.Trials = Int(); break;
                case "--appends": o.Appends = Int(); break;
                case "--warmup": o.Warmup = Int(); break;
                case "--batch-size": o.BatchSize = Int(); break;
                case "--batches": o.Batches = Int(); break;
                case "--chain": o.Chain = Long(); break;
                case "--fill-batch": o.FillBatch = Int(); break;
                case "--verify-trials": o.VerifyTrials = Int(); break;
                case "--partitions": o.Partitions = Int(); break;
                case "--profile-rows": o.ProfileRows = Long(); break;
                case "--no-profile": o.Profile = false; break;
                case "--appends-only": o.AppendsOnly = true; break;
                case "--dir": o.Dir = Next(); break;
                case "--keep": o.Keep = true; break;
                case "--out": o.Out = Next(); break;
                case "--quick":
                    o.Trials = 3;
                    o.Appends = 50;
                    o.Warmup = 300;
                    o.Batches = 2;
                    o.Chain = 100_000;
                    o.VerifyTrials = 2;
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (o.Trials < 1 || o.Appends < 1 || o.BatchSize < 1 || o.Batches < 1 || o.FillBatch < 1 || o.VerifyTrials < 1)
        {
            throw new ArgumentException("counts must be at least 1");
        }

        return o;
    }
}
