using System.Net;

namespace GovNetOps.Tests.Support;

/// <summary>How the server answers a page request for a user who may or may not open it.</summary>
internal static class HttpAssert
{
    public static void RedirectsTo(HttpClient client, HttpResponseMessage response, string pathPrefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(pathPrefix, new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
    }

    /// <summary>Allowed: 200. Refused: the server redirects to the access-denied page.</summary>
    public static void ServedOrRefused(HttpClient client, HttpResponseMessage response, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            RedirectsTo(client, response, "/account/access-denied");
        }
    }
}
