// Console sound and the phone page's press-and-hold, location and service worker. No external code.
let audio;

export function beep(urgent) {
    if (urgent) tone([880, 660, 880, 660], 0.2, 0.25);
    else tone([660], 0.2, 0.25);
}

// The console's alarm sound: a pattern every few seconds while any alarm is unacknowledged — duress and panic a fast
// high-low, others one long tone — and the tab title flashing with their count. Stops when none is left.
let ringing = null;
let sounding = { urgent: 0, other: 0, enabled: true, title: '' };
let flashing = null;
let plainTitle = null;

export function alarmSound(state) {
    sounding = state;
    const active = state.urgent + state.other > 0;
    if (active && state.enabled && !ringing) {
        ring();
        ringing = setInterval(ring, 4000);
    } else if ((!active || !state.enabled) && ringing) {
        clearInterval(ringing);
        ringing = null;
    }
    if (active && !flashing) {
        plainTitle = document.title;
        let on = false;
        flashing = setInterval(() => {
            on = !on;
            document.title = on ? `(${sounding.urgent + sounding.other}) ${sounding.title}` : plainTitle;
        }, 1000);
    } else if (!active && flashing) {
        clearInterval(flashing);
        flashing = null;
        document.title = plainTitle ?? document.title;
    }
    window.__vartaAlarmSound = { ringing: !!ringing, ...state };
}

function ring() {
    if (sounding.urgent > 0) tone([880, 660, 880, 660], 0.2, 0.25);
    else tone([520], 0.7, 0.8);
}

function tone(frequencies, length, step) {
    try {
        audio ??= new AudioContext();
        frequencies.forEach((f, i) => {
            const osc = audio.createOscillator();
            const gain = audio.createGain();
            osc.frequency.value = f;
            gain.gain.value = 0.2;
            osc.connect(gain).connect(audio.destination);
            osc.start(audio.currentTime + i * step);
            osc.stop(audio.currentTime + i * step + length);
        });
    } catch { /* no audio available: the page says so (soundBlocked) */ }
}

// True when the browser will not play sound yet (no audio, or its autoplay policy holds it until a click).
export function soundBlocked() {
    try {
        audio ??= new AudioContext();
        return audio.state !== 'running';
    } catch {
        return true;
    }
}

export async function unlockSound() {
    try {
        audio ??= new AudioContext();
        await audio.resume();
        return audio.state === 'running';
    } catch {
        return false;
    }
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
    const press = {
        key,
        url: config.url,
        body: { idempotencyKey: key, pressedAt, silent: !!document.getElementById('duress-silent')?.checked, location: null },
    };
    // In the outbox before anything else: if the page is closed while the phone looks for its position, the press is
    // still there to be sent the next time the button is opened.
    const save = () => queue().then(q => q.put(press)).catch(() => { /* no IndexedDB: this page still retries */ });
    await save();
    if (document.getElementById('duress-location')?.checked) {
        press.body.location = await locate();
        await save();
    }
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
            // The network may come back while an attempt is failing; then the next one goes at once, not after the wait.
            let back = false;
            const onBack = () => { back = true; };
            window.addEventListener('online', onBack);
            let result;
            try {
                result = await q.send(press);
            } finally {
                window.removeEventListener('online', onBack);
            }
            if (result.state === 'sent') {
                show(config, result.pressedAgain ? 'again' : 'sent');
                try { await dotnet.invokeMethodAsync('Sent', result.alarmId); } catch { /* the page's connection is down: it reads the alarm when it is back */ }
                return;
            }
            if (result.state === 'refused') { show(config, 'refused', result.detail); return; }
            if (result.state === 'signed-out') { show(config, 'signedOut'); return; }
            if (back) continue;
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
            { enableHighAccuracy: true, timeout: 3000, maximumAge: 30000 });
    });
}

export function registerWorker() {
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/alarms/duress-sw.js', { scope: '/alarms/' }).catch(() => { });
    }
}

// Moves the keyboard to an action on one alarm's card (after acknowledging, to dispatching; after opening the
// responder form, into it), so that a dispatcher working by keyboard never has to find their place again.
export function focusAction(alarmId, action) {
    const card = document.querySelector(`[data-alarm="${CSS.escape(alarmId)}"]`);
    const target = card?.querySelector(`[data-testid="${CSS.escape(action)}"]`);
    const focusable = target && target.matches('fieldset') ? target.querySelector('input, button, select') : target;
    focusable?.focus();
}
