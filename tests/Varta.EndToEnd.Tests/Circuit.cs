using Microsoft.Playwright;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Knowing when a page has become interactive. Pages are prerendered, then Blazor opens a circuit and
/// replaces the prerendered markup with live markup; a click or keystroke before that is lost. Nothing in
/// the DOM tells the two apart, so a script watches the circuit's socket and notes when the server has
/// finished attaching the page's root components (after their first render batches).
/// </summary>
internal static class Circuit
{
    private const string Watcher = """
        (() => {
            if (window.__vartaCircuit) return;
            window.__vartaCircuit = { ready: false };
            const Native = window.WebSocket;
            const decoder = new TextDecoder('latin1');
            window.WebSocket = class extends Native {
                constructor(...args) {
                    super(...args);
                    this.addEventListener('message', e => {
                        if (window.__vartaCircuit.ready) return;
                        const text = typeof e.data === 'string' ? e.data : decoder.decode(e.data);
                        if (text.includes('JS.EndUpdateRootComponents')) window.__vartaCircuit.ready = true;
                    });
                }
            };
        })();
        """;

    /// <summary>A fresh browser whose pages report their circuit; optionally with a fixed location.</summary>
    public static async Task<IPage> NewPageAsync(BrowserSite site, int width = 1280, int height = 800, Geolocation? location = null, string locale = "uk-UA")
    {
        var page = await site.NewPageAsync(width, height, locale);

        await page.Context.AddInitScriptAsync(Watcher);
        if (location is not null)
        {
            await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = site.Factory.BaseAddress.GetLeftPart(UriPartial.Authority) });
            await page.Context.SetGeolocationAsync(location);
        }

        return page;
    }

    /// <summary>Loads a page and waits until it answers clicks and keys.</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitAsync(page);
    }

    public static async Task WaitAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => window.__vartaCircuit?.ready === true", null, new() { Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url} never became interactive (no Blazor circuit finished starting).", e);
        }
    }
}
