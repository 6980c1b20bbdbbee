using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Varta.Platform.Audit;

/// <summary>
/// SHA-256 for the audit chain's small inputs (a few hundred bytes each, millions per verification).
/// .NET's SHA256 goes through OpenSSL's EVP layer, which for inputs this small costs more than the hash itself
/// (≈ 0.6–0.9 µs per entry against ≈ 0.3 µs of hashing). On Linux the low-level SHA256_Init/Update/Final of the
/// same libcrypto that .NET already loads are called directly (not the one-shot SHA256(), which OpenSSL 3 routes
/// through an algorithm fetch per call); they are checked against <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// on known inputs before it is trusted, and anything else (another OS, no such export, a mismatch) falls
/// back to <see cref="SHA256"/>. The result is the same SHA-256 either way.
/// </summary>
internal static unsafe class ChainSha256
{
    /// <summary>Above this size the call takes the usual GC transition (a long native call must not hold up a GC).</summary>
    private const int FastCallLimit = 16 * 1024;

    /// <summary>sizeof(SHA256_CTX) is 112 bytes in OpenSSL 1.1 and 3.x; room to spare.</summary>
    private const int ContextSize = 256;

    private static readonly (nint Init, nint Update, nint Final) Native = Load();

    /// <summary>True when the direct libcrypto path is in use (reported by the benchmark).</summary>
    public static bool IsNative => Native.Init != 0;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (!IsNative || destination.Length < 32)
        {
            SHA256.HashData(data, destination);
            return;
        }

        var context = stackalloc byte[ContextSize];
        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            if (data.Length <= FastCallLimit)
            {
                ((delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int>)Native.Init)(context);
                ((delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int>)Native.Update)(context, input, (nuint)data.Length);
                ((delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int>)Native.Final)(output, context);
            }
            else
            {
                Run(Native, context, input, data.Length, output);
            }
        }
    }

    private static void Run((nint Init, nint Update, nint Final) functions, byte* context, byte* input, int length, byte* output)
    {
        ((delegate* unmanaged[Cdecl]<byte*, int>)functions.Init)(context);
        ((delegate* unmanaged[Cdecl]<byte*, byte*, nuint, int>)functions.Update)(context, input, (nuint)length);
        ((delegate* unmanaged[Cdecl]<byte*, byte*, int>)functions.Final)(output, context);
    }

    private static (nint, nint, nint) Load()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("VARTA_AUDIT_MANAGED_SHA256") == "1")
        {
            return default;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final)
                && SelfTest((init, update, final)))
            {
                return (init, update, final);
            }
        }

        return default;
    }

    private static bool SelfTest((nint Init, nint Update, nint Final) functions)
    {
        try
        {
            var expected = new byte[32];
            var actual = new byte[32];
            var context = stackalloc byte[ContextSize];
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
                    Run(functions, context, p, size, o);
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
