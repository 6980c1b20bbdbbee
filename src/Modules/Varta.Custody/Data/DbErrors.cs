using Microsoft.Data.Sqlite;
using Npgsql;

namespace Varta.Custody.Data;

/// <summary>
/// The few database errors that mean "someone else got there first" or "the database is busy, try again", told apart
/// precisely on each provider so that anything else (a bug) still surfaces as one.
/// </summary>
internal static class DbErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// A unique index or key refused the row. PostgreSQL names the constraint; SQLite names only the columns
    /// ("table.Column, table.Column"), so both are given.
    /// </summary>
    public static bool IsUniqueViolation(Exception e, string constraint, string sqliteColumns) => Provider(e) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == constraint,
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            && s.Message.Contains($"constraint failed: {sqliteColumns}'", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Any unique index or key of the table refused the row.</summary>
    public static bool IsUniqueViolation(Exception e, string table) => Provider(e) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.TableName == table,
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            && s.Message.Contains($"constraint failed: {table}.", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The database could not take the write now (SQLite busy or locked past its timeout, a PostgreSQL deadlock or serialization failure).</summary>
    public static bool IsBusy(Exception e) => Provider(e) switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable,
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        _ => false,
    };

    private static Exception? Provider(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is PostgresException or SqliteException)
            {
                return current;
            }
        }

        return null;
    }
}
