using GovNetOps.Tests.Support;
using Microsoft.Extensions.Options;

namespace GovNetOps.Tests.Integration;

/// <summary>A broken escalation or channel configuration stops the app at start-up, naming the key.</summary>
public sealed class EscalationOptionsFacts
{
    [Theory]
    // The reminder after the warning: the ladder must climb.
    [InlineData("Escalation:Rules:0:Fraction", "0.9", "Escalation:Rules Warning must come at a higher fraction than Reminder")]
    // Started no earlier than Hangfire's own polling delay, a job could not be on time.
    [InlineData("Escalation:ScheduleLead", "00:00:01", "Escalation:ScheduleLead (00:00:01) must exceed Jobs:SchedulePollingInterval (00:00:01)")]
    [InlineData("Notifications:Webhook:Enabled", "true", "Notifications:Webhook:Url must be an absolute URL when the webhook is enabled")]
    [InlineData("Notifications:Smtp:Enabled", "true", "Notifications:Smtp:Host is required when e-mail is enabled")]
    // A relative base would put "tickets/GZ-…" in a WeCom group, where nobody can open it.
    [InlineData("Notifications:PublicBaseUrl", "ops.tongbai.gov.cn", "Notifications:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://ops.tongbai.gov.cn")]
    public async Task Startup_Fails_WhenTheConfigurationIsInvalid(string key, string value, string message)
    {
        await using var app = new GovNetOpsFactory();
        app.Settings[key] = value;

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }
}
