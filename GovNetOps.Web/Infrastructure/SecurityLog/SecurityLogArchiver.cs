using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovNetOps.Web.Infrastructure.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>Retention: entries older than <see cref="SecurityLogOptions.LogRetentionDays"/> (at least 180) leave the table
/// only for an archive file — JSON lines, one entry per line with its hashes, in <see cref="SecurityLogOptions.LogArchiveFolder"/>
/// — and a signed archive record in the database (range, file name, the file's SHA-256, the last hash), from which
/// verification continues. Nothing is archived from a chain that does not verify: a tampered log stays in the table as
/// evidence, and the refusal is itself logged. Daily at 03:00 China time (Hangfire).</summary>
public sealed class SecurityLogArchiver(
    IDbContextFactory<AppDbContext> factory,
    SecurityLogWriter writer,
    SecurityEvents log,
    ChainKeys keys,
    TimeProvider time,
    IOptions<SecurityLogOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<SecurityLogArchiver> logger)
{
    public const string RecurringJobId = "security-log-archive";
    public const string Cron = "0 3 * * *";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The archive folder, relative paths resolved against the database file's folder.</summary>
    public string Folder => Path.GetFullPath(options.Value.LogArchiveFolder, Path.GetDirectoryName(database.Value.FullPath)!);

    /// <summary>Archives every entry older than the retention period; returns the new archive record, or null when there
    /// was nothing to archive or the chain does not verify.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<SecurityLogArchiveRecord?> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.LogRetentionDays);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var verdict = await SecurityLogChain.VerifyAsync(db, keys, cancellationToken);
            if (!verdict.IsIntact)
            {
                logger.LogError("Security log not archived: the chain is broken at #{Id}: {Problem}", verdict.BrokenAt, verdict.Problem);
                await log.RecordAsync(SecurityEventKind.Archived, SecurityOutcome.Failure, "", "", "", "SecurityLog", verdict.Problem ?? "", cancellationToken: cancellationToken);
                return null;
            }
        }

        var record = await writer.ArchiveAsync(cutoff, WriteFileAsync, cancellationToken);
        if (record is null)
        {
            return null;
        }
        logger.LogInformation("Archived security log entries #{From}-#{To} ({Count}) to {File}", record.FromEntryId, record.ToEntryId, record.EntryCount, record.FileName);
        await log.RecordAsync(SecurityEventKind.Archived, SecurityOutcome.Success, "", "", "", record.FileName,
            string.Create(CultureInfo.InvariantCulture, $"#{record.FromEntryId}-#{record.ToEntryId} ({record.EntryCount}) sha256={record.FileSha256}"),
            cancellationToken: cancellationToken);
        return record;
    }

    // Writes the entries to a new file (whole, then renamed) and returns its name and SHA-256.
    private async Task<(string FileName, string Sha256)> WriteFileAsync(IReadOnlyList<SecurityLogEntry> entries, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"security-log-{entries[0].Id:D10}-{entries[^1].Id:D10}.jsonl");
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append(JsonSerializer.Serialize(new
            {
                e.Id, At = e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), AtTicks = e.At.UtcTicks, Kind = e.Kind.ToString(), KindCode = (int)e.Kind,
                Outcome = e.Outcome.ToString(), OutcomeCode = (int)e.Outcome, e.UserId, e.UserName, e.Roles, e.Address, e.Subject, e.Detail, e.ChangeRecordId,
                e.PreviousHash, e.Hash,
            }, Json)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return (name, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

/// <summary>Registers the daily archive job.</summary>
internal sealed class SecurityLogArchiveStartup(IServiceScopeFactory scopes, ILogger<SecurityLogArchiveStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<IRecurringJobManager>().AddOrUpdate<SecurityLogArchiver>(SecurityLogArchiver.RecurringJobId,
                a => a.RunAsync(CancellationToken.None), SecurityLogArchiver.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") });
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Registering the security log archive job failed");
        }
    }
}
