using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Data;
using Res = GovNetOps.Web.Resources.Notifications;

namespace GovNetOps.Web.Features.Notifications.Announcements;

/// <summary>The Chinese text of an announcement (stored with the notification, sent outbound), like the escalations'.</summary>
public static class AnnouncementMessages
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Title and body, e.g. "【新工单】GZ-20261124-0001 城关镇政府" or "【待审批】GZ-20261124-0001 申请挂起".</summary>
    public static (string Title, string Body) For(TicketTrigger trigger, FaultTicketRecord ticket, string actor, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var site = ticket.Site?.Name ?? "";
        if (trigger == TicketTrigger.Report)
        {
            var deadline = ticket.ResponseDeadline is { } d ? ChinaTime.Format(d) : "—";
            return (Format(nameof(Res.NewTicketTitle), ticket.Number, site),
                Format(nameof(Res.NewTicketBody), site, ticket.Carrier?.ShortName ?? "", ticket.Symptoms, ChinaTime.Format(ticket.ReportedAt), deadline));
        }
        var action = Labels.Action(trigger, Chinese);
        return (Format(nameof(Res.RequestTitle), ticket.Number, action),
            Format(nameof(Res.RequestBody), ticket.Carrier?.ShortName ?? "", actor, ChinaTime.Format(at), action, reason ?? "", site));
    }

    private static string Format(string key, params object[] args) =>
        string.Format(Chinese, Res.ResourceManager.GetString(key, Chinese) ?? key, args);
}
