using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>Sends the message as a plain-text e-mail (the ticket link on the last line) to the configured addresses (MailKit).</summary>
public sealed class SmtpChannel(IOptions<NotificationOptions> options) : INotificationChannel
{
    public const string ChannelName = "smtp";

    private SmtpOptions Options => options.Value.Smtp;

    public string Name => ChannelName;
    public bool IsEnabled => Options.Enabled;

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.Title, message.TextWithLink(), null, cancellationToken);
    }

    /// <summary>A plain-text e-mail with an optional file attached (the monthly report's .xlsx), to the configured addresses.</summary>
    public async Task SendAsync(string subject, string text, (string FileName, byte[] Content, string ContentType)? attachment, CancellationToken cancellationToken)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(Options.From));
        foreach (var to in Options.To)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Subject = subject;
        var body = new BodyBuilder { TextBody = text };
        if (attachment is { } file)
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }
        mail.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(Options.Host, Options.Port, Options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(Options.UserName))
        {
            await client.AuthenticateAsync(Options.UserName, Options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
