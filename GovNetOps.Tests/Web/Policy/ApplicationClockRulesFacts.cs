using System.Globalization;
using Bunit;
using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Policy;
using D = GovNetOps.Web.Resources.ApplicationDeadlines;

namespace GovNetOps.Tests.Web.Policy;

/// <summary>The policy page's application-clock section: its limits come from the Domain's <see cref="ApplicationClocks"/>
/// (the texts hold placeholders, never the numbers), each rule names its article, in Chinese and in English.</summary>
public sealed class ApplicationClockRulesFacts : BunitTestContext
{
    private string Rule(IRenderedComponent<ApplicationClockRules> cut, string key) =>
        cut.Find($"[data-rule='{key}'] td").TextContent;

    private string Article(IRenderedComponent<ApplicationClockRules> cut, string key) =>
        cut.FindAll($"[data-rule='{key}'] td")[1].TextContent;

    [Fact]
    public void Rules_StateTheDomainLimits_AndTheirArticles_InChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        var cut = Render<ApplicationClockRules>();

        Assert.Contains($"收到申请表后 {ApplicationClocks.ReviewWorkingDays} 个工作日内完成审核", Rule(cut, "review"), StringComparison.Ordinal);
        Assert.Equal("第十三条（二）、第十五条", Article(cut, "review"));
        Assert.Contains($"运营商在 {ApplicationClocks.ImplementationWorkingDays} 个工作日内完成网络接入和开通", Rule(cut, "implementation"), StringComparison.Ordinal);
        Assert.Equal("第十三条（三）、第十五条", Article(cut, "implementation"));
        Assert.Contains("收件（或审核通过）当天不计", Rule(cut, "receipt-day"), StringComparison.Ordinal);
        Assert.Contains("在周末或节假日收件的，从其后第一个工作日起算", Rule(cut, "receipt-day"), StringComparison.Ordinal);
        Assert.Contains("调休上班日", Rule(cut, "make-up"), StringComparison.Ordinal);
        Assert.Contains("已用去的工作日保留", Rule(cut, "pause"), StringComparison.Ordinal);
        Assert.Equal("第十三条（三）", Article(cut, "pause"));
        Assert.Contains("暂定", Rule(cut, "provisional"), StringComparison.Ordinal);
        Assert.Equal(6, cut.FindAll("[data-rule]").Count);
    }

    [Fact]
    public void Rules_AreInEnglish_WithTheSameDomainLimits()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        var cut = Render<ApplicationClockRules>();

        Assert.Contains($"within {ApplicationClocks.ReviewWorkingDays} working days of receiving the form", Rule(cut, "review"), StringComparison.Ordinal);
        Assert.Contains($"within {ApplicationClocks.ImplementationWorkingDays} working days", Rule(cut, "implementation"), StringComparison.Ordinal);
        Assert.Contains("The day of receipt (or of approval) is not counted", Rule(cut, "receipt-day"), StringComparison.Ordinal);
        Assert.Equal("Art. 13 (3), Art. 15", Article(cut, "implementation"));
    }

    [Theory]
    [InlineData(nameof(D.Rule_Review))]
    [InlineData(nameof(D.Rule_Implementation))]
    [InlineData(nameof(D.Rule_ReceiptDay))]
    [InlineData(nameof(D.Rule_Pause))]
    public void Texts_HoldPlaceholders_NotTheNumbers(string key)
    {
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("en") })
        {
            var text = D.ResourceManager.GetString(key, culture)!;
            Assert.Contains("{0}", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApplicationClocks.ReviewWorkingDays.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApplicationClocks.ImplementationWorkingDays.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }
}
