namespace XrayTriage.Web.Security;

/// <summary>A sign-in attempt refused by <see cref="SignInThrottle"/>: the limited key (<c>address …</c> or
/// <c>user …</c>) and whether this refusal starts a burst (audited) or continues one (not audited again).</summary>
internal readonly record struct SignInRefusal(string Key, bool FirstOfBurst);
