using System.Globalization;

namespace Varta.Threats.Benchmarks;

/// <summary>Command-line settings. Defaults are the scale of issue 14; --quick is a small smoke run.</summary>
internal sealed class ThreatsBenchOptions
{
    public List<string> Databases { get; } = [];

    /// <summary>Court-security units, one per generated region.</summary>
    public int Units { get; set; } = 24;

    public int CourtsPerUnit { get; set; } = 8;

    public int Cases { get; set; } = 100_000;

    /// <summary>Average timeline lines per case (each case gets between 60 % and 140 % of it).</summary>
    public int EventsPerCase { get; set; } = 10;

    public int Samples { get; set; } = 1000;

    public int Warmup { get; set; } = 100;

    public int Concurrency { get; set; } = 1;

    public int ProfileSamples { get; set; } = 50;

    public int Seed { get; set; } = 20261205;

    public string? WorkDir { get; set; }

    public bool Keep { get; set; }

    public string? Report { get; set; }

    public List<string> Ops { get; } = [];

    public static readonly string[] OpNames = ["open", "overdue", "priority-risk", "search", "mine", "dashboard"];

    public string CommandLine { get; set; } = "";

    public static ThreatsBenchOptions Parse(string[] args)
    {
        var o = new ThreatsBenchOptions { CommandLine = string.Join(' ', args) };
        if (args.Contains("--quick"))
        {
            o.Units = 4;
            o.Cases = 10_000;
            o.Samples = 200;
            o.Warmup = 30;
            o.ProfileSamples = 20;
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
                    foreach (var db in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        o.Databases.AddRange(db switch
                        {
                            "sqlite" => ["sqlite"],
                            "postgres" or "pg" => ["postgres"],
                            "both" or "all" => ["sqlite", "postgres"],
                            _ => throw new ArgumentException($"--db: sqlite, postgres or both, not {db}"),
                        });
                    }

                    break;
                case "--units":
                    o.Units = Int();
                    break;
                case "--courts-per-unit":
                    o.CourtsPerUnit = Int();
                    break;
                case "--cases":
                    o.Cases = Int();
                    break;
                case "--events-per-case":
                    o.EventsPerCase = Int();
                    break;
                case "--samples":
                    o.Samples = Int();
                    break;
                case "--warmup":
                    o.Warmup = Int();
                    break;
                case "--concurrency":
                    o.Concurrency = Int();
                    break;
                case "--profile-samples":
                    o.ProfileSamples = Int();
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
                case "--ops":
                    foreach (var op in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        o.Ops.Add(OpNames.Contains(op) ? op : throw new ArgumentException($"--ops: {string.Join(", ", OpNames)}, not {op}"));
                    }

                    break;
                case "--report":
                    o.Report = Next();
                    break;
                case "-h" or "--help":
                    throw new ArgumentException("help");
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (o.Databases.Count == 0)
        {
            o.Databases.AddRange(["sqlite", "postgres"]);
        }

        if (o.Units < 1 || o.CourtsPerUnit < 1 || o.Cases < 100 || o.EventsPerCase < 5)
        {
            throw new ArgumentException("--units and --courts-per-unit at least 1, --cases at least 100, --events-per-case at least 5");
        }

        return o;
    }

    public const string Usage = """
        Varta threats benchmark (issue 14): generates court-security units, court buildings, threat cases with their
        timelines, reports, protected persons, assessments and measures straight into the database, starts the real
        host in process and measures the analyst's filtered case list and the dashboard over HTTP (TestServer), on
        SQLite and on PostgreSQL. Target: p99 <= 50 ms.

          --db sqlite|postgres|both      databases to run (default both)
          --units N                      court-security units, one per region (default 24)
          --courts-per-unit N            court buildings under each unit (default 8)
          --cases N                      threat cases over three years (default 100000)
          --events-per-case N            average timeline lines per case (default 10)
          --samples N                    measured requests per operation (default 1000)
          --warmup N                     unmeasured requests per operation first (default 100)
          --concurrency N                requests in flight per operation (default 1)
          --profile-samples N            requests per operation in the SQL-counting pass (default 50)
          --seed N                       random seed of the generator (default 20261205)
          --work-dir DIR                 where the SQLite file and the PostgreSQL cluster live (default: new /tmp folder)
          --keep                         keep the work folder; a later run with the same --work-dir reuses the data
          --ops LIST                     only these: open,overdue,priority-risk,search,mine,dashboard (default all)
          --report FILE                  Markdown report (default bench/Varta.Threats.Benchmarks/results/threats-<utc>.md)
          --quick                        4 units, 10000 cases, 200 samples (a smoke run)

        PostgreSQL: with VARTA_BENCH_POSTGRES set (a connection string to a server where the user may create
        databases) a fresh database is created there; otherwise a throwaway cluster is started from
        /usr/lib/postgresql/*/bin (as the postgres user when run as root) and removed afterwards.
        """;
}
