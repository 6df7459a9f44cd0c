using System.Globalization;
using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using R = GovNetOps.Web.Resources.AccountRules;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity's check of every new password (creation, reset, change) against the rules in force
/// (<see cref="AccountPolicyStore"/>): length, character classes, and none of the account's last
/// <see cref="AccountPolicy.History"/> passwords (the current one included), compared through the password hasher.
/// The messages name the field and say what to do.</summary>
internal sealed class PasswordPolicyValidator(AccountPolicyStore policies, AppDbContext db) : IPasswordValidator<ApplicationUser>
{
    public const string TooShort = "GovNetOpsPasswordTooShort";
    public const string TooFewClasses = "GovNetOpsPasswordTooFewClasses";
    public const string Reused = "GovNetOpsPasswordReused";

    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        password ??= "";
        var policy = await policies.CurrentAsync();
        var errors = new List<IdentityError>();
        if (password.Length < policy.MinimumLength)
        {
            errors.Add(Error(TooShort, R.PasswordTooShort, policy.MinimumLength));
        }
        if (PasswordRules.ClassCount(password) < policy.RequiredClasses)
        {
            errors.Add(Error(TooFewClasses, R.PasswordTooFewClasses, policy.RequiredClasses));
        }
        if (errors.Count == 0 && policy.History > 0 && await IsRecentAsync(manager, user, password, policy.History))
        {
            errors.Add(Error(Reused, R.PasswordReused, policy.History));
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<bool> IsRecentAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string password, int history)
    {
        var hashes = string.IsNullOrEmpty(user.Id)
            ? []
            : await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id)
                .OrderByDescending(h => h.SetAt).ThenByDescending(h => h.Id).Take(history).Select(h => h.PasswordHash).ToListAsync();
        if (user.PasswordHash is { Length: > 0 } current && !hashes.Contains(current))
        {
            hashes.Insert(0, current);
        }
        return hashes.Take(history).Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }

    private static IdentityError Error(string code, string format, int value) =>
        new() { Code = code, Description = string.Format(CultureInfo.CurrentCulture, format, value) };
}
