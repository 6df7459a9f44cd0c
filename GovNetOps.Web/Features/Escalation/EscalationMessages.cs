using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using Res = GovNetOps.Web.Resources.Escalation;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>The Chinese text of an escalation (stored with the notification, sent outbound).</summary>
public static class EscalationMessages
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string LevelName(EscalationLevel level, CultureInfo? culture = null) => Get(level switch
    {
        EscalationLevel.Reminder => nameof(Res.LevelReminder),
        EscalationLevel.Warning => nameof(Res.LevelWarning),
        EscalationLevel.Breach => nameof(Res.LevelBreach),
        _ => nameof(Res.LevelRenotify),
    }, culture);

    public static string ClockName(ClockKind clock, CultureInfo? culture = null) =>
        Get(clock == ClockKind.Response ? nameof(Res.ClockResponse) : nameof(Res.ClockRepair), culture);

    public static string RecipientNames(RecipientGroup groups, CultureInfo? culture = null) => string.Join(Get(nameof(Res.RecipientSeparator), culture),
        new (RecipientGroup Flag, string Key)[]
        {
            (RecipientGroup.CarrierEngineers, nameof(Res.RecipientCarrierEngineers)),
            (RecipientGroup.CarrierManager, nameof(Res.RecipientCarrierManager)),
            (RecipientGroup.OpsDutyOfficer, nameof(Res.RecipientOps)),
            (RecipientGroup.Leadership, nameof(Res.RecipientLeadership)),
        }.Where(x => groups.HasFlag(x.Flag)).Select(x => Get(x.Key, culture)));

    /// <summary>Title and body, e.g. "【超时】GZ-20261124-0001 响应时限已到".</summary>
    public static (string Title, string Body) For(EscalationStep step, string number, string site, string carrier, string manager)
    {
        var level = LevelName(step.Level, Chinese);
        var clock = ClockName(step.Clock, Chinese);
        var title = string.Format(Chinese, Get(nameof(Res.MessageTitle), Chinese), level, number, clock,
            step.Level == EscalationLevel.Renotify ? step.Repeat.ToString(Chinese) : "");
        var action = Get(step.Level switch
        {
            EscalationLevel.Reminder => nameof(Res.ActionReminder),
            EscalationLevel.Warning => nameof(Res.ActionWarning),
            _ => nameof(Res.ActionBreach),
        }, Chinese);
        var body = string.Format(Chinese, Get(nameof(Res.MessageBody), Chinese),
            site, carrier, clock, ChinaTime.ToChina(step.DueAt).ToString("yyyy-MM-dd HH:mm:ss", Chinese), action, manager);
        return (title, body);
    }

    private static string Get(string key, CultureInfo? culture) =>
        Res.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
