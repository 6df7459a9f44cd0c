using Microsoft.Playwright;

namespace GovNetOps.Tests.Browser;

internal static class BrowserSession
{
    /// <summary>Fills the real sign-in form and submits it with the keyboard.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
