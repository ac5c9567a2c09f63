namespace XrayTriage.Ingest;

/// <summary>A complete, durable spool file: its final path, size and SHA-256 (64 lowercase hex digits).</summary>
internal sealed record SpooledFile(string Path, long SizeBytes, string Sha256);
