using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Varta.Platform.Audit;

/// <summary>
/// SHA-256 for the audit chain's small inputs (a few hundred bytes each, millions per verification).
/// .NET's SHA256 goes through OpenSSL's EVP layer, which for inputs this small costs more than the hash itself
/// (≈ 0.9 µs per entry against ≈ 0.35 µs of hashing). On Linux the one-shot SHA256() of the same libcrypto
/// that .NET already loads is called directly; it is checked against <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// on known inputs before it is trusted, and anything else (another OS, no such export, a mismatch) falls
/// back to <see cref="SHA256"/>. The result is the same SHA-256 either way.
/// </summary>
internal static unsafe class ChainSha256
{
    /// <summary>Above this size the call takes the usual GC transition (a long native call must not hold up a GC).</summary>
    private const int FastCallLimit = 16 * 1024;

    private static readonly nint Native = Load();

    /// <summary>True when the direct libcrypto path is in use (reported by the benchmark).</summary>
    public static bool IsNative => Native != 0;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (Native == 0 || destination.Length < 32)
        {
            SHA256.HashData(data, destination);
            return;
        }

        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            if (data.Length <= FastCallLimit)
            {
                ((delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, nuint, byte*, byte*>)Native)(input, (nuint)data.Length, output);
            }
            else
            {
                ((delegate* unmanaged[Cdecl]<byte*, nuint, byte*, byte*>)Native)(input, (nuint)data.Length, output);
            }
        }
    }

    private static nint Load()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("VARTA_AUDIT_MANAGED_SHA256") == "1")
        {
            return 0;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "SHA256", out var export)
                && SelfTest(export))
            {
                return export;
            }
        }

        return 0;
    }

    private static bool SelfTest(nint function)
    {
        try
        {
            var expected = new byte[32];
            var actual = new byte[32];
            foreach (var size in new[] { 0, 3, 55, 56, 64, 354, 1000, FastCallLimit + 1 })
            {
                var input = new byte[size];
                for (var i = 0; i < size; i++)
                {
                    input[i] = (byte)((i * 31) + size);
                }

                SHA256.HashData(input, expected);
                fixed (byte* p = input)
                fixed (byte* o = actual)
                {
                    ((delegate* unmanaged[Cdecl]<byte*, nuint, byte*, byte*>)function)(p, (nuint)size, o);
                }

                if (!expected.AsSpan().SequenceEqual(actual))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }
}
