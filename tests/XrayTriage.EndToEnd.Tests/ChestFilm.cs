namespace XrayTriage.EndToEnd.Tests;

/// <summary>A generated Part 10 file and the SOP Instance UID inside it.</summary>
internal sealed record ChestFilm(string Path, string SopInstanceUid);
