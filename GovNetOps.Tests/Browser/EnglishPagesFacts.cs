using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>The English switch in Chromium: every page each demo role can open shows no Chinese UI text. Data
/// (site, carrier and people's names, symptoms, reasons, stored notification texts) is marked in the markup with
/// <c>data-text</c> and is Chinese on purpose; so is the language switch, which names 中文 in Chinese. On an app of its
/// own: it reports a ticket, so the timeline, the escalation log and the notifications have something to show.</summary>
public sealed class EnglishPagesFacts(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Visible text nodes, document title and the visible labels a reader meets (title, aria-label, placeholder),
    // outside any element marked data-text.
    private const string FindChinese = """
        () => {
          const cjk = /[\u3400-\u9fff]/;
          const found = [];
          if (cjk.test(document.title)) found.push('<title> ' + document.title);
          const outsideData = el => el && !el.closest('[data-text], script, style, noscript, template');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            const text = node.textContent.trim();
            if (cjk.test(text) && outsideData(el) && el.checkVisibility({ visibilityProperty: true })) found.push(text);
          }
          for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder]')) {
            if (!outsideData(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
            for (const name of ['title', 'aria-label', 'placeholder']) {
              const value = el.getAttribute(name);
              if (value && cjk.test(value)) found.push(`[${name}] ${value}`);
            }
          }
          return [...new Set(found)];
        }
        """;

    // What shows that a page has its data, beyond the prerendered frame. (Also used by LayoutFacts.)
    internal static readonly Dictionary<string, string> ReadyWhen = new()
    {
        ["/board"] = "[data-testid=board-row]",
        ["/board/wall"] = "[data-testid=board-row]",
        ["/tickets"] = "[data-testid=ticket-link]",
        ["/carrier"] = "[data-testid=queue] tbody tr, [data-testid=queue-empty]",
        ["/escalations"] = "[data-testid=escalation-log] tbody tr",
        ["/notifications"] = "[data-testid=notification], .mud-alert",
        ["/admin"] = "[data-testid=admin-tiles]",
        ["/admin/sites"] = "[data-testid=sites] tbody tr",
        ["/admin/carriers"] = "[data-testid=carriers] tbody tr",
        ["/admin/changes"] = "[data-testid=change-filter]",
        ["/tickets/new"] = "[data-testid=intake-form]",
        ["/admin/audit"] = "[data-testid=verify]",
        ["/calendar"] = "[data-testid=calendar-grid] [data-date]",
        ["/policy"] = "[data-testid=interpretations] li",
        ["/admin/users"] = "[data-testid=users] tbody tr",
        ["/maintenance"] = "[data-testid=notice-link], [data-testid=notices-empty]",
        ["/maintenance/new"] = "[data-testid=notice-submit]",
        ["/admin/contacts"] = "[data-testid=contacts] tbody tr",
    };

    [Fact]
    public async Task EveryPage_InEnglish_ShowsNoChineseUiText()
    {
        var driver = new TicketDriver(app.Factory.Services);
        var site = await driver.SiteAsync(LocationClass.Township, carrierId: 1);
        // Reported 50 minutes ago: the reminder and the warning fire, so the log, the bell and the timeline have entries.
        var (id, number) = await driver.ReportAsync(site, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(50));
        await TicketDriver.EventuallyAsync(() => driver.RecordsAsync(id), r => r.Count >= 2, TimeSpan.FromSeconds(30), "the escalations of " + number);
        await driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);
        await driver.ApplyAsync(id, "telecom", TicketTrigger.PostProgress, "工程师已到现场，正在排查光缆");
        var findings = new List<string>();

        var anonymous = await NewEnglishPageAsync();
        await CheckAsync(anonymous, "anonymous", "/account/login", findings);
        await anonymous.Context.CloseAsync();

        foreach (var user in new[] { "leader", "ops", "telecom", "unicom", "admin", "secadmin", "auditor" })
        {
            var page = await NewEnglishPageAsync();
            await BrowserSession.SignInAsync(page, user, DemoData.Password);
            await Expect(page.GetByTestId("nav")).ToBeVisibleAsync();
            var pages = (await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('data-nav'))"))
                .Where(href => href != "/hangfire") // Hangfire's own dashboard, not this app's UI
                .Append("/notifications").ToList();
            if (pages.Contains("/board"))
            {
                pages.Add("/board/wall");
            }

            if (user is "leader" or "ops" or "telecom")
            {
                pages.Add($"/tickets/{number}");
            }

            if (user == "unicom")
            {
                pages.AddRange(["/admin", "/not-found"]); // refused: the access-denied page; and a missing page
            }

            foreach (var path in pages.Distinct())
            {
                await CheckAsync(page, user, path, findings);
            }

            if (user == "ops")
            {
                // The intake form's own messages: submit it empty.
                await BrowserSession.GotoInteractiveAsync(page, "/tickets/new");
                await page.GetByTestId("submit").ClickAsync();
                await Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync();
                await CollectAsync(page, "ops", "/tickets/new (submitted empty)", findings);
            }
            if (user == "telecom")
            {
                // An action's reason prompt.
                await BrowserSession.GotoInteractiveAsync(page, $"/tickets/{number}");
                await page.Locator("[data-action=MarkRepaired]").ClickAsync();
                await Expect(page.GetByTestId("action-reason")).ToBeVisibleAsync();
                await CollectAsync(page, "telecom", $"/tickets/{number} (mark repaired prompt)", findings);
                await BrowserApp.ScreenshotAsync(page, "en-telecom-ticket-prompt");
            }
            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, "Chinese UI text on English pages:\n" + string.Join("\n", findings));
    }

    private async Task<IPage> NewEnglishPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/culture?name=en&redirect=/account/login");
        return page;
    }

    private static async Task CheckAsync(IPage page, string user, string path, List<string> findings)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (!path.StartsWith("/account/", StringComparison.Ordinal) && path != "/board/wall" && !page.Url.Contains("/account/", StringComparison.Ordinal))
        {
            await BrowserSession.WaitInteractiveAsync(page);
        }

        if (new Uri(page.Url).AbsolutePath == path && ReadyWhen.TryGetValue(path, out var selector))
        {
            await page.Locator(selector).First.WaitForAsync();
        }

        if (path.StartsWith("/tickets/GZ-", StringComparison.Ordinal))
        {
            await page.GetByTestId("timeline").WaitForAsync();
        }

        await CollectAsync(page, user, path, findings);
        var name = path.Trim('/').Replace('/', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TestPaths.Artifacts("screenshots"), $"en-{user}-{(name.Length == 0 ? "root" : name)}.png"),
        });
    }

    private static async Task CollectAsync(IPage page, string user, string what, List<string> findings)
    {
        var chinese = await page.EvaluateAsync<string[]>(FindChinese);
        var url = new Uri(page.Url).PathAndQuery;
        findings.AddRange(chinese.Select(text => $"{what} as {user} (at {url}): \"{text}\""));
    }
}
