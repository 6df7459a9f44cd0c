using System.Globalization;
using System.Text.RegularExpressions;
using GovNetOps.Tests.Integration.Cluster;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>Two app processes on one real PostgreSQL database, in Chromium: the leader's board on instance B shows a
/// fault Ops reports through the intake form on instance A within a second of the submit.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Provider", "OwnPostgreSql")]
public sealed partial class ClusterBoardFacts(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    /// <summary>The first instant each board row is in the page, by the page's clock (the machine's, as the ops page's is).</summary>
    private const string ObserveRows = """
        () => {
            window.__rowSeen = {};
            const note = () => {
                for (const row of document.querySelectorAll('[data-testid=board-row]')) {
                    const number = row.getAttribute('data-number');
                    if (!(number in window.__rowSeen)) { window.__rowSeen[number] = Date.now(); }
                }
            };
            note();
            new MutationObserver(note).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-number'] });
        }
        """;

    /// <summary>The instant of the click on 提交 (kept across a navigation), and the instant the ticket page shows its number.</summary>
    private const string ObserveSubmit = """
        () => {
            sessionStorage.removeItem('submittedAt');
            window.__numberShownAt = null;
            document.addEventListener('click', e => {
                if (e.target.closest('[data-testid=submit]') && !sessionStorage.getItem('submittedAt')) {
                    sessionStorage.setItem('submittedAt', String(Date.now()));
                }
            }, { capture: true });
            new MutationObserver(() => {
                if (window.__numberShownAt === null && document.querySelector('[data-testid=ticket-number]')) { window.__numberShownAt = Date.now(); }
            }).observe(document.body, { childList: true, subtree: true });
        }
        """;

    [Fact]
    public async Task Board_OnInstanceB_ShowsAFaultReportedOnInstanceA_WithinOneSecondOfTheSubmit()
    {
        var database = TestPostgres.NewDatabase("board");
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = database,
        };
        // A creates, migrates and seeds the database; B finds it done. Each answers /health only once it listens.
        await using var a = await AppProcess.StartAsync(Path.Combine(_folder, "a.db"), settings);
        await using var b = await AppProcess.StartAsync(Path.Combine(_folder, "b.db"), settings);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchChromiumAsync(playwright);

        var board = await BrowserApp.NewPageAsync(browser, b.Address);
        await BrowserSession.SignInAsync(board, "leader", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(board, "/board");
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();
        await board.EvaluateAsync(ObserveRows);

        var ops = await BrowserApp.NewPageAsync(browser, a.Address);
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);

        // The first report warms both processes up (the intake's first commit, B's first reads and board rebuild), as
        // instances that have been running are; the second is the one held to the second.
        var warmUp = await ReportAndWatchAsync(ops, board, "政府大院光纤中断，政务外网全部不通");
        output.WriteLine($"warm-up report {warmUp.Number}: {await DescribeAsync(warmUp, database)}");
        var measured = await ReportAndWatchAsync(ops, board, "县政府机房交换机掉电，视频会议中断");
        output.WriteLine($"measured report {measured.Number}: {await DescribeAsync(measured, database)}");

        var row = board.Locator($"[data-testid=board-row][data-number='{measured.Number}']");
        await Expect(row.Locator(".board-site")).ToHaveAttributeAsync("title", "城关镇人民政府");
        Directory.CreateDirectory(Path.Combine(TestPaths.Artifacts("screenshots"), "17"));
        await BrowserApp.ScreenshotAsync(board, "17/cluster-board-on-b");
        await BrowserApp.ScreenshotAsync(ops, "17/cluster-reported-on-a");

        Assert.True(measured.OnBoardB < 1000, $"the row appeared on B's board {measured.OnBoardB:F0} ms after the click on 提交 on A");
    }

    /// <summary>The figures from the click, and B's row from the instant A's handler stamped the report (its LoggedAt,
    /// taken just before its transaction: the commit lies between the two).</summary>
    private static async Task<string> DescribeAsync(Report r, string database)
    {
        await using var db = TestDatabase.Open("Data Source=unused", database);
        var logged = await db.FaultTickets.Where(t => t.Number == r.Number).Select(t => t.LoggedAt).SingleAsync();
        var fromLogged = r.SeenOnBoardB - logged.ToUnixTimeMilliseconds();
        return string.Create(CultureInfo.InvariantCulture,
            $"A shows the ticket page {r.OnTicketPageA:F0} ms, B's board the row {r.OnBoardB:F0} ms after the click on 提交 ({fromLogged:F0} ms after A's handler stamped the report)");
    }

    /// <summary>Ops reports a township fault as a person does (site by its pinyin initials, the rest typed, then 提交);
    /// returns the number and, from the click, when A showed the ticket page and when B's board showed the row.</summary>
    private static async Task<Report> ReportAndWatchAsync(IPage ops, IPage board, string symptoms)
    {
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        await BrowserSession.PickSiteAsync(ops, "cgz", "城关镇人民政府");
        await ops.GetByTestId("symptoms").PressSequentiallyAsync(symptoms);
        await ops.GetByTestId("reporter-name").PressSequentiallyAsync("王建军");
        await ops.GetByTestId("reporter-mobile").PressSequentiallyAsync("13937700123");
        await ops.EvaluateAsync(ObserveSubmit);
        await ops.GetByTestId("submit").ClickAsync();

        await Expect(ops).ToHaveURLAsync(TicketUrl());
        var number = await ops.GetByTestId("ticket-number").InnerTextAsync();
        await Expect(board.Locator($"[data-testid=board-row][data-number='{number}']")).ToBeVisibleAsync();
        var clicked = await ops.EvaluateAsync<double>("() => Number(sessionStorage.getItem('submittedAt'))");
        var shown = await ops.EvaluateAsync<double?>("() => window.__numberShownAt");
        var seen = await board.EvaluateAsync<double>($"() => window.__rowSeen['{number}']");
        Assert.True(clicked > 0, "the click on 提交 was not seen");
        return new Report(number, shown is { } s ? s - clicked : double.NaN, seen - clicked, seen);
    }

    private sealed record Report(string Number, double OnTicketPageA, double OnBoardB, double SeenOnBoardB);

    [GeneratedRegex(@"/tickets/GZ-\d{8}-\d{4}(\?new=1)?$")]
    private static partial Regex TicketUrl();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
