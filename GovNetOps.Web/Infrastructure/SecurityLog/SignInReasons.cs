namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>Why a sign-in failed, as stored in a security log entry's Detail (shown in words by <see cref="SecurityLogLabels"/>).</summary>
public static class SignInReasons
{
    public const string WrongPassword = nameof(WrongPassword);
    public const string UnknownUser = nameof(UnknownUser);
    public const string LockedOut = nameof(LockedOut);
    public const string Disabled = nameof(Disabled);
    public const string SecondFactorRequired = nameof(SecondFactorRequired);
    public const string SecondFactor = nameof(SecondFactor);
    public const string RecoveryCode = nameof(RecoveryCode);
    public const string WrongSecondFactor = nameof(WrongSecondFactor);
    public const string MfaEnabled = nameof(MfaEnabled);
    public const string RecoveryCodesRenewed = nameof(RecoveryCodesRenewed);
}

/// <summary>Where an access denial was caught, as stored in a security log entry's Detail.</summary>
public static class DenialSources
{
    /// <summary>A handler's check (<c>CurrentActors.AllowsAsync</c>).</summary>
    public const string Handler = nameof(Handler);

    /// <summary>The router, for a page opened inside an open page.</summary>
    public const string Page = nameof(Page);

    /// <summary>The authorization middleware, for a request.</summary>
    public const string Request = nameof(Request);
}
