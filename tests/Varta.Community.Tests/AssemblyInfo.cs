// Test classes run in parallel, each with its own host and database; two cores are plenty for that.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
