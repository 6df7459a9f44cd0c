using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>Outbound channels (section "Notifications"); every channel is off by default.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>Where people reach the app from outside it (a phone in a WeCom group, a mail client): every outbound
    /// message carries an absolute link built on it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public WebhookOptions Webhook { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The absolute address of a ticket's page, e.g. "https://ops.example/tickets/GZ-20261124-0001".</summary>
    public string TicketUrl(string number) => $"{PublicBaseUrl.TrimEnd('/')}{TicketPath(number)}";

    /// <summary>The app-relative address of a ticket's page (the in-app notification's link).</summary>
    public static string TicketPath(string number) => $"/tickets/{Uri.EscapeDataString(number)}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            yield return new($"{Section}:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://ops.tongbai.gov.cn");
        }

        if (Webhook.Enabled && !Uri.TryCreate(Webhook.Url, UriKind.Absolute, out _))
        {
            yield return new($"{Section}:Webhook:Url must be an absolute URL when the webhook is enabled");
        }

        if (Webhook.Timeout <= TimeSpan.Zero)
        {
            yield return new($"{Section}:Webhook:Timeout must be positive");
        }

        if (Smtp.Enabled && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return new($"{Section}:Smtp:Host is required when e-mail is enabled");
        }

        if (Smtp.Enabled && (string.IsNullOrWhiteSpace(Smtp.From) || Smtp.To.Count == 0))
        {
            yield return new($"{Section}:Smtp:From and at least one Smtp:To address are required when e-mail is enabled");
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new($"{Section}:Smtp:Port must be 1-65535");
        }
    }
}

public sealed class WebhookOptions
{
    public bool Enabled { get; set; }
    public string Url { get; set; } = "";

    /// <summary>Generic JSON, or the WeCom (企业微信) / DingTalk (钉钉) group-robot message.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Generic;

    /// <summary>DingTalk "加签" secret; when set, requests are signed with timestamp and HMAC-SHA256.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public enum WebhookFormat
{
    Generic = 1,
    WeCom = 2,
    DingTalk = 3,
}

public sealed class SmtpOptions
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";
    public List<string> To { get; set; } = [];
}
