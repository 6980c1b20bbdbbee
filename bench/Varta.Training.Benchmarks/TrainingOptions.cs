using System.Globalization;

namespace Varta.Training.Benchmarks;

/// <summary>Command-line settings. Defaults are the scale of issue 15; --quick is a small smoke run.</summary>
internal sealed class TrainingBenchOptions
{
    public List<string> Databases { get; } = [];

    public int Learners { get; set; } = 10_000;

    /// <summary>Cards each learner has studied (one card-memory row each).</summary>
    public int CardsPerLearner { get; set; } = 1_000;

    /// <summary>Review-log rows per learner over the year (the history is sampled down to about this many).</summary>
    public int ReviewsPerLearner { get; set; } = 1_000;

    public int Courses { get; set; } = 8;

    public int LessonsPerCourse { get; set; } = 10;

    public int CardsPerLesson { get; set; } = 20;

    public int Samples { get; set; } = 2000;

    public int Warmup { get; set; } = 500;

    public int ProfileSamples { get; set; } = 50;

    public int Seed { get; set; } = 20261205;

    public string? WorkDir { get; set; }

    public bool Keep { get; set; }

    public string? Report { get; set; }

    public List<string> Ops { get; } = [];

    public static readonly string[] OpNames = ["pk", "queue", "review"];

    public string CommandLine { get; set; } = "";

    /// <summary>Instead of measuring: every learner's queue at the dataset's instant, to compare two builds of the service.</summary>
    public string? DumpQueues { get; set; }

    public static TrainingBenchOptions Parse(string[] args)
    {
        var o = new TrainingBenchOptions { CommandLine = string.Join(' ', args) };
        if (args.Contains("--quick"))
        {
            o.Learners = 100;
            o.Samples = 300;
            o.Warmup = 100;
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
                case "--learners":
                    o.Learners = Int();
                    break;
                case "--cards-per-learner":
                    o.CardsPerLearner = Int();
                    break;
                case "--reviews-per-learner":
                    o.ReviewsPerLearner = Int();
                    break;
                case "--courses":
                    o.Courses = Int();
                    break;
                case "--lessons-per-course":
                    o.LessonsPerCourse = Int();
                    break;
                case "--cards-per-lesson":
                    o.CardsPerLesson = Int();
                    break;
                case "--samples":
                    o.Samples = Int();
                    break;
                case "--warmup":
                    o.Warmup = Int();
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
                case "--dump-queues":
                    o.DumpQueues = Next();
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

        if (o.Learners < 10 || o.CardsPerLearner < 50 || o.ReviewsPerLearner < 10 || o.Courses < 1 || o.LessonsPerCourse < 1 || o.CardsPerLesson < 1)
        {
            throw new ArgumentException("--learners at least 10, --cards-per-learner at least 50, --reviews-per-learner at least 10, course sizes at least 1");
        }

        if (o.Courses * o.LessonsPerCourse * o.CardsPerLesson < o.CardsPerLearner + 3 * o.CardsPerLesson)
        {
            throw new ArgumentException("the catalogue (--courses × --lessons-per-course × --cards-per-lesson) must hold --cards-per-learner and three lessons more");
        }

        if (o.Courses * o.LessonsPerCourse > 1000 || o.CardsPerLesson > 500 || o.Samples < 10 || o.Warmup < 0)
        {
            throw new ArgumentException("at most 1000 lessons and 500 cards a lesson; --samples at least 10");
        }

        return o;
    }

    /// <summary>The part of the options that decides the dataset: a kept dataset is reused only when this matches.</summary>
    public string Scale => string.Create(CultureInfo.InvariantCulture,
        $"learners={Learners} cards={CardsPerLearner} reviews={ReviewsPerLearner} courses={Courses}x{LessonsPerCourse}x{CardsPerLesson} seed={Seed}");

    public const string Usage = """
        Varta training benchmark (issue 15): generates learners' flashcard decks (the lessons they have read in
        published courses, their mistake cards, one card-memory row per studied card, a year of review log, some
        learners' settings) straight into the database, starts the real host in process and measures
        StudyService.QueueAsync (take 20) and StudyService.ReviewAsync for random learners, with a primary-key lookup
        through the same service as the reference, on SQLite and on PostgreSQL. Target: p99 <= 10 ms.

          --db sqlite|postgres|both      databases to run (default both)
          --learners N                   learners (default 10000)
          --cards-per-learner N          studied cards per learner, one card-memory row each (default 1000)
          --reviews-per-learner N        review-log rows per learner over the year (default 1000)
          --courses N                    generated published courses (default 8)
          --lessons-per-course N         lessons in each (default 10)
          --cards-per-lesson N           shared flashcards in each lesson (default 20)
          --samples N                    measured calls per operation (default 2000)
          --warmup N                     unmeasured calls per operation first (default 500)
          --profile-samples N            calls per operation in the SQL-counting pass (default 50)
          --seed N                       random seed of the generator (default 20261205)
          --work-dir DIR                 where the SQLite file and the PostgreSQL cluster live (default: new /tmp folder)
          --keep                         keep the work folder; a later run with the same --work-dir reuses the data
          --ops LIST                     only these: pk,queue,review (default all)
          --report FILE                  Markdown report (default bench/Varta.Training.Benchmarks/results/training-<utc>.md)
          --quick                        100 learners, 300 samples (a smoke run)
          --dump-queues FILE             measure nothing: with the host's clock stopped at the dataset's instant, write every
                                         learner's queue (take 20) and the result of grading its first card to FILE.<db>,
                                         to compare two builds of the service (it changes the data: use a copy)

        PostgreSQL: with VARTA_BENCH_POSTGRES set (a connection string to a server where the user may create
        databases) a database is created there; otherwise a throwaway cluster is started from
        /usr/lib/postgresql/*/bin (as the postgres user when run as root) and stopped afterwards.
        """;
}
