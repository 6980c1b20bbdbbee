// The duress page's outbox, shared by the page (imported as a module for its side effect) and by its service worker
// (importScripts): presses waiting for the server's answer, kept in IndexedDB so that they survive a closed page.
// A press leaves the outbox only on the server's answer: 202 (stored) or a refusal that sending again cannot change.
(() => {
    const DB = 'varta-duress';
    const STORE = 'presses';

    function open() {
        return new Promise((resolve, reject) => {
            const request = indexedDB.open(DB, 1);
            request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    async function run(mode, action) {
        const db = await open();
        try {
            return await new Promise((resolve, reject) => {
                const tx = db.transaction(STORE, mode);
                const request = action(tx.objectStore(STORE));
                tx.oncomplete = () => resolve(request?.result);
                tx.onerror = () => reject(tx.error);
                tx.onabort = () => reject(tx.error);
            });
        } finally {
            db.close();
        }
    }

    const put = press => run('readwrite', s => s.put(press));
    const remove = key => run('readwrite', s => s.delete(key));
    const all = () => run('readonly', s => s.getAll());

    // One attempt. 'sent' (with the alarm's id), 'refused' (with the server's words), 'signed-out', or 'retry'.
    async function send(press) {
        let response;
        try {
            response = await fetch(press.url, {
                method: 'POST',
                credentials: 'same-origin',
                redirect: 'manual',
                headers: { 'Content-Type': 'application/json', 'X-Varta-Press': '1' },
                body: JSON.stringify(press.body),
            });
        } catch {
            return { state: 'retry' };
        }

        if (response.status === 202) {
            let answer = {};
            try { answer = await response.json(); } catch { /* stored all the same */ }
            await remove(press.key).catch(() => { });
            return { state: 'sent', alarmId: answer.alarmId ?? null, pressedAgain: !!answer.pressedAgain };
        }

        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
            return { state: 'signed-out' }; // kept: it goes once the person signs in again
        }

        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
            let detail = '';
            try { detail = (await response.json()).detail ?? ''; } catch { /* no details */ }
            await remove(press.key).catch(() => { });
            return { state: 'refused', detail };
        }

        return { state: 'retry' };
    }

    // Everything still waiting, once; true when nothing is left to retry.
    async function flush() {
        let done = true;
        for (const press of await all()) {
            const result = await send(press);
            if (result.state === 'retry') done = false;
        }
        return done;
    }

    globalThis.vartaDuress = { put, remove, all, send, flush };
})();
