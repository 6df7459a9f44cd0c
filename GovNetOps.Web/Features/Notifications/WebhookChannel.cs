using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>POSTs the message as JSON: generic, or as a WeCom / DingTalk group-robot text message
/// that @-mentions the carrier's manager by mobile number.</summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptions<NotificationOptions> options, TimeProvider time) : INotificationChannel
{
    public const string ChannelName = "webhook";
    public const string HttpClientName = "notifications-webhook";

    private WebhookOptions Options => options.Value.Webhook;

    public string Name => ChannelName;
    public bool IsEnabled => Options.Enabled;

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(HttpClientName);
        client.Timeout = Options.Timeout;
        using var response = await client.PostAsJsonAsync(SignedUrl(), Body(message, Options.Format), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Webhook answered {(int)response.StatusCode}: {Trim(text)}");
        }
        // The robots answer 200 with {"errcode": n}; anything but 0 is a refusal (bad key, rate limit).
        if (Options.Format != WebhookFormat.Generic && ErrorCode(text) is { } code && code != 0)
        {
            throw new HttpRequestException($"Webhook robot refused the message (errcode {code}): {Trim(text)}");
        }
    }

    public static JsonObject Body(OutboundMessage m, WebhookFormat format)
    {
        var content = $"{m.Title}\n{m.TextWithLink()}";
        var mobiles = new JsonArray(m.MentionMobiles.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());
        return format switch
        {
            WebhookFormat.WeCom => new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = content, ["mentioned_mobile_list"] = mobiles },
            },
            WebhookFormat.DingTalk => new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = content },
                ["at"] = new JsonObject { ["atMobiles"] = mobiles, ["isAtAll"] = false },
            },
            _ => JsonSerializer.SerializeToNode(m, JsonSerializerOptions.Web)!.AsObject(),
        };
    }

    private string SignedUrl()
    {
        if (Options.Format != WebhookFormat.DingTalk || string.IsNullOrEmpty(Options.Secret))
        {
            return Options.Url;
        }

        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Options.Secret), Encoding.UTF8.GetBytes($"{timestamp}\n{Options.Secret}")));
        var separator = Options.Url.Contains('?') ? '&' : '?';
        return $"{Options.Url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}";
    }

    private static int? ErrorCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["errcode"]?.GetValue<int>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string text) => text.Length <= 200 ? text : text[..200];
}
