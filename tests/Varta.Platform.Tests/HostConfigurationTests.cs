using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>
/// Configuration files are read at start-up and not watched: watching them watches the content root, where the SQLite
/// database and its write-ahead log live by default, and every commit woke the watcher.
/// </summary>
public sealed class HostConfigurationTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public void No_configuration_file_is_watched_for_changes()
    {
        var root = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
