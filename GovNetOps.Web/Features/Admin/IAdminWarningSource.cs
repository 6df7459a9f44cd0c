namespace GovNetOps.Web.Features.Admin;

/// <summary>Something the admin should act on, shown on the admin home: a sentence and a link to fix it.</summary>
public sealed record AdminWarning(string Text, string Href);

/// <summary>
/// The admin home's extension point for warnings other features own (the working-day calendar's missing next year,
/// sites without an Article 6 security contact…): register an implementation with
/// <c>services.AddScoped&lt;IAdminWarningSource, …&gt;()</c> and its warnings appear in their own section.
/// </summary>
public interface IAdminWarningSource
{
    Task<IReadOnlyList<AdminWarning>> WarningsAsync(CancellationToken cancellationToken);
}
