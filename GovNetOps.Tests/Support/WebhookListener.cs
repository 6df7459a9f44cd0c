using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GovNetOps.Tests.Support;

/// <summary>A local HTTP endpoint that records every POST body and answers with the status the
/// test chooses for the n-th request.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, (HttpStatusCode Status, string Body)> _answer;
    private int _count;

    public WebhookListener(Func<int, (HttpStatusCode Status, string Body)>? answer = null)
    {
        _answer = answer ?? (_ => (HttpStatusCode.OK, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/robot/send?key=test";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<(string Body, HttpStatusCode Answered, string Query)> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var (status, answer) = _answer(Interlocked.Increment(ref _count));
            Requests.Enqueue((body, status, context.Request.Url?.Query ?? ""));
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
