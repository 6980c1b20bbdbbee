using System.Globalization;

namespace Varta.Community.Benchmarks;

/// <summary>Command-line settings. Defaults are the scale of issue 16; --quick is a small validation run.</summary>
internal sealed class CommunityBenchOptions
{
    public const string Usage = """
        Varta.Community.Benchmarks: weighted survey results (one question over an oblast, and over the whole country).

          --db sqlite|postgres     a database to run on (repeat for both; default both)
          --quick                  50 hromadas, 20,000 responses, 100 samples
          --hromadas N             hromadas (default 1,500, spread over 24 oblasts)
          --responses N            responses (default 500,000)
          --samples N              measured calls per operation (default 200)
          --warmup N               unmeasured calls per operation first (default 10)
          --seed N                 random seed of the dataset
          --work-dir DIR           where the databases live (reused when the dataset there is complete)
          --keep                   keep the work folder (generate once, measure again later)
          --report FILE            the Markdown report (default results/community-<time>.md)
        """;

    public List<string> Databases { get; } = [];

    public int Oblasts { get; set; } = 24;

    public int Hromadas { get; set; } = 1_500;

    public int Responses { get; set; } = 500_000;

    public int Samples { get; set; } = 200;

    public int Warmup { get; set; } = 10;

    public int Seed { get; set; } = 20261216;

    public string? WorkDir { get; set; }

    public bool Keep { get; set; }

    public string? Report { get; set; }

    public string CommandLine { get; set; } = "";

    public static CommunityBenchOptions Parse(string[] args)
    {
        var o = new CommunityBenchOptions { CommandLine = string.Join(' ', args) };
        if (args.Contains("--quick"))
        {
            o.Hromadas = 50;
            o.Responses = 20_000;
            o.Samples = 100;
            o.Warmup = 5;
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next().Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--db":
                    var db = Next();
                    if (db is not ("sqlite" or "postgres"))
                    {
                        throw new ArgumentException($"--db {db}: sqlite or postgres");
                    }

                    o.Databases.Add(db);
                    break;
                case "--hromadas":
                    o.Hromadas = Int();
                    break;
                case "--responses":
                    o.Responses = Int();
                    break;
                case "--samples":
                    o.Samples = Int();
                    break;
                case "--warmup":
                    o.Warmup = Int();
                    break;
                case "--seed":
                    o.Seed = Int();
                    break;
                case "--work-dir":
                    o.WorkDir = Next();
                    break;
                case "--keep":
                    o.Keep = true;
                    break;
                case "--report":
                    o.Report = Next();
                    break;
                case "--help" or "-h":
                    throw new ArgumentException("help");
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (o.Hromadas < o.Oblasts)
        {
            throw new ArgumentException($"--hromadas must be at least {o.Oblasts} (one per oblast)");
        }

        if (o.Databases.Count == 0)
        {
            o.Databases.AddRange(["sqlite", "postgres"]);
        }

        return o;
    }

    /// <summary>The dataset's identity: a work folder generated with other settings is not reused.</summary>
    public string DatasetKey => string.Create(CultureInfo.InvariantCulture, $"o{Oblasts}-h{Hromadas}-r{Responses}-s{Seed}");
}
