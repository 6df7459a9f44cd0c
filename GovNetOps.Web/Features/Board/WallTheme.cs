using MudBlazor;

namespace GovNetOps.Web.Features.Board;

/// <summary>Dark theme for the projector: a dark room, high contrast, the house's CJK fonts.</summary>
public static class WallTheme
{
    public static readonly MudTheme Dark = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#5dade2",
            Background = "#0b1320",
            Surface = "#111c2e",
            TextPrimary = "#e8eef6",
            TextSecondary = "#9fb3c8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"] },
        },
    };
}
