using System.Text;
using Varta.Community.CollectPage;
using Varta.Testing;

namespace Varta.Community.Tests.Collect;

/// <summary>The offline page's build: one hash names the worker's cache and versions the page's files; any changed file changes it.</summary>
public sealed class CollectBuildTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void The_hash_changes_with_any_part_and_with_bytes_moved_between_parts()
    {
        var first = CollectBuild.Of([B("collect"), B("forms"), B("page")]);
        Assert.Matches("^[0-9a-f]{16}$", first);
        Assert.Equal(first, CollectBuild.Of([B("collect"), B("forms"), B("page")]));
        Assert.NotEqual(first, CollectBuild.Of([B("collect"), B("forms2"), B("page")]));
        Assert.NotEqual(first, CollectBuild.Of([B("collectf"), B("orms"), B("page")]));
    }

    [Fact]
    public void The_page_and_the_worker_carry_the_build()
    {
        var build = CollectBuild.Current;
        Assert.Matches("^[0-9a-f]{16}$", build);
        var page = CollectHtml.Render("uk", "collect", "/f", "/p", "o", build);
        Assert.Contains($"data-build=\"{build}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/_content/Varta.Community/collect.js?v={build}", page, StringComparison.Ordinal);
        Assert.Contains($"/_content/Varta.Community/forms.js?v={build}", page, StringComparison.Ordinal);
        var worker = ServiceWorker.Script(build);
        Assert.Contains($"const CACHE = 'varta-collect-{build}';", worker, StringComparison.Ordinal);
        Assert.Contains("caches.delete", worker, StringComparison.Ordinal);
        Assert.DoesNotContain("__", worker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_worker_is_the_current_build_and_not_kept_by_the_HTTP_cache()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/community/collect/sw.js?v=old");
        response.EnsureSuccessStatusCode();
        Assert.Contains($"varta-collect-{CollectBuild.Current}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }
}
