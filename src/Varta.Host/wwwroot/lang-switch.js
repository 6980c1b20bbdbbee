// The language links take the page the person is on at the moment of the click. Their rendered href can lag an in-app
// navigation by one render of the layout, and the Referer cannot stand in: Blazor's router puts the link's own address
// in the address bar before it leaves for it. A listener in the capture phase runs before the router reads the link.
// (An inline onclick would do the same, but the Content-Security-Policy refuses inline script, rightly.)
document.addEventListener('click', function (e) {
    var link = e.target instanceof Element ? e.target.closest('nav.lang a[data-culture]') : null;
    if (link) {
        link.href = '/culture?c=' + encodeURIComponent(link.dataset.culture) + '&redirect=' + encodeURIComponent(location.pathname + location.search);
    }
}, true);
