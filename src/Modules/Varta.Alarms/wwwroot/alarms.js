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

export function holdButton(element, dotnet, millis) {
    let timer = null;
    const start = (e) => {
        if (e.type === 'keydown' && e.key !== ' ' && e.key !== 'Enter') return;
        if (e.repeat || timer) return;
        e.preventDefault();
        element.classList.add('holding');
        timer = setTimeout(() => { timer = null; element.classList.remove('holding'); dotnet.invokeMethodAsync('Held'); }, millis);
    };
    const stop = () => { if (timer) { clearTimeout(timer); timer = null; } element.classList.remove('holding'); };
    element.addEventListener('pointerdown', start);
    element.addEventListener('keydown', start);
    ['pointerup', 'pointerleave', 'pointercancel', 'keyup', 'blur'].forEach(n => element.addEventListener(n, stop));
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
