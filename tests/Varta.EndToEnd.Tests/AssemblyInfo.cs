// Each test class owns a host and a headless Chromium; two at a time keep a two-core machine responsive.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
