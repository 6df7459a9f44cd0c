namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Section <c>Security</c>: lockout and the first administrator outside Development.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public int MaxFailedAccessAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an open page (a Blazor circuit) is checked against its account. With the handlers' 2 s
    /// account cache (<see cref="CurrentActors.CacheWindow"/>) the default signs a revoked page out within 4 s; the
    /// handlers refuse its actions within 2 s whatever this is.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Created at start-up when no administrator exists (outside Development the
    /// app refuses to start without one). Set through environment variables, e.g.
    /// <c>Security__BootstrapAdmin__UserName</c> and <c>Security__BootstrapAdmin__Password</c>.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "系统管理员";
}
