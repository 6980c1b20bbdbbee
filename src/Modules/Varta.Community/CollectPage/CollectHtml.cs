using System.Net;

namespace Varta.Community.CollectPage;

/// <summary>
/// The shell of the offline form page (interviewer and public self-completion): plain HTML, no inline script (the
/// site's CSP forbids it). collect.js reads what to load and where to send from the body's data attributes.
/// </summary>
internal static class CollectHtml
{
    /// <param name="build">The <see cref="CollectBuild"/> hash: the service worker's cache name and the files' version.</param>
    public static string Render(string language, string mode, string formUrl, string postUrl, string outbox, string build)
    {
        static string A(string s) => WebUtility.HtmlEncode(s);
        var title = language == "en" ? "Survey" : "Опитування";
        return $"""
            <!DOCTYPE html>
            <html lang="{A(language)}">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <meta name="referrer" content="same-origin" />
                <title>Varta — {A(title)}</title>
                <link rel="stylesheet" href="/_content/Varta.Community/collect.css?v={A(build)}" />
                <link rel="icon" href="data:," />
            </head>
            <body data-mode="{A(mode)}" data-form-url="{A(formUrl)}" data-post-url="{A(postUrl)}" data-outbox="{A(outbox)}" data-build="{A(build)}">
                <main id="collect" class="collect" aria-live="polite">
                    <p class="muted" data-testid="collect-loading">…</p>
                </main>
                <script src="/_content/Varta.Community/forms.js?v={A(build)}"></script>
                <script src="/_content/Varta.Community/collect.js?v={A(build)}"></script>
            </body>
            </html>
            """;
    }

    /// <summary>The page's language: ?lang=uk|en wins, else the signed-in user's (the request culture).</summary>
    public static string Language(string? query) => query is "en" or "uk" ? query : Platform.Localization.Loc.IsEnglish ? "en" : "uk";
}
