using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;

namespace GovNetOps.Tests.Web.Components;

public sealed class LabelsFacts
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // Chinese labels are Chinese; English ones have no Chinese character (some equal the code name, e.g. "Closed").
    [Fact]
    public void Labels_NameEveryValue_InChineseAndEnglish()
    {
        var all = Enum.GetValues<TicketState>().Select(s => (Func<CultureInfo, string>)(c => Labels.State(s, c)))
            .Concat(Enum.GetValues<TicketTrigger>().Select(t => (Func<CultureInfo, string>)(c => Labels.Action(t, c))))
            .Concat(Enum.GetValues<Role>().Select(r => (Func<CultureInfo, string>)(c => Labels.Role(r, c))))
            .Concat(Enum.GetValues<ClockState>().Select(s => (Func<CultureInfo, string>)(c => Labels.ClockState(s, c))))
            .Concat(Enum.GetValues<LocationClass>().Select(l => (Func<CultureInfo, string>)(c => Labels.LocationClass(l, c))))
            .Concat(Enum.GetValues<FaultScope>().Select(s => (Func<CultureInfo, string>)(c => Labels.Scope(s, c))))
            .ToList();

        Assert.All(all, label => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", label(Chinese)));
        Assert.All(all, label => Assert.Matches(@"^[A-Z][\x20-\x7e]*$", label(English)));
    }

    [Fact]
    public void Labels_UseTheProductVocabulary()
    {
        Assert.Equal("响应接单", Labels.Action(TicketTrigger.Acknowledge, Chinese));
        Assert.Equal("Acknowledge", Labels.Action(TicketTrigger.Acknowledge, English));
        Assert.Equal("已修复待回访", Labels.State(TicketState.Repaired, Chinese));
        Assert.Equal("运维值班员", Labels.Role(Role.Ops, Chinese));
        Assert.Equal("核心机房", Labels.LocationClass(LocationClass.CoreRoom, Chinese));
    }

    [Fact]
    public void Labels_ShowTheCodeName_ForAnUnknownValue()
    {
        Assert.Equal("99", Labels.Action((TicketTrigger)99));
        Assert.Equal("99", Labels.State((TicketState)99));
        Assert.Equal("99", Labels.Role((Role)99));
        Assert.Equal("99", Labels.ClockState((ClockState)99));
    }
}
