namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>What a security log entry records (GB/T 22239-2019 8.1.4.3: important user behaviour and security events).</summary>
public enum SecurityEventKind
{
    SignIn = 1,
    SignInFailed = 2,
    Lockout = 3,
    SignOut = 4,
    AccessDenied = 5,
    UserChange = 6,
    PolicyChange = 7,
    ConfigurationChange = 8,
    Export = 9,
    LogRead = 10,
    ChainVerified = 11,
    Archived = 12,
    ChainKeyed = 13,
    SessionExpired = 14,
}

/// <summary>How it ended.</summary>
public enum SecurityOutcome
{
    Success = 1,
    Failure = 2,
    Denied = 3,
}

/// <summary>One entry of the security log: append-only and chained, each entry's <see cref="Hash"/> being the HMAC-SHA256,
/// under a key kept outside the database, of the previous entry's hash and this entry's fields (see
/// <c>SecurityLogChain</c>). Written only by <c>SecurityLogWriter</c>; never edited; older entries leave the table only
/// for an archive file, recorded in <see cref="SecurityLogArchiveRecord"/>.</summary>
public sealed class SecurityLogEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC (shown in China time).</summary>
    public DateTimeOffset At { get; set; }

    public SecurityEventKind Kind { get; set; }
    public SecurityOutcome Outcome { get; set; }

    /// <summary>The account's id; empty when there is none (an unknown user name).</summary>
    public string UserId { get; set; } = "";

    /// <summary>The user name as typed or as signed in.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The account's roles at the time, comma-separated (AppRoles names).</summary>
    public string Roles { get; set; } = "";

    /// <summary>The client's remote address; empty when not known (a background job).</summary>
    public string Address { get; set; } = "";

    /// <summary>What was done or tried, e.g. a path, "User Update 张三", "sites.xlsx".</summary>
    public string Subject { get; set; } = "";

    /// <summary>More: a failure's reason, the changed fields, a row count.</summary>
    public string Detail { get; set; } = "";

    /// <summary>A change record this entry mirrors (registry, configuration, user changes); null otherwise.</summary>
    public long? ChangeRecordId { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The last link of a chain, signed with the chain's key: truncating the tail of a chain (deleting its newest
/// entries) leaves a head that no longer matches, and only the key holder can write a new head. One row per chain.</summary>
public sealed class ChainHeadRecord
{
    public const string SecurityLogChain = "SecurityLog";
    public const string TicketEventsChain = "TicketEvents";

    public string Chain { get; set; } = "";
    public long LastId { get; set; }
    public string LastHash { get; set; } = "";

    /// <summary>The ticket chain's switch-over: events from this id on are keyed (chain version 1); older ones keep the
    /// unkeyed SHA-256 rule they were written under. Zero for the security log (keyed from the start).</summary>
    public long KeyedFromId { get; set; }

    public string Mac { get; set; } = "";
}

/// <summary>A range of security log entries moved to an archive file: which entries, the file and its SHA-256, and the
/// chain head at the end of the range, so that verification continues from it. Signed with the log's key.</summary>
public sealed class SecurityLogArchiveRecord
{
    public long Id { get; set; }
    public long FromEntryId { get; set; }
    public long ToEntryId { get; set; }
    public int EntryCount { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public string LastHash { get; set; } = "";
    public DateTimeOffset ArchivedAt { get; set; }
    public string Mac { get; set; } = "";
}
