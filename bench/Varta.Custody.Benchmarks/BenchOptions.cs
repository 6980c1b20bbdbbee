using System.Globalization;

namespace Varta.Custody.Benchmarks;

/// <summary>Command-line settings. Defaults are the issue's national scale; --quick is a small smoke run.</summary>
internal sealed class BenchOptions
{
    public List<string> Databases { get; } = [];

    public int Facilities { get; set; } = 200;

    public int Records { get; set; } = 200_000;

    public int EntriesPerRecord { get; set; } = 25;

    public int OpenPerFacility { get; set; } = 20;

    public int CellsPerFacility { get; set; } = 16;

    /// <summary>Persons per record: below 1, so that some people come back and "earlier records" has work.</summary>
    public double PersonsPerRecord { get; set; } = 0.75;

    public int Samples { get; set; } = 2000;

    public int Warmup { get; set; } = 200;

    /// <summary>Requests in flight at once for each operation (1 = a single client, latency as one officer sees it).</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Requests per operation in the profiling pass that counts SQL commands and captures them for EXPLAIN.</summary>
    public int ProfileSamples { get; set; } = 100;

    public int Seed { get; set; } = 20261126;

    /// <summary>Folder for the SQLite file, the keys and the PostgreSQL cluster. Default: a new folder under /tmp.</summary>
    public string? WorkDir { get; set; }

    /// <summary>Keep the work folder (and its databases) afterwards; a later run with the same --work-dir reuses them.</summary>
    public bool Keep { get; set; }

    /// <summary>Markdown report destination (default: results/custody-&lt;utc&gt;.md beside the project).</summary>
    public string? Report { get; set; }

    public bool Quick { get; set; }

    /// <summary>Operations to measure (short names); empty = all.</summary>
    public List<string> Ops { get; } = [];

    public static readonly string[] OpNames = ["board", "view-open", "view-any", "overdue", "append", "book-in", "oversight-queue", "oversight-report", "oversight-pdf"];

    public string CommandLine { get; set; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { CommandLine = string.Join(' ', args) };
        if (args.Contains("--quick"))
        {
            o.Quick = true;
            o.Facilities = 20;
            o.Records = 10_000;
            o.EntriesPerRecord = 10;
            o.Samples = 300;
            o.Warmup = 50;
            o.ProfileSamples = 30;
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
                case "--facilities":
                    o.Facilities = Int();
                    break;
                case "--records":
                    o.Records = Int();
                    break;
                case "--entries-per-record":
                    o.EntriesPerRecord = Int();
                    break;
                case "--open-per-facility":
                    o.OpenPerFacility = Int();
                    break;
                case "--cells-per-facility":
                    o.CellsPerFacility = Int();
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

        if (o.EntriesPerRecord < 10)
        {
            throw new ArgumentException("--entries-per-record must be at least 10 (the booking-in sequence alone is 8 entries)");
        }

        if (o.OpenPerFacility * o.Facilities > o.Records)
        {
            throw new ArgumentException("--records must be at least --facilities × --open-per-facility");
        }

        return o;
    }

    public const string Usage = """
        Varta custody benchmark: generates a national-scale custody dataset straight into the database, starts the
        real host in process and measures booking-in, entry append, record view, facility board and the national
        "overdue now" query over HTTP (TestServer), on SQLite and on PostgreSQL.

          --db sqlite|postgres|both      databases to run (default both)
          --facilities N                 detention facilities (default 200)
          --records N                    custody records (default 200000)
          --entries-per-record N         entries per record (default 25; total entries = records × this)
          --open-per-facility N          records still open (in custody) per facility (default 20)
          --cells-per-facility N         cells per facility (default 16)
          --samples N                    measured requests per operation (default 2000)
          --warmup N                     unmeasured requests per operation first (default 200)
          --concurrency N                requests in flight per operation (default 1)
          --profile-samples N            requests per operation in the SQL-counting pass (default 100)
          --seed N                       random seed of the generator (default 20261126)
          --work-dir DIR                 where the SQLite file and the PostgreSQL cluster live (default: new /tmp folder)
          --keep                         keep the work folder; a later run with the same --work-dir reuses the data
          --ops LIST                     only these: board,view-open,view-any,overdue,append,book-in,
                                         oversight-queue,oversight-report,oversight-pdf (default all)
          --report FILE                  Markdown report (default bench/Varta.Custody.Benchmarks/results/custody-<utc>.md)
          --quick                        20 facilities, 10000 records × 10 entries, 300 samples (a smoke run)

        PostgreSQL: with VARTA_BENCH_POSTGRES set (a connection string to a server where the user may create
        databases) a fresh database is created there and dropped afterwards; otherwise a throwaway cluster is
        started from /usr/lib/postgresql/*/bin (as the postgres user when run as root) and removed afterwards.
        """;
}
