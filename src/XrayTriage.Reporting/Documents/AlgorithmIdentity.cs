namespace XrayTriage.Reporting.Documents;

/// <summary>The algorithm and the device that ran it, as written to General/Enhanced General Equipment, Contributing
/// Equipment (IHE AIR §6.5.3.1), the device observer context (TID 1004) and TID 4019.</summary>
/// <param name="Manufacturer">Manufacturer, e.g. "XrayTriage".</param>
/// <param name="ModelName">Manufacturer's Model Name: the model manifest's name (e.g. "xraytriage-cxr").</param>
/// <param name="ApplicationVersion">The service's version (first value of Software Versions).</param>
/// <param name="ModelVersion">The model manifest's version (second value of Software Versions; TID 4019 Algorithm Version).</param>
/// <param name="DeviceUid">Device UID: changes with every model version, so a PACS can tell reports of two models apart.</param>
/// <param name="AlgorithmName">TID 4019 Algorithm Name.</param>
/// <param name="DeviceObserverName">TID 1004 Device Observer Name (e.g. the host's AE title).</param>
/// <param name="DeviceSerialNumber">Device Serial Number for Enhanced General Equipment (Type 1 in 3D SR); the Device UID
/// when null.</param>
internal sealed record AlgorithmIdentity(
    string Manufacturer,
    string ModelName,
    string ApplicationVersion,
    string ModelVersion,
    string DeviceUid,
    string AlgorithmName,
    string DeviceObserverName,
    string? DeviceSerialNumber = null);
