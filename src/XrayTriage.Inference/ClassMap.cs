namespace XrayTriage.Inference;

/// <summary>One member's class activation map for one class: <paramref name="Values"/> row-major, <paramref name="Width"/>
/// × <paramref name="Height"/>, contributing with <paramref name="Weight"/> to the combined map.</summary>
public readonly record struct ClassMap(ReadOnlyMemory<float> Values, int Width, int Height, double Weight);
