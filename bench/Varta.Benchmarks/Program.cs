using Varta.Benchmarks;

if (args is not ["audit", .. var rest])
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(rest);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

return await AuditBenchmark.RunAsync(options);
