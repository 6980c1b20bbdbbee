using System.Text.Json;
using Varta.Alarms;
using Varta.Custody;
using Varta.Platform;
using Varta.Platform.Audit;

namespace Varta.Host;

/// <summary>
/// dotnet run --project src/Varta.Host -- audit verify | audit checkpoint | audit verify-checkpoint FILE [--offline].
/// Exit code 0 when valid, 1 when not, 2 on wrong usage.
/// </summary>
internal static class AuditCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["audit", "verify", .. var rest]:
            {
                await using var app = Build(rest);
                var result = await app.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
                return result.Valid ? 0 : 1;
            }

            case ["audit", "checkpoint", .. var rest]:
            {
                await using var app = Build(rest);
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Varta.Platform.Persistence.VartaDbContext>();
                var checkpoint = await app.Services.GetRequiredService<CheckpointSigner>().CheckpointAsync(db, CancellationToken.None);
                Console.WriteLine(JsonSerializer.Serialize(checkpoint, Json));
                return 0;
            }

            case ["audit", "verify-checkpoint", var file, "--offline", ..]:
            {
                // Offline: needs only the file, not the database nor the private key.
                var checkpoint = JsonSerializer.Deserialize<AuditCheckpointDto>(await File.ReadAllTextAsync(file), Json);
                var valid = checkpoint?.SignatureIsValid() == true;
                Console.WriteLine(valid
                    ? $"valid signature: tree size {checkpoint!.TreeSize}, root hash {checkpoint.RootHash}"
                    : "INVALID: the signature does not match the tree head and public key");
                return valid ? 0 : 1;
            }

            case ["audit", "verify-checkpoint", var file, .. var rest]:
            {
                // The database against a checkpoint kept outside it: same size → same root; larger → the chain extends it.
                var checkpoint = JsonSerializer.Deserialize<AuditCheckpointDto>(await File.ReadAllTextAsync(file), Json)
                    ?? throw new InvalidDataException($"{file} holds no checkpoint");
                await using var app = Build(rest);
                var verdict = await app.Services.GetRequiredService<AuditVerifier>().VerifyAgainstAsync(checkpoint);
                Console.WriteLine(JsonSerializer.Serialize(verdict, Json));
                return verdict.Valid ? 0 : 1;
            }

            default:
                await Console.Error.WriteLineAsync("usage: audit verify | audit checkpoint | audit verify-checkpoint FILE [--offline]");
                return 2;
        }
    }

    private static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddVartaPlatform(builder.Configuration, builder.Environment);
        builder.Services.AddCustody(builder.Configuration);
        builder.Services.AddAlarms(builder.Configuration);
        return builder.Build();
    }
}
