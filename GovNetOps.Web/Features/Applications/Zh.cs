using System.Globalization;

namespace GovNetOps.Web.Features.Applications;

/// <summary>Texts stored or sent (notices, audit notes) are Chinese whatever the language of the person acting.</summary>
internal static class Zh
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    public static string Get(string key) => Resources.ApplicationText.ResourceManager.GetString(key, Culture) ?? key;
}
