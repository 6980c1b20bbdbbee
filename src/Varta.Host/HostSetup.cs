using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;
using Varta.Alarms;
using Varta.Community;
using Varta.Custody;
using Varta.Host.Components;
using Varta.Oversight;
using Varta.Platform;
using Varta.Platform.Persistence;
using Varta.Threats;
using Varta.Training;

namespace Varta.Host;

internal static class HostSetup
{
    /// <summary>Assemblies that hold pages: the platform's and each module's.</summary>
    public static readonly System.Reflection.Assembly[] PageAssemblies = [typeof(PlatformModule).Assembly, typeof(CustodyModule).Assembly, typeof(AlarmsModule).Assembly, typeof(OversightModule).Assembly, typeof(ThreatsModule).Assembly, typeof(TrainingModule).Assembly, typeof(CommunityModule).Assembly];

    public static void AddVartaHost(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        // One key ring for every host, kept across restarts: DC-09 panel keys are stored protected with it.
        var keyRing = Path.GetFullPath(builder.Configuration["DataProtection:KeysPath"] ?? "data/keys/data-protection");
        PrivateFiles.EnsureFolder(keyRing); // 0700: the ring's files are readable by the service account alone
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Varta")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing));

        // On Linux the key ring's files hold their keys in the clear unless a certificate encrypts them at rest; every
        // host then needs the same certificate (PKCS#12, with its private key) as well as the folder.
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath), builder.Configuration["DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet));
        }
        builder.Services.AddVartaPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddCustody(builder.Configuration);
        builder.Services.AddAlarms(builder.Configuration);
        builder.Services.AddOversight(builder.Configuration);
        builder.Services.AddThreats(builder.Configuration);
        builder.Services.AddTraining(builder.Configuration);
        builder.Services.AddCommunity(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    }

    public static void UseVartaHost(this WebApplication app)
    {
        app.UseVartaPlatform();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapVartaPlatform();
        app.MapCustody();
        app.MapAlarms();
        app.MapOversight();
        app.MapThreats();
        app.MapTraining();
        app.MapCommunity();
        // The API reference is public, like the OpenAPI document it renders. Reviewed opt-out.
        app.MapScalarApiReference("/api/reference", o => o
            .WithTitle("Varta API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(PageAssemblies);
    }
}
