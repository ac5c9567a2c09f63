using System.Collections;
using System.Globalization;
using System.Reflection;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>Every configuration key the options classes bind, found by reflection: each <c>*Options</c> class with a
/// <c>SectionName</c> (walked recursively: nested options, lists as <c>:N</c>), plus the classes bound from one fixed
/// key (<c>ConnectionStringKey</c>, <c>Key</c>). The host's own options live in xraytriage.dll, loaded by path.</summary>
internal static class ConfigurationKeys
{
    public sealed record Setting(string Key, string? Default)
    {
        public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);
    }

    public static IReadOnlyList<Setting> All()
    {
        var assemblies = new[]
        {
            typeof(Ingest.IngestOptions).Assembly, typeof(Triage.TriageOptions).Assembly, typeof(Inference.InferenceOptions).Assembly,
            typeof(Reporting.Delivery.ReportingOptions).Assembly, typeof(Persistence.PersistenceOptions).Assembly,
            typeof(Web.Options.WebOptions).Assembly, Assembly.LoadFrom(XrayTriageExecutable.DllPath),
        };
        var settings = new List<Setting>();
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes)
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            if (Constant(type, "SectionName") is { } section)
            {
                Walk(type, Activator.CreateInstance(type, nonPublic: true), section, settings);
            }
            else if ((Constant(type, "ConnectionStringKey") ?? Constant(type, "Key")) is { } key)
            {
                var instance = Activator.CreateInstance(type, nonPublic: true);
                var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Single(p => p.CanWrite);
                settings.Add(new Setting(key, Format(property.GetValue(instance))));
            }
        }

        return [.. settings.OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>How operations.md writes a default: the text the configuration binder accepts, "—" for none.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void Walk(Type type, object? instance, string prefix, List<Setting> settings)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsSimple(propertyType))
            {
                if (settable)
                {
                    settings.Add(new Setting(key, Format(value)));
                }
            }
            else if (ElementType(propertyType) is { } element)
            {
                if (IsSimple(element))
                {
                    settings.Add(new Setting(
                        $"{key}:N",
                        value is IEnumerable items && items.Cast<object>().Any() ? string.Join(", ", items.Cast<object>()) : null));
                }
                else
                {
                    Walk(element, Activator.CreateInstance(element), $"{key}:N", settings);
                }
            }
            else if (propertyType.IsClass && propertyType.Name.EndsWith("Options", StringComparison.Ordinal))
            {
                Walk(propertyType, value ?? Activator.CreateInstance(propertyType), key, settings);
            }
        }
    }

    private static bool IsSimple(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal);

    private static Type? ElementType(Type type) => type == typeof(string)
        ? null
        : type.GetInterfaces()
            .Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static string? Constant(Type type, string name)
        => type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
