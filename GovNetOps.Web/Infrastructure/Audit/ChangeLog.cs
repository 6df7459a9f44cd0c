using System.Text.Encodings.Web;
using System.Text.Json;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Infrastructure.Audit;

/// <summary>
/// Adds a <see cref="ChangeRecord"/> to the context for a change that the caller is about to save: the record is
/// written by the caller's own SaveChanges, in the same transaction as the change. The one way registry and
/// configuration changes are audited; each record's history and the admin change list read the same table.
/// </summary>
public sealed class ChangeLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Records a change. <paramref name="before"/> and <paramref name="after"/> map field names to values; only
    /// fields whose values differ are kept (all of them for a creation or removal).
    /// </summary>
    public ChangeRecord Add(
        AppDbContext db,
        Actor actor,
        string entityType,
        string entityId,
        string entityName,
        string action,
        IReadOnlyDictionary<string, string?>? before = null,
        IReadOnlyDictionary<string, string?>? after = null,
        string note = "")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var changedBefore = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var changedAfter = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in (before?.Keys ?? []).Union(after?.Keys ?? []))
        {
            string? old = null;
            string? now = null;
            var hadOld = before?.TryGetValue(key, out old) == true;
            var hasNow = after?.TryGetValue(key, out now) == true;
            if (hadOld && hasNow && string.Equals(old, now, StringComparison.Ordinal))
            {
                continue;
            }

            if (hadOld)
            {
                changedBefore[key] = old;
            }

            if (hasNow)
            {
                changedAfter[key] = now;
            }
        }

        var record = new ChangeRecord
        {
            EntityType = entityType,
            EntityId = entityId,
            EntityName = entityName,
            Action = action,
            Before = changedBefore.Count == 0 ? "" : JsonSerializer.Serialize(changedBefore, Json),
            After = changedAfter.Count == 0 ? "" : JsonSerializer.Serialize(changedAfter, Json),
            Note = note,
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            Role = actor.Role.ToString(),
            At = time.GetUtcNow(),
        };
        db.ChangeRecords.Add(record);
        return record;
    }

    /// <summary>The fields of a before/after JSON text, for display.</summary>
    public static IReadOnlyDictionary<string, string?> Fields(string json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string?>()
            : JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}
