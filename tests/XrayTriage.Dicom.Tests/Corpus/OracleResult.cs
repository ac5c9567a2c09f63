namespace XrayTriage.Dicom.Tests.Corpus;

public sealed record OracleResult(bool Ok, string Error, IReadOnlyList<string> Lines);
