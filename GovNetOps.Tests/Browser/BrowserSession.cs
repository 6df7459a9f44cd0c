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

    /// <summary>Opens a page and waits until the Blazor circuit handles input (the prerendered
    /// HTML is visible earlier but ignores clicks).</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
