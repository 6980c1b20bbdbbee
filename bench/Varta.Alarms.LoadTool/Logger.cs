namespace Varta.Alarms.LoadTool;

internal static class Logger
{
    /// <summary>Progress goes to stderr, so that stdout holds only the result table.</summary>
    public static void Log(string message) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");
}
