using MudBlazor;

namespace GovNetOps.Web.Components.Layout;

public static class AppTheme
{
    private static readonly string[] ChineseFonts =
        ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];

    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            AppbarBackground = "#16467d",
            Secondary = "#c0392b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ChineseFonts },
        },
    };
}
