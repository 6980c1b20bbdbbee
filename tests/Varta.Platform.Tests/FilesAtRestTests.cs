using Microsoft.Data.Sqlite;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>The database, its WAL and the key folders are created readable by the service account alone.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FilesAtRestTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task The_database_its_wal_and_the_keys_are_the_owners_alone()
    {
        using (var admin = await factory.ClientAsAsync("admin"))
        {
            Assert.True((await admin.GetAsync("/api/v1/audit/verify")).IsSuccessStatusCode); // the token key is written by now
        }

        var keys = Path.Combine(factory.Database.Folder, "keys");
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(keys, "data-protection")));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(keys));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(keys, "token.key")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(keys, "checkpoint.pem")));
        if (factory.Database.IsPostgres)
        {
            return; // the database's files are the PostgreSQL server's
        }

        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(factory.Database.ConnectionString).DataSource);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
        Assert.True(File.Exists(file + "-wal"), "the database runs in WAL mode");
        Assert.Equal(OwnerFile, File.GetUnixFileMode(file + "-wal"));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
    }
}
