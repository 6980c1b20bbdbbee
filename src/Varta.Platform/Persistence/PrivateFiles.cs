namespace Varta.Platform.Persistence;

/// <summary>
/// Files at rest that only the service's own account may read: the SQLite database and its WAL (0600), the key
/// folders (0700) and the key files in them (0600). On Windows the folder's ACLs apply instead.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) readable by the owner only, and narrows it if it already existed.</summary>
    public static void EnsureFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, Folder);
        System.IO.File.SetUnixFileMode(path, Folder);
    }

    /// <summary>Writes a new file created readable by the owner only (never world-readable, not even for a moment).</summary>
    public static void WriteText(string path, string text)
    {
        EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(text);
    }

    /// <summary>Narrows existing files (a database made by an earlier version, its WAL and shared memory) to the owner.</summary>
    public static void Restrict(params string[] paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths.Where(System.IO.File.Exists))
        {
            System.IO.File.SetUnixFileMode(path, File);
        }
    }
}
