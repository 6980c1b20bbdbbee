using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Varta.Custody.Benchmarks;

/// <summary>
/// Counts the SQL commands each benchmarked request sends and the time the database took for them, by the
/// operation named in the request's X-Bench-Op header, and keeps one parameter set per statement so that the
/// statement can be EXPLAINed afterwards. Off while latencies are measured; on only in the profiling pass.
/// </summary>
internal sealed class SqlProfiler : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>Commits are not commands; they are counted as this statement (on SQLite with synchronous=FULL, the fsync is here).</summary>
    public const string Commit = "COMMIT";

    public const string Header = "X-Bench-Op";

    public IHttpContextAccessor? Http { get; set; }

    public volatile bool Enabled;

    public ConcurrentDictionary<(string Op, string Sql), Statement> Statements { get; } = new();

    public ConcurrentDictionary<string, ConcurrentDictionary<string, int>> Requests { get; } = new();

    public sealed class Statement
    {
        public int Count;
        public double TotalMs;
        public double MaxMs;
        public List<(string Name, object? Value, DbType DbType, object? ProviderType)> Parameters = [];

        public void Add(double ms)
        {
            lock (this)
            {
                Count++;
                TotalMs += ms;
                MaxMs = Math.Max(MaxMs, ms);
            }
        }
    }

    public void Reset()
    {
        Statements.Clear();
        Requests.Clear();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(Commit, [], eventData.Duration);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Record(Commit, [], eventData.Duration);

    private void Record(DbCommand command, TimeSpan duration) =>
        Record(command.CommandText, command.Parameters.Cast<DbParameter>().ToList(), duration);

    private void Record(string sql, List<DbParameter> parameters, TimeSpan duration)
    {
        if (!Enabled)
        {
            return;
        }

        var context = Http?.HttpContext;
        var op = context?.Request.Headers[Header].ToString() is { Length: > 0 } o ? o : "(background)";
        if (context is not null)
        {
            Requests.GetOrAdd(op, _ => new()).AddOrUpdate(context.TraceIdentifier, 1, (_, n) => n + 1);
        }

        var statement = Statements.GetOrAdd((op, sql), _ => new Statement
        {
            Parameters = parameters.Select(p => (p.ParameterName, p.Value, p.DbType, ProviderType(p))).ToList(),
        });
        statement.Add(duration.TotalMilliseconds);
    }

    private static object? ProviderType(DbParameter p) => p switch
    {
        SqliteParameter s => s.SqliteType,
        NpgsqlParameter n => n.NpgsqlDbType,
        _ => null,
    };

    public static DbParameter Clone(DbCommand command, (string Name, object? Value, DbType DbType, object? ProviderType) p)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = p.Name;
        parameter.Value = p.Value ?? DBNull.Value;
        switch (parameter)
        {
            case SqliteParameter s when p.ProviderType is SqliteType type:
                s.SqliteType = type;
                break;
            case NpgsqlParameter n when p.ProviderType is NpgsqlTypes.NpgsqlDbType type:
                n.NpgsqlDbType = type;
                break;
            default:
                parameter.DbType = p.DbType;
                break;
        }

        return parameter;
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }
}
