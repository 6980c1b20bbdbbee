// Console sound and the phone page's press-and-hold, location and service worker. No external code.
let audio;

export function beep(urgent) {
    try {
        audio ??= new AudioContext();
        const tones = urgent ? [880, 660, 880, 660] : [660];
        tones.forEach((f, i) => {
            const osc = audio.createOscillator();
            const gain = audio.createGain();
            osc.frequency.value = f;
            gain.gain.value = 0.2;
            osc.connect(gain).connect(audio.destination);
            osc.start(audio.currentTime + i * 0.25);
            osc.stop(audio.currentTime + i * 0.25 + 0.2);
        });
    } catch { /* no audio available: the console still shows the alarm */ }
}

export function holdButton(element, dotnet, millis, config) {
    let timer = null;
    const start = (e) => {
        if (e.type === 'keydown' && e.key !== ' ' && e.key !== 'Enter') return;
        if (e.repeat || timer) return;
        e.preventDefault();
        element.classList.add('holding');
        timer = setTimeout(() => { timer = null; element.classList.remove('holding'); pressed(dotnet, config); }, millis);
    };
    const stop = () => { if (timer) { clearTimeout(timer); timer = null; } element.classList.remove('holding'); };
    element.addEventListener('pointerdown', start);
    element.addEventListener('keydown', start);
    ['pointerup', 'pointerleave', 'pointercancel', 'keyup', 'blur'].forEach(n => element.addEventListener(n, stop));
    resumeQueued(dotnet, config);
}

// The press goes out as a plain HTTPS request from the browser, not over the page's live connection: it is made
// (key and time) at the press, kept in the outbox until the server answers, and retried until it does.
async function pressed(dotnet, config) {
    const pressedAt = new Date().toISOString();
    const key = newKey();
    show(config, 'unsent');
    const location = document.getElementById('duress-location')?.checked ? await locate() : null;
    const press = {
        key,
        url: config.url,
        body: { idempotencyKey: key, pressedAt, silent: !!document.getElementById('duress-silent')?.checked, location },
    };
    await queue().then(q => q.put(press)).catch(() => { /* no IndexedDB: this page still retries */ });
    requestSync();
    await deliver(dotnet, config, press);
}

async function resumeQueued(dotnet, config) {
    let waiting = [];
    try { waiting = await (await queue()).all(); } catch { return; }
    for (const press of waiting) {
        show(config, 'unsent');
        deliver(dotnet, config, press);
    }
}

const delivering = new Set();

async function deliver(dotnet, config, press) {
    if (delivering.has(press.key)) return;
    delivering.add(press.key);
    try {
        const q = await queue();
        for (let wait = 1000; ; wait = Math.min(wait * 2, 10000)) {
            const result = await q.send(press);
            if (result.state === 'sent') {
                show(config, result.pressedAgain ? 'again' : 'sent');
                try { await dotnet.invokeMethodAsync('Sent', result.alarmId); } catch { /* the page's connection is down: it reads the alarm when it is back */ }
                return;
            }
            if (result.state === 'refused') { show(config, 'refused', result.detail); return; }
            if (result.state === 'signed-out') { show(config, 'signedOut'); return; }
            await new Promise(resolve => {
                const timer = setTimeout(resolve, wait);
                window.addEventListener('online', () => { clearTimeout(timer); resolve(); }, { once: true });
            });
        }
    } finally {
        delivering.delete(press.key);
    }
}

let outbox;
function queue() {
    outbox ??= import('./duress-queue.js').then(() => globalThis.vartaDuress);
    return outbox;
}

function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID().replaceAll('-', '');
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

function requestSync() {
    navigator.serviceWorker?.ready.then(r => r.sync?.register('varta-duress')).catch(() => { });
}

// What the person sees of the delivery, in large type; built from text nodes, never from markup.
function show(config, state, detail) {
    const box = document.getElementById('duress-delivery');
    if (!box) return;
    const t = config.texts;
    box.replaceChildren();
    box.dataset.state = state;
    const line = document.createElement('p');
    if (state === 'sent' || state === 'again') {
        line.textContent = state === 'again' ? t.again : t.sent;
    } else {
        const strong = document.createElement('strong');
        strong.textContent = state === 'refused' ? t.refused : state === 'signedOut' ? t.signedOut : t.unsent;
        line.append(strong, ' — ');
        const call = document.createElement('a');
        call.href = 'tel:102';
        call.textContent = t.call;
        line.append(call);
    }
    box.append(line);
    if (state === 'unsent' || (state === 'refused' && detail)) {
        const more = document.createElement('p');
        more.className = 'muted';
        more.textContent = state === 'unsent' ? t.retrying : detail;
        box.append(more);
    }
}

export function locate() {
    return new Promise(resolve => {
        if (!navigator.geolocation) { resolve(null); return; }
        navigator.geolocation.getCurrentPosition(
            p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
            () => resolve(null),
            { enableHighAccuracy: true, timeout: 5000, maximumAge: 30000 });
    });
}

export function registerWorker() {
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/alarms/duress-sw.js', { scope: '/alarms/' }).catch(() => { });
    }
}
