using System.Text.Json;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Browser;

/// <summary>What every page of the questionnaire must pass in the browser: axe-core's WCAG 2.1 AA rules; and a screenshot to look at.</summary>
public static class PageChecks
{
    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    private static readonly string AxeScript = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Runs axe-core in the page (the context must bypass CSP to inject it) and fails with each violation's id and targets.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        if (!File.Exists(AxeScript)) Assert.Fail($"axe-core is missing at {AxeScript}: run npm ci in the repository.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        var list = violations.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}): " +
                         string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
        Assert.True(list.Count == 0, $"WCAG 2.1 AA violations on the '{state}' page:\n" + string.Join("\n", list));
    }

    /// <summary>What the phone's screen shows (<c>NAME.png</c>) and the whole page (<c>NAME-full.png</c>).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + "-full.png"), FullPage = true });
    }

    /// <summary>Both checks: accessible, and a phone-size screenshot kept under TestResults/screenshots.</summary>
    public static async Task CheckAsync(IPage page, string state)
    {
        await AssertAccessibleAsync(page, state);
        await ScreenshotAsync(page, state);
    }

    /// <summary>
    /// A portal page at phone width (320 px) and at desktop width: accessible at both, no sideways scrolling at 320 px
    /// (naming the widest elements when it does), a screenshot of each; the page is left at 320 × 740.
    /// </summary>
    public static async Task CheckPhoneAndDesktopAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page, name);
        await ScreenshotAsync(page, name + "-phone");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (scrollWidth > 320)
        {
            var wide = await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.Fail($"'{name}' scrolls sideways at 320 px ({scrollWidth}px): {string.Join(", ", wide)}");
        }
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessibleAsync(page, name + " (desktop)");
        await ScreenshotAsync(page, name + "-desktop");
        await page.SetViewportSizeAsync(320, 740);
    }
}
