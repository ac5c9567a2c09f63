using Npgsql;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>Reads the work state straight from PostgreSQL, the record the service is judged by.</summary>
internal sealed class TriageDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Instance count per state, e.g. Triaged → 200.</summary>
    public async Task<Dictionary<string, long>> StatesAsync()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state, count(*) FROM triage.instances GROUP BY state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    public async Task<HashSet<string>> SopInstanceUidsAsync()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sop_instance_uid FROM triage.instances", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    /// <summary>Triaged instances per claiming worker (claimed_by is kept after the triage).</summary>
    public async Task<Dictionary<string, long>> TriagedByWorkerAsync()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT claimed_by, count(*) FROM triage.instances WHERE state = 'Triaged' GROUP BY claimed_by", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.IsDBNull(0) ? "" : reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>Report deliveries per state for one destination, e.g. Delivered → 20.</summary>
    public async Task<Dictionary<string, long>> DeliveryStatesAsync(string destination)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT state, count(*) FROM triage.report_deliveries WHERE destination = @d GROUP BY state", connection);
        command.Parameters.AddWithValue("d", destination);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>The distinct last errors of a destination's deliveries in a state.</summary>
    public async Task<List<string>> DeliveryErrorsAsync(string destination, string state)
    {
        var result = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT coalesce(last_error, '') FROM triage.report_deliveries WHERE destination = @d AND state = @s", connection);
        command.Parameters.AddWithValue("d", destination);
        command.Parameters.AddWithValue("s", state);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public async Task<string> DescribeAsync()
    {
        var states = await StatesAsync();
        var runs = await CountAsync("SELECT count(*) FROM triage.inference_runs");
        return $"states {string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"))}; inference_runs={runs}";
    }
}
