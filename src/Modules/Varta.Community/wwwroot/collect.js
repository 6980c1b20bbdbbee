/*
 * Varta survey form page: the interviewer's offline page (/community/collect/{id}) and the public self-completion
 * page (/community/s/{token}). Plain ES2020, no dependencies but forms.js (window.VartaForms), no inline script.
 *
 * What it does:
 * - loads the form ({title, territoryCode, hromadas, form, consentUk, consentEn}) and keeps a copy in localStorage, so
 *   a reload without a connection still shows it (the service worker of /community/collect/ serves the page itself);
 * - shows every question in a scrolling list; skip logic (relevant) is evaluated live with forms.js: a question not
 *   asked is hidden and its answer cleared; a constraint broken is said beside its question as soon as it is answered;
 * - on "save" the whole response is checked with forms.js; a complete response gets a client id and goes into an
 *   outbox in localStorage first, then is sent. A response the server answers 200 (stored or already stored) leaves the
 *   outbox; without a connection (or a passing server error) it waits, and is sent again on the browser's 'online'
 *   event, at start and with the "send now" button.
 * - a response the server refuses (400, 403, 404, 409: a rule of the server's, the survey closed...) is marked refused
 *   with the server's words. It is not sent again by itself: the interviewer opens it again in the form (its answers
 *   filled back, the server's words beside the questions), corrects it and saves, and it goes out again with the SAME
 *   client id (a resend is stored once); or discards it after a plain-language question. A waiting response has no
 *   discard button: it cannot be lost by a slip.
 * - the status strip says how many responses wait and how many were refused.
 * - the service worker's cache is named after the build (data-build, a hash the server computes of this script,
 *   forms.js, the style sheet and the page), so an update never leaves a device with an old page or rules.
 * - in "public" mode the consent text comes first and no question shows before "I agree".
 */
