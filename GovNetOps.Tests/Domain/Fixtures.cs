using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Tests.Domain;

/// <summary>Fixed instants and actors for the domain tests; nothing here reads the real clock.</summary>
internal static class Fixtures
{
    /// <summary>Monday 2026-03-02 09:00 CST.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public const int CarrierId = 7;

    public static readonly Actor Ops = new("ops-1", "张值班", Role.Ops);
    public static readonly Actor Carrier = new("tel-1", "电信李工", Role.Carrier, CarrierId);
    public static readonly Actor OtherCarrier = new("uni-1", "联通王工", Role.Carrier, 8);
    public static readonly Actor Leader = new("lead-1", "刘局长", Role.Leader);
    public static readonly Actor Admin = new("adm-1", "管理员", Role.SystemAdmin);
    public static readonly Actor SecurityAdmin = new("sec-1", "安全员", Role.SecurityAdmin);
    public static readonly Actor AuditAdmin = new("aud-1", "审计员", Role.AuditAdmin);

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>The actor who normally fires a trigger (carrier for carrier moves, ops otherwise).</summary>
    public static Actor ActorFor(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.Acknowledge or TicketTrigger.RequestComplex or TicketTrigger.RequestSuspend
            or TicketTrigger.MarkRepaired or TicketTrigger.PostProgress => Carrier,
        _ => Ops,
    };
}
