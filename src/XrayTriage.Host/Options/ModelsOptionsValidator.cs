using Microsoft.Extensions.Options;

namespace XrayTriage.Host.Options;

internal sealed class ModelsOptionsValidator : IValidateOptions<ModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{ModelsOptions.SectionName}:{nameof(ModelsOptions.Path)} is required.");
        }

        return Directory.Exists(options.ResolvedPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ModelsOptions.SectionName}:{nameof(ModelsOptions.Path)} names a folder that does not exist: {options.ResolvedPath}");
    }
}