(function () {
  'use strict';

  const body = document.body;
  const mode = body.dataset.mode || 'collect';
  const formUrl = body.dataset.formUrl;
  const postUrl = body.dataset.postUrl;
  const storeKey = body.dataset.outbox || 'varta.collect';
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' || params.get('lang') === 'uk' ? params.get('lang') : (document.documentElement.lang === 'en' ? 'en' : 'uk');
  document.documentElement.lang = lang;
  const main = document.getElementById('collect');

  const TEXTS = {
    uk: {
      loading: 'Завантаження…',
      noForm: 'Форму не вдалося завантажити, а збереженої копії немає. Під’єднайтеся до мережі й оновіть сторінку.',
      hromada: 'Громада, де живе респондент',
      hromadaPublic: 'Громада, де ви живете',
      pick: '— оберіть —',
      save: 'Зберегти відповідь',
      saved: 'Відповідь збережено на пристрої.',
      fix: 'Виправте позначені відповіді.',
      waiting: (n) => `Очікують надсилання: ${n}`,
      allSent: 'Усі відповіді надіслано.',
      sentNow: (n) => `Надіслано з цієї сторінки: ${n}`,
      retry: 'Надіслати зараз',
      online: 'Зв’язок є',
      offline: 'Без зв’язку: відповіді зберігаються на пристрої',
      signIn: 'Сеанс завершився: увійдіть знову в іншій вкладці, потім натисніть «Надіслати зараз».',
      refused: 'Сервер не прийняв відповідь',
      refusedCount: (n) => `Не прийнято сервером: ${n}`,
      noneWaiting: 'Надсилання не очікує жодна відповідь.',
      serverError: 'Сервер тимчасово не відповідає; відповідь надішлеться пізніше.',
      open: 'Відкрити й виправити',
      discard: 'Видалити',
      discardQuestion: 'Видалити цю відповідь з пристрою? Сервер її не прийняв; її не буде надіслано, і відновити її не можна.',
      discardYes: 'Так, видалити',
      discardNo: 'Ні, залишити',
      discarded: 'Відповідь видалено з пристрою.',
      correcting: 'Ви виправляєте відповідь, яку сервер не прийняв. Після збереження її буде надіслано знову.',
      cancelCorrection: 'Скасувати виправлення',
      resaved: 'Виправлену відповідь збережено й надіслано знову.',
      response: (n) => `Відповідь ${n}`,
      consentTitle: 'Згода на участь',
      agree: 'Я погоджуюся',
      thanks: 'Дякуємо! Вашу відповідь надіслано.',
      another: 'Нова відповідь',
      required: 'Відповідь обов’язкова.',
      notOpen: 'Опитування не відкрите.',
      fromCache: 'Форму показано зі збереженої копії.',
    },
    en: {
      loading: 'Loading…',
      noForm: 'The form could not be loaded and no copy is kept. Connect to the network and reload the page.',
      hromada: 'The hromada where the respondent lives',
      hromadaPublic: 'The hromada where you live',
      pick: '— choose —',
      save: 'Save the response',
      saved: 'The response is saved on this device.',
      fix: 'Correct the marked answers.',
      waiting: (n) => `${n} ${n === 1 ? 'response' : 'responses'} waiting to be sent`,
      allSent: 'All responses are sent.',
      sentNow: (n) => `Sent from this page: ${n}`,
      retry: 'Send now',
      online: 'Online',
      offline: 'Offline: responses are kept on this device',
      signIn: 'The session ended: sign in again in another tab, then press "Send now".',
      refused: 'The server refused the response',
      refusedCount: (n) => `Refused by the server: ${n}`,
      noneWaiting: 'No response is waiting to be sent.',
      serverError: 'The server is not answering for now; the response will be sent later.',
      open: 'Open and correct',
      discard: 'Delete',
      discardQuestion: 'Delete this response from the device? The server refused it; it will not be sent and cannot be brought back.',
      discardYes: 'Yes, delete it',
      discardNo: 'No, keep it',
      discarded: 'The response is deleted from this device.',
      correcting: 'You are correcting a response the server refused. Once saved it is sent again.',
      cancelCorrection: 'Cancel the correction',
      resaved: 'The corrected response is saved and sent again.',
      response: (n) => `Response ${n}`,
      consentTitle: 'Consent to take part',
      agree: 'I agree',
      thanks: 'Thank you! Your response is sent.',
      another: 'Another response',
      required: 'An answer is required.',
      notOpen: 'The survey is not open.',
      fromCache: 'The form is shown from the copy kept on this device.',
    },
  };
  const T = TEXTS[lang];

  // ------------------------------------------------------------------ small helpers

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'text') { e.textContent = v; } else { e.setAttribute(k, v === true ? '' : v); }
    });
    children.flat().forEach((c) => { if (c !== null && c !== undefined) { e.append(c); } });
    return e;
  }

  /** A form text ({"Ukrainian (uk)": ..., "English (en)": ..., "": ...}) in the page's language. */
  function text(localized) {
    if (!localized || typeof localized !== 'object') { return typeof localized === 'string' ? localized : ''; }
    const keys = Object.keys(localized);
    const own = keys.find((k) => k.toLowerCase().endsWith(`(${lang})`)) ?? keys.find((k) => k === lang);
    if (own !== undefined && localized[own]) { return localized[own]; }
    if (localized[''] !== undefined && localized['']) { return localized['']; }
    const any = keys.find((k) => localized[k]);
    return any === undefined ? '' : localized[any];
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') { return window.crypto.randomUUID(); }
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function readJson(key, fallback) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }

  // ------------------------------------------------------------------ outbox

  const outboxKey = `${storeKey}.outbox`;
  let outbox = readJson(outboxKey, []);
  let sentHere = 0;
  let flushing = false;

  function saveOutbox() { localStorage.setItem(outboxKey, JSON.stringify(outbox)); }

  /** A field the server named ("answers.q", "territory") as the interviewer knows it: the question's label, else its name. */
  function fieldName(field) {
    if (field === 'territory') { return T.hromada; }
    const name = field.replace(/^answers\./, '');
    const q = data && data.form ? allQuestions(data.form.questions, []).find((x) => x.name === name) : null;
    return (q && text(q.label)) || name;
  }

  /** A problem answer as one line: the field errors ("answers.q": [...]) or its title. */
  function describeProblem(problem) {
    if (problem && problem.errors) {
      return Object.entries(problem.errors).map(([field, messages]) => `${fieldName(field)}: ${[].concat(messages).join(' ')}`).join(' · ');
    }
    return (problem && (problem.detail || problem.title)) || '';
  }

  async function sendOne(item) {
    let response;
    try {
      response = await fetch(postUrl, {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/json', 'X-Varta-Collect': '1' },
        body: JSON.stringify({ clientId: item.clientId, territory: item.territory, answers: item.answers }),
      });
    } catch (e) {
      return 'offline';
    }
    if (response.ok) { return 'stored'; }
    if (response.type === 'opaqueredirect' || response.status === 0 || response.status === 401) {
      item.error = T.signIn;
      return 'kept';
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      // Not a refusal: the server could not take it now; it waits like an offline one.
      item.error = T.serverError;
      return 'kept';
    }
    let problem = null;
    try { problem = await response.json(); } catch (e) { problem = null; }
    item.refused = true;
    item.problems = problem && problem.errors ? problem.errors : null;
    item.error = `${T.refused} (${response.status}): ${describeProblem(problem) || (response.status === 409 ? T.notOpen : '')}`;
    return 'kept';
  }

  const waitingItems = () => outbox.filter((x) => !x.refused);
  const refusedItems = () => outbox.filter((x) => x.refused);

  /** Sends what waits; refused responses only when asked with the button (`all`), and never the one being corrected. */
  async function flush(all) {
    if (flushing) { return; }
    flushing = true;
    try {
      for (const item of outbox.filter((x) => (all || !x.refused) && x.clientId !== correcting)) {
        const result = await sendOne(item);
        if (result === 'offline') { break; }
        if (result === 'stored') {
          outbox = outbox.filter((x) => x.clientId !== item.clientId);
          sentHere++;
        }
        saveOutbox();
      }
    } finally {
      flushing = false;
      renderStatus();
    }
  }

  // ------------------------------------------------------------------ status strip

  const status = el('section', { class: 'collect-status', 'data-testid': 'collect-status', role: 'status' });
  let confirming = null; // the client id whose deletion is being asked about

  function renderStatus() {
    const waiting = waitingItems();
    const refused = refusedItems();
    status.replaceChildren(...[
      el('p', { class: navigator.onLine ? 'net on' : 'net off', 'data-testid': 'net-status', text: navigator.onLine ? T.online : T.offline }),
      el('p', { class: waiting.length > 0 ? 'outbox waiting' : 'outbox', 'data-testid': 'outbox-count',
        text: waiting.length > 0 ? T.waiting(waiting.length) : (refused.length > 0 ? T.noneWaiting : T.allSent) }),
      refused.length > 0 ? el('p', { class: 'outbox refused', 'data-testid': 'refused-count', text: T.refusedCount(refused.length) }) : null,
      sentHere > 0 ? el('p', { class: 'muted', 'data-testid': 'sent-count', text: T.sentNow(sentHere) }) : null,
      waiting.some((x) => x.error) ? el('ul', { class: 'outbox-errors', 'data-testid': 'outbox-errors' },
        waiting.filter((x) => x.error).map((x) => el('li', { class: 'error', text: `${x.clientId.slice(0, 8)} — ${x.error}` }))) : null,
      refused.length > 0 ? el('ul', { class: 'outbox-refused', 'data-testid': 'outbox-refused' }, refused.map(refusedEntry)) : null,
      outbox.length > 0 ? retryButton() : null].filter((c) => c !== null));
  }

  /** One refused response: what the server said, and "open and correct" / "delete" (the latter asks first). */
  function refusedEntry(item) {
    const number = outbox.indexOf(item) + 1;
    const li = el('li', { class: 'refused-item', 'data-client-id': item.clientId, 'data-testid': 'refused-item' },
      el('p', { class: 'refused-title', text: `${T.response(number)} · ${item.clientId.slice(0, 8)}` }),
      el('p', { class: 'error', text: item.error || T.refused }));
    if (item.clientId === correcting) { return li; }
    if (confirming === item.clientId) {
      const yes = el('button', { type: 'button', class: 'danger', 'data-action': 'discard-yes', text: T.discardYes });
      const no = el('button', { type: 'button', class: 'secondary', 'data-action': 'discard-no', text: T.discardNo });
      yes.addEventListener('click', () => discard(item.clientId));
      no.addEventListener('click', () => { confirming = null; renderStatus(); });
      li.append(el('div', { class: 'confirm', role: 'alertdialog', 'aria-label': T.discard, 'data-testid': 'discard-confirm' },
        el('p', { text: T.discardQuestion }), el('div', { class: 'buttons' }, yes, no)));
      return li;
    }
    const open = el('button', { type: 'button', class: 'secondary', 'data-action': 'open', text: T.open });
    const drop = el('button', { type: 'button', class: 'secondary danger-text', 'data-action': 'discard', text: T.discard });
    open.addEventListener('click', () => openRefused(item.clientId));
    drop.addEventListener('click', () => { confirming = item.clientId; renderStatus(); });
    li.append(el('div', { class: 'buttons' }, open, drop));
    return li;
  }

  /** Deletes a refused response from the device (only a refused one: a waiting one has no such button). */
  function discard(clientId) {
    const item = outbox.find((x) => x.clientId === clientId);
    confirming = null;
    if (!item || !item.refused) { renderStatus(); return; }
    outbox = outbox.filter((x) => x.clientId !== clientId);
    saveOutbox();
    say(T.discarded, 'ok');
    renderStatus();
  }

  function retryButton() {
    const b = el('button', { type: 'button', id: 'collect-retry', class: 'secondary', text: T.retry });
    b.addEventListener('click', () => { flush(true); });
    return b;
  }

  window.addEventListener('online', () => { renderStatus(); flush(); });
  window.addEventListener('offline', renderStatus);

  // ------------------------------------------------------------------ the form

  let data = null;
  let answers = {};
  let correcting = null; // the client id of the refused response open in the form
  let say = () => { /* set by renderForm: a line under the form */ };
  const items = new Map(); // question name → { question, box, inputs }

  function allQuestions(list, out) {
    (list || []).forEach((q) => { out.push(q); allQuestions(q.children, out); });
    return out;
  }

  function choicesOf(form, q) {
    const list = (form.choiceLists || []).find((l) => l.name === q.list);
    return list ? list.choices : [];
  }

  function questionBox(form, q) {
    const id = `q-${q.name}`;
    const box = el('div', { class: `question q-${q.type}`, 'data-question': q.name, id: `${id}-box` });
    const label = text(q.label) || q.name;
    const hint = text(q.hint);
    const errorId = `${id}-error`;
    if (q.type === 'group') {
      const fs = el('fieldset', { class: 'group' }, el('legend', { text: label }));
      box.append(fs);
      (q.children || []).forEach((c) => fs.append(questionBox(form, c)));
      items.set(q.name, { question: q, box, inputs: [] });
      return box;
    }
    if (q.type === 'note') {
      box.append(el('p', { class: 'note', text: label }));
      items.set(q.name, { question: q, box, inputs: [] });
      return box;
    }
    let inputs = [];
    if (q.type === 'select_one' || q.type === 'select_multiple') {
      const fs = el('fieldset', { 'aria-describedby': errorId }, el('legend', { text: label }));
      if (hint) { fs.append(el('p', { class: 'hint', text: hint })); }
      choicesOf(form, q).forEach((c) => {
        const input = el('input', { type: q.type === 'select_one' ? 'radio' : 'checkbox', name: id, value: c.name, id: `${id}-${c.name}` });
        inputs.push(input);
        fs.append(el('label', { class: 'choice', for: `${id}-${c.name}` }, input, ` ${text(c.label) || c.name}`));
      });
      box.append(fs);
    } else {
      const attrs = { id, name: id, 'aria-describedby': errorId, autocomplete: 'off' };
      let input;
      if (q.type === 'integer') { input = el('input', { ...attrs, type: 'text', inputmode: 'numeric' }); }
      else if (q.type === 'decimal') { input = el('input', { ...attrs, type: 'text', inputmode: 'decimal' }); }
      else if (q.type === 'date') { input = el('input', { ...attrs, type: 'date' }); }
      else { input = el('textarea', { ...attrs, rows: '2' }); }
      inputs = [input];
      box.append(el('label', { for: id, text: label }));
      if (hint) { box.append(el('p', { class: 'hint', text: hint })); }
      box.append(input);
    }
    box.append(el('p', { class: 'validation-message', id: errorId, 'data-error-for': q.name }));
    inputs.forEach((i) => i.addEventListener(i.type === 'radio' || i.type === 'checkbox' ? 'change' : 'input', () => changed(q.name)));
    items.set(q.name, { question: q, box, inputs });
    return box;
  }

  function valueOf(item) {
    const q = item.question;
    if (q.type === 'select_one') { return (item.inputs.find((i) => i.checked) || {}).value || ''; }
    if (q.type === 'select_multiple') { return item.inputs.filter((i) => i.checked).map((i) => i.value).join(' '); }
    return item.inputs.length > 0 ? item.inputs[0].value.trim() : '';
  }

  function clear(item) {
    item.inputs.forEach((i) => { if (i.type === 'radio' || i.type === 'checkbox') { i.checked = false; } else { i.value = ''; } });
    delete answers[item.question.name];
  }

  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  function problemText(p) {
    const own = text(p.formMessage);
    return own || (lang === 'en' ? p.english : p.ukrainian);
  }

  function showProblems(problems, onlyAnswered) {
    items.forEach((item, name) => {
      const slot = item.box.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
      if (!slot) { return; }
      const mine = problems.filter((p) => p.question === name && (!onlyAnswered || (answers[name] || '') !== ''));
      slot.textContent = mine.map(problemText).join(' ');
      item.box.classList.toggle('invalid', mine.length > 0);
      item.inputs.forEach((i) => { if (mine.length > 0) { i.setAttribute('aria-invalid', 'true'); } else { i.removeAttribute('aria-invalid'); } });
    });
  }

  /** Skip logic: show the asked questions, hide and clear the rest, until nothing changes (a cleared answer can hide more). */
  function refresh() {
    for (let round = 0; round < 10; round++) {
      const asked = new Set(VartaForms.relevantSet(data.form, answers, { today: today() }));
      let cleared = false;
      items.forEach((item, name) => {
        const shown = asked.has(name);
        item.box.hidden = !shown;
        if (!shown && (answers[name] || '') !== '') { clear(item); cleared = true; }
      });
      if (!cleared) { break; }
    }
    showProblems(VartaForms.validate(data.form, answers, { today: today() }), true);
  }

  function changed(name) {
    const item = items.get(name);
    const value = valueOf(item);
    if (value === '') { delete answers[name]; } else { answers[name] = value; }
    refresh();
  }

  /** Puts a stored response back into the form's inputs (answers of questions the form no longer has are dropped). */
  function fillForm(stored) {
    Object.entries(stored || {}).forEach(([name, value]) => {
      const item = items.get(name);
      if (!item || item.inputs.length === 0) { return; }
      const q = item.question;
      if (q.type === 'select_one') { item.inputs.forEach((i) => { i.checked = i.value === value; }); }
      else if (q.type === 'select_multiple') {
        const picked = String(value).split(' ');
        item.inputs.forEach((i) => { i.checked = picked.includes(i.value); });
      } else { item.inputs[0].value = value; }
      answers[name] = value;
    });
  }

  /** Opens a refused response in the form: its answers back, the server's words beside the questions it named. */
  function openRefused(clientId) {
    const item = outbox.find((x) => x.clientId === clientId && x.refused);
    if (!item) { return; }
    confirming = null;
    renderForm(false, item);
  }

  function renderForm(fromCache, editing) {
    items.clear();
    answers = {};
    correcting = editing ? editing.clientId : null;
    const form = data.form;
    const list = el('form', { class: 'collect-form', id: 'collect-form', novalidate: true, 'data-testid': 'collect-form' });
    const hromada = el('select', { id: 'collect-hromada', required: true, 'aria-describedby': 'collect-hromada-error' },
      el('option', { value: '', text: T.pick }), data.hromadas.map((h) => el('option', { value: h.code, text: h.name })));
    if (data.hromadas.length === 1) { hromada.value = data.hromadas[0].code; }
    list.append(el('div', { class: 'question', id: 'collect-hromada-box' },
      el('label', { for: 'collect-hromada', text: mode === 'public' ? T.hromadaPublic : T.hromada }), hromada,
      el('p', { class: 'validation-message', id: 'collect-hromada-error' })));
    form.questions.forEach((q) => list.append(questionBox(form, q)));
    const message = el('p', { class: 'collect-message', 'data-testid': 'collect-message', role: 'status' });
    say = (words, kind) => { message.textContent = words; message.className = `collect-message ${kind}`; };
    const actions = el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'collect-save', text: T.save }));
    if (editing) {
      const cancel = el('button', { type: 'button', class: 'secondary', id: 'collect-cancel-correction', text: T.cancelCorrection });
      cancel.addEventListener('click', () => renderForm(false));
      actions.append(' ', cancel);
    }
    list.append(actions, message);
    list.addEventListener('submit', (e) => {
      e.preventDefault();
      const problems = VartaForms.validate(form, answers, { today: today() });
      showProblems(problems, false);
      const noHromada = hromada.value === '';
      document.getElementById('collect-hromada-error').textContent = noHromada ? T.required : '';
      if (noHromada) { hromada.setAttribute('aria-invalid', 'true'); } else { hromada.removeAttribute('aria-invalid'); }
      if (problems.length > 0 || noHromada) {
        message.textContent = T.fix;
        message.className = 'collect-message error';
        const first = noHromada ? hromada : (items.get(problems[0].question)?.inputs[0]);
        if (first) { first.focus(); }
        return;
      }
      const corrected = correcting !== null && outbox.some((x) => x.clientId === correcting);
      if (corrected) {
        // The same client id: if the first send was stored after all, the server answers "already stored".
        outbox = outbox.map((x) => (x.clientId === correcting ? { clientId: x.clientId, territory: hromada.value, answers: { ...answers }, error: null } : x));
      } else {
        outbox.push({ clientId: newId(), territory: hromada.value, answers: { ...answers }, error: null });
      }
      saveOutbox();
      if (corrected) {
        renderForm(false);
        say(T.resaved, 'ok');
        window.scrollTo(0, 0);
        flush();
        return;
      }
      const keepHromada = hromada.value;
      items.forEach((item) => clear(item));
      refresh();
      hromada.value = keepHromada;
      if (mode === 'public') {
        flush().then(() => finishedPublic());
        return;
      }
      message.textContent = T.saved;
      message.className = 'collect-message ok';
      renderStatus();
      window.scrollTo(0, 0);
      flush();
    });
    const header = [el('h1', { text: data.title || text(form.title) })];
    if (fromCache) { header.push(el('p', { class: 'muted', 'data-testid': 'from-cache', text: T.fromCache })); }
    if (editing) {
      header.push(el('section', { class: 'correcting', 'data-testid': 'correcting', role: 'note' },
        el('p', { text: T.correcting }), el('p', { class: 'error', text: editing.error || '' })));
    }
    main.replaceChildren(...header, status, list);
    renderStatus();
    if (editing) {
      if (data.hromadas.some((h) => h.code === editing.territory)) { hromada.value = editing.territory; }
      fillForm(editing.answers);
    }
    refresh();
    if (editing && editing.problems) {
      // The server's words beside the questions it named (answers.<name>, territory); the page's own check follows on change.
      Object.entries(editing.problems).forEach(([field, messages]) => {
        const words = [].concat(messages).join(' ');
        const slot = field === 'territory' ? document.getElementById('collect-hromada-error')
          : main.querySelector(`[data-error-for="${CSS.escape(field.replace(/^answers\./, ''))}"]`);
        if (slot) { slot.textContent = words; }
      });
    }
    if (editing) { (main.querySelector('.correcting') || list).scrollIntoView(); }
  }

  function finishedPublic() {
    const again = el('button', { type: 'button', class: 'secondary', id: 'collect-another', text: T.another });
    again.addEventListener('click', () => renderForm(false));
    main.replaceChildren(el('h1', { text: data.title }), status, el('p', { class: 'ok', 'data-testid': 'collect-thanks', text: outbox.length === 0 ? T.thanks : T.saved }), again);
    renderStatus();
  }

  function renderConsent() {
    const consent = (lang === 'en' ? data.consentEn : data.consentUk) || data.consentUk || data.consentEn || '';
    const agree = el('button', { type: 'button', id: 'collect-agree', text: T.agree });
    agree.addEventListener('click', () => renderForm(false));
    main.replaceChildren(el('h1', { text: data.title }),
      el('section', { class: 'consent', 'data-testid': 'consent' }, el('h2', { text: T.consentTitle }), consent.split(/\n+/).map((p) => el('p', { text: p }))),
      agree);
  }

  // ------------------------------------------------------------------ start

  async function load() {
    const formKey = `${storeKey}.form`;
    let fromCache = false;
    try {
      const response = await fetch(formUrl, { credentials: 'same-origin', redirect: 'manual', headers: { Accept: 'application/json' } });
      if (!response.ok) { throw new Error(String(response.status)); }
      data = await response.json();
      localStorage.setItem(formKey, JSON.stringify(data));
    } catch (e) {
      data = readJson(formKey, null);
      fromCache = data !== null;
    }
    if (data === null) {
      main.replaceChildren(el('p', { class: 'error', 'data-testid': 'collect-error', text: T.noForm }));
      return;
    }
    data.form = typeof data.form === 'string' ? JSON.parse(data.form) : data.form;
    if (mode === 'public') { renderConsent(); } else { renderForm(fromCache); }
    if (!fromCache) { flush(); }
    if (mode === 'collect' && 'serviceWorker' in navigator) {
      // The worker's address carries the build, so an update installs a new worker whose activation drops the old cache.
      const build = body.dataset.build || 'dev';
      navigator.serviceWorker.register(`/community/collect/sw.js?v=${encodeURIComponent(build)}`, { scope: '/community/collect/' })
        .catch(() => { /* the localStorage copy still works */ });
      if (window.caches && !fromCache) {
        const assets = [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) => e.getAttribute('src') || e.getAttribute('href'));
        caches.open(`varta-collect-${build}`).then((cache) => cache.addAll([location.pathname, formUrl, ...assets])).catch(() => { /* best effort */ });
      }
    }
  }

  main.replaceChildren(el('p', { class: 'muted', text: T.loading }));
  load();
}());
