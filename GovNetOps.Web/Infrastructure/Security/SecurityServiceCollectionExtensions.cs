using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>ASP.NET Core Identity in the app's SQLite database, cookie sign-in, role policies.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddSingleton<CircuitRevalidator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                // The rules are the security administrator's (PasswordPolicyValidator); Identity's own checks are off.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = Mfa.TotpTokenProvider.Name;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Mfa.TotpTokenProvider>(Mfa.TotpTokenProvider.Name)
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "GovNetOps.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = CurrentAccountCookie.ValidatePrincipalAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger("GovNetOps.Security");
                logger.LogWarning("Refused {User} ({Roles}) access to {Path}",
                    context.HttpContext.User.Identity?.Name,
                    string.Join(',', AppRoles.All.Where(context.HttpContext.User.IsInRole)),
                    context.Request.Path + context.Request.QueryString);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.Replace(ServiceDescriptor.Scoped<IUserStore<ApplicationUser>, AppUserStore>());
        services.AddAuthorizationBuilder().AddAppPolicies();
        services.AddCurrentActors();
        services.AddScoped<IDataSeeder, IdentitySeeder>();
        services.AddSingleton<AdministratorSeparation>();
        services.AddSingleton<IdleSessions>();
        services.AddScoped<Features.Account.SignInLanding>();
        services.AddScoped<Mfa.MfaEnrolment>();
        services.AddHostedService<IdleSessionSweep>();
        return services;
    }

    /// <summary>The one place handlers ask who a principal is now (see <see cref="CurrentActors"/>); safe to call twice.</summary>
    public static IServiceCollection AddCurrentActors(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton<AccountPolicyStore>();
        services.TryAddSingleton(new SessionClock(TimeProvider.System));
        services.TryAddSingleton<CurrentActors>();
        return services;
    }
}
