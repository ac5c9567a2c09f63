using Microsoft.Extensions.Options;
using Npgsql;

namespace XrayTriage.Persistence;

internal sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{PersistenceOptions.ConnectionStringKey} is required (env ConnectionStrings__Triage), "
                + "e.g. \"Host=127.0.0.1;Port=5432;Database=xraytriage;Username=xraytriage\".");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                return ValidateOptionsResult.Fail($"{PersistenceOptions.ConnectionStringKey} names no Host.");
            }
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(
                $"{PersistenceOptions.ConnectionStringKey} is not a valid Npgsql connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
