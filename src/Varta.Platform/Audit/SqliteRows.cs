using System.Runtime.InteropServices;
using SQLitePCL;

namespace Varta.Platform.Audit;

/// <summary>How the SQLite verifier reads a prepared statement's rows; two implementations, chosen once.</summary>
internal interface ISqliteRows
{
    int Step();

    long Int64(int column);

    /// <summary>The value's bytes as SQLite holds them (UTF-8 for text); valid until the next step.</summary>
    ReadOnlySpan<byte> Bytes(int column);

    bool IsNull(int column);
}

/// <summary>Through SQLitePCLRaw: portable, about a microsecond of call overhead per row.</summary>
internal readonly struct PclRows(sqlite3_stmt statement) : ISqliteRows
{
    public int Step() => raw.sqlite3_step(statement);

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;
}

/// <summary>
/// Straight into the e_sqlite3 library that SQLitePCLRaw has already loaded, through function pointers. The
/// column accessors only read memory SQLite already holds, so they skip the GC transition; sqlite3_step,
/// which may read from disk, keeps it. Used only when every export is found.
/// </summary>
internal readonly unsafe struct NativeRows(nint statement) : ISqliteRows
{
    private static readonly delegate* unmanaged[Cdecl]<nint, int> StepFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long> Int64Fn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*> BlobFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> BytesFn;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> TypeFn;

#pragma warning disable CA1810 // the five exports are looked up together, or none is used
    static NativeRows()
#pragma warning restore CA1810
    {
        if (Environment.GetEnvironmentVariable("VARTA_AUDIT_PORTABLE_SQLITE") == "1"
            || !NativeLibrary.TryLoad("e_sqlite3", typeof(raw).Assembly, null, out var library))
        {
            return;
        }

        if (NativeLibrary.TryGetExport(library, "sqlite3_step", out var step)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_int64", out var int64)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_blob", out var blob)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_bytes", out var bytes)
            && NativeLibrary.TryGetExport(library, "sqlite3_column_type", out var type))
        {
            StepFn = (delegate* unmanaged[Cdecl]<nint, int>)step;
            Int64Fn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long>)int64;
            BlobFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*>)blob;
            BytesFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)bytes;
            TypeFn = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)type;
            Available = true;
        }
    }

    public static bool Available { get; }

    public int Step() => StepFn(statement);

    public long Int64(int column) => Int64Fn(statement, column);

    public ReadOnlySpan<byte> Bytes(int column)
    {
        var pointer = BlobFn(statement, column); // sqlite3_column_blob before sqlite3_column_bytes, as SQLite asks
        var length = BytesFn(statement, column);
        return pointer is null ? default : new ReadOnlySpan<byte>(pointer, length);
    }

    public bool IsNull(int column) => TypeFn(statement, column) == raw.SQLITE_NULL;
}
