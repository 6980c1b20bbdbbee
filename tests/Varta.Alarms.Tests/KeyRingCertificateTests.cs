using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Alarms.ReceiveDc09;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>A host whose Data Protection key ring is encrypted at rest with a certificate (DataProtection:CertificatePath).</summary>
public sealed class KeyRingCertificateFactory : VartaFactory
{
    private const string Password = "test-only-password";

    public string KeyRingFolder => Path.Combine(Database.Folder, "keys", "data-protection");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var path = Path.Combine(Database.Folder, "keys", "key-ring.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Varta test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(Clock.GetUtcNow().AddDays(-1), Clock.GetUtcNow().AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        builder.UseSetting("DataProtection:CertificatePath", path);
        builder.UseSetting("DataProtection:CertificatePassword", Password);
    }
}

public sealed class KeyRingCertificateTests(KeyRingCertificateFactory factory) : Dc09HostTestBase(factory), IClassFixture<KeyRingCertificateFactory>
{
    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_on_disk_holds_no_key_in_the_clear_and_panel_keys_still_open()
    {
        var created = await CreatePanelAsync("4201", "aes-128");
        var key = Convert.FromHexString(created.GetProperty("dc09Key").GetString()!);
        var id = created.GetProperty("device").GetProperty("id").GetGuid();

        var files = Directory.GetFiles(factory.KeyRingFolder, "key-*.xml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }

        // The panel's key, stored protected, opens again with the (certificate-encrypted) key ring.
        var opened = await Factory.WithScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<VartaDbContext>().Set<Dc09Key>().SingleAsync(k => k.DeviceId == id);
            return sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(Dc09Keys.Purpose).Unprotect(Convert.FromBase64String(stored.Protected));
        });
        Assert.Equal(key, opened);
    }
}
