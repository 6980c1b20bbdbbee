using System.Globalization;
using Varta.Custody.Records;

namespace Varta.Custody.Tests;

/// <summary>Change notifications reach each open board as its own viewer, whoever wrote.</summary>
public sealed class CustodyChangesTests
{
    [Fact]
    public async Task A_board_is_told_of_a_change_in_its_own_viewers_language_not_the_writers()
    {
        var changes = new CustodyChanges();
        var facility = Guid.NewGuid();
        var seen = new List<(string Board, string Culture, string UiCulture)>();

        // Two boards open, one in Ukrainian and one in English, each subscribing from its own flow (as a circuit does).
        IDisposable SubscribeAs(string board, string culture) => RunInCulture(culture, () =>
            changes.Subscribe(f => seen.Add((board, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name))));
        using var uk = await Task.Run(() => SubscribeAs("uk-board", "uk"));
        using var en = await Task.Run(() => SubscribeAs("en-board", "en"));

        // An English-speaking writer stores something, then a Ukrainian one.
        await Task.Run(() => RunInCulture("en", () => changes.Notify(facility)));
        await Task.Run(() => RunInCulture("uk", () => changes.Notify(facility)));

        Assert.Equal(
            [("uk-board", "uk", "uk"), ("en-board", "en", "en"), ("uk-board", "uk", "uk"), ("en-board", "en", "en")],
            seen);
    }

    [Fact]
    public async Task The_writers_language_is_untouched_after_telling_the_boards()
    {
        var changes = new CustodyChanges();
        using var board = await Task.Run(() => RunInCulture("uk", () => changes.Subscribe(_ => { })));

        var after = await Task.Run(() => RunInCulture("en", () =>
        {
            changes.Notify(Guid.NewGuid());
            return CultureInfo.CurrentUICulture.Name;
        }));

        Assert.Equal("en", after);
    }

    [Fact]
    public void A_closed_board_is_no_longer_told()
    {
        var changes = new CustodyChanges();
        var calls = 0;
        var board = changes.Subscribe(_ => calls++);
        changes.Notify(Guid.NewGuid());

        board.Dispose();
        changes.Notify(Guid.NewGuid());

        Assert.Equal(1, calls);
    }

    private static void RunInCulture(string culture, Action work) => RunInCulture(culture, () =>
    {
        work();
        return 0;
    });

    private static T RunInCulture<T>(string culture, Func<T> work)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return work();
    }
}
