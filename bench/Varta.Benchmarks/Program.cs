using System.Globalization;
using Varta.Benchmarks;

if (args is not ["audit", .. var rest])
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Numbers print the same wherever the run happens (the host may default to uk-UA).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

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
