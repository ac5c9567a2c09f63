namespace XrayTriage.Web.Options;

/// <summary>Section <c>Web</c>: the pages and the API. Secrets (the OIDC client secret) come from the environment,
/// e.g. <c>Web__Oidc__ClientSecret</c>, never from the committed appsettings.json.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>How often the worklist asks for changes, in seconds (1–60).</summary>
    public int RefreshSeconds { get; set; } = 3;

    /// <summary>Largest upload accepted by the upload page, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Idle time after which a session cookie expires, in minutes.</summary>
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Password sign-in attempts allowed per client address in any one minute (1–10000).</summary>
    public int SignInAttemptsPerAddress { get; set; } = 30;

    /// <summary>Password sign-in attempts allowed per account name in any one minute (1–10000), known or not.</summary>
    public int SignInAttemptsPerAccount { get; set; } = 10;

    /// <summary>Uploads classified at once (1–64); one more gets the page's "busy" message (503) instead of waiting.</summary>
    public int MaxConcurrentUploads { get; set; } = 2;

    /// <summary>Pixel memory all uploads being classified may hold together, in bytes (16 MiB–16 GiB), reckoned from
    /// each file's header before it is decoded; an upload that would go over it is refused as busy. One upload alone
    /// is always let through (its size is bounded by <c>Web:MaxUploadBytes</c> and the pixel limit).</summary>
    public long UploadMemoryBytes { get; set; } = 768L * 1024 * 1024;

    /// <summary>Long side, in pixels, of the images the study page shows (256–8192): films and heatmaps are rendered
    /// once at this size and cached.</summary>
    public int ImageMaxSide { get; set; } = 1024;

    /// <summary>Bytes of rendered study images (PNG) kept in memory (0 = none kept; at most 4 GiB); least recently
    /// used go first.</summary>
    public long ImageCacheBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Study images rendered at once (1–32); further requests wait their turn. One by default: a render of an
    /// 8192² 16-bit film holds up to ~1 GB while it runs, and on two cores one at a time was also the faster
    /// (docs/benchmarks.md, "Study page images").</summary>
    public int MaxConcurrentRenders { get; set; } = 1;

    /// <summary>Calling AE title of the upload page's "store" (a C-STORE to this service's own listener); an allow-list
    /// on the listener must include it.</summary>
    public string StoreCallingAeTitle { get; set; } = "XRAYTRIAGE-WEB";

    public OidcOptions Oidc { get; set; } = new();
}
