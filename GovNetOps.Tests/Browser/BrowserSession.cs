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

    /// <summary>Signs out as a person does: once the page handles input, the app bar's sign-out (the text button on a
    /// wide screen, the icon on a phone), then waits for the sign-in page. Clearing the cookies instead raced the page
    /// still starting its circuit: the circuit came up anonymous, its redirect to the sign-in page aborted the test's own
    /// navigation there (net::ERR_ABORTED, seen once in CI).</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await WaitInteractiveAsync(page);
        await page.Locator("form.app-sign-out button:visible").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>On the intake form: finds the site by what a person types (its pinyin initials), clicks it, and waits until
    /// the picker shows it taken, as a person sees before typing on (keys typed while the choice is still being applied
    /// can be lost).</summary>
    public static async Task PickSiteAsync(IPage page, string typed, string siteName)
    {
        var site = page.Locator("input[data-testid=site]");
        await site.ClickAsync();
        await site.PressSequentiallyAsync(typed);
        await page.GetByText(siteName).First.ClickAsync();
        await Assertions.Expect(site).ToHaveValueAsync(siteName);
    }

    /// <summary>Opens a page and waits until the Blazor circuit handles input (the prerendered
    /// HTML is visible earlier but ignores clicks).</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Gives a Blazor <c>InputFile</c> a file, as a person's file chooser does, once the component listens:
    /// InputFile attaches its change listener by JS interop after its first render, so a file set before that (the
    /// circuit already interactive, the page under load) was lost and the page never heard of it (seen in fresh-ci).
    /// The listener's mark is Blazor's own <c>_blazorInputFileNextFileId</c> on the element.</summary>
    public static async Task SetFileAsync(ILocator input, FilePayload file)
    {
        var element = await input.ElementHandleAsync();
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", element, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await input.SetInputFilesAsync(file);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
