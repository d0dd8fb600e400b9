/**
 * The door scanner page: a device signs in with its key, picks a list and a gate, and scans. Each scan goes to
 * POST /checkin/validate; when the server cannot be reached the door decides on its own from the offline book
 * (door.mjs), queues the scan, and syncs the queue in batches once the server answers again, flagging conflicts.
 */
import * as store from './store.mjs';
import { Refused, Server, Unreachable } from './api.mjs';
import { clock, DoorBook, plainReason } from './door.mjs';
import { Camera } from './camera.mjs';

const API = new URL('../api/v1/', location.href);
const BUNDLE_EVERY = 60000;
const STATS_EVERY = 15000;
const RETRY_SYNC_EVERY = 5000;
const SYNC_BATCH = 500;
const HISTORY = 20;

const $ = id => document.getElementById(id);

/** What the page works with; each part is kept in IndexedDB under its own key. */
const door = {
  devices: {}, // by event: a device signs in for one event, and this page may hold devices of several
  device: null, // the current one: {deviceKey, accessToken, expiresAt, deviceId, eventId, listIds}
  server: null,
  event: null, // {title, tiers: {id: name}}
  setup: null, // {listId, gate, direction}
  book: null,
  queue: [], // offline scans not yet synced, as the sync endpoint takes them
  counters: { admitted: 0, conflicts: [] },
  history: [],
  stats: null,
  seq: 0,
};

const keyOf = name => `${name}:${door.device.eventId}`;

// ---- storage: every change written in order ----

let writing = Promise.resolve();

function save(...names) {
  const values = {
    device: () => ['devices', { ...door.devices, [door.device.eventId]: door.device }],
    event: () => [keyOf('event'), door.event],
    setup: () => [keyOf('setup'), door.setup],
    // The bundle part changes once a minute and may be megabytes; the marks change with every scan.
    book: () => [keyOf('book'), { ...door.book.state, marks: null }],
    marks: () => [keyOf('marks'), door.book.state.marks],
    queue: () => [keyOf('queue'), door.queue],
    counters: () => [keyOf('counters'), door.counters],
    history: () => [keyOf('history'), door.history],
  };
  const writes = names.map(name => values[name]());
  writing = writing.then(() => Promise.all(writes.map(([key, value]) => store.put(key, structuredClone(value)))))
    .catch(e => console.warn('not stored', e));
  return writing;
}

const PARTS = ['event', 'setup', 'book', 'marks', 'queue', 'counters', 'history'];

async function load() {
  door.devices = await store.get('devices') ?? {};
  door.device = door.devices[await store.get('current')] ?? Object.values(door.devices)[0] ?? null;
  if (!door.device) {
    return;
  }
  door.server = new Server(API, door.device, device => {
    door.device = device;
    door.devices[device.eventId] = device;
    return save('device');
  });
  door.event = await store.get(keyOf('event')) ?? null;
  door.setup = await store.get(keyOf('setup')) ?? null;
  door.book = new DoorBook(await store.get(keyOf('book')) ?? DoorBook.empty(door.device.eventId).state);
  door.book.state.marks = await store.get(keyOf('marks')) ?? {};
  door.queue = await store.get(keyOf('queue')) ?? [];
  door.counters = await store.get(keyOf('counters')) ?? { admitted: 0, conflicts: [] };
  door.history = await store.get(keyOf('history')) ?? [];
}

// ---- screens ----

function show(screen) {
  for (const id of ['signin', 'setup', 'scan']) {
    $(id).hidden = id !== screen;
  }
  $('camera-button').hidden = screen === 'setup';
  $('camera-button').textContent = screen === 'signin' ? "Scan the key's QR code" : 'Scan with camera';
  document.documentElement.dataset.screen = screen;
  if (screen === 'scan') {
    renderScan();
    $('wedge').focus();
  } else if (screen === 'signin') {
    $('device-key').focus();
  } else {
    renderSetup();
    $('list').focus();
  }
}

function connection(state) {
  const el = $('connection');
  if (el.dataset.state !== state) {
    el.dataset.state = state;
    el.textContent = state === 'online' ? 'Online' : 'Offline: deciding here';
  }
}

async function renderEvents() {
  const ids = Object.keys(door.devices);
  const titles = await Promise.all(ids.map(async id => (await store.get(`event:${id}`))?.title ?? id));
  const select = $('event');
  select.replaceChildren(...ids.map((id, i) => new Option(titles[i], id)));
  select.value = door.device.eventId;
  $('event-choice').hidden = ids.length < 2;
}

function renderSetup() {
  $('event-name').textContent = door.event?.title ?? door.device.eventId;
  renderEvents();
  const allowed = door.device.listIds ?? [];
  const lists = door.book.state.lists.filter(l => allowed.length === 0 || allowed.includes(l.id));
  const select = $('list');
  select.replaceChildren(...lists.map(l => new Option(l.name, l.id)));
  select.value = door.setup?.listId ?? (lists.find(l => l.isDefault) ?? lists[0])?.id ?? '';
  $('gate').value = door.setup?.gate ?? '';
  $('setup-error').textContent = lists.length ? '' : 'No check-in list yet: connect to the network once.';
  directionChoice();
}

function directionChoice() {
  const list = door.book.list($('list').value);
  $('direction-choice').hidden = !list?.scansExits;
  const chosen = list?.scansExits ? door.setup?.direction ?? 'ENTRY' : 'ENTRY';
  document.querySelector(`input[name="direction"][value="${chosen}"]`).checked = true;
}

function renderScan() {
  const list = door.book.list(door.setup.listId);
  const gate = door.setup.gate ? `gate ${door.setup.gate}` : "the device's own gate";
  const way = door.setup.direction === 'EXIT' ? ' · going out' : '';
  $('where').textContent = `${door.event?.title ?? 'Event'} · ${list?.name ?? 'list'} · ${gate}${way}`;
  renderCounters();
  renderConflicts();
  renderHistory();
}

function renderCounters() {
  $('count-admitted').textContent = door.counters.admitted;
  $('count-queued').textContent = door.queue.length;
  $('count-conflicts').textContent = door.counters.conflicts.length;
  const s = door.stats;
  $('count-event-in').textContent = s ? s.checkedIn : '–';
  $('count-event-sold').textContent = s ? s.sold : '–';
  $('count-event-inside').textContent = s ? s.insideNow : '–';
  $('count-event-conflicts').textContent = s ? s.offlineConflicts : '–';
}

function renderConflicts() {
  const items = door.counters.conflicts.map(c => {
    const li = document.createElement('li');
    li.dataset.verdict = c.verdict;
    li.textContent = conflictText(c);
    return li;
  });
  $('conflicts').replaceChildren(...items);
  $('conflicts-panel').hidden = items.length === 0;
}

function conflictText(c) {
  const when = `let in here offline at ${clock(c.scannedAt)}`;
  if (c.verdict === 'DUPLICATE') {
    const first = c.firstAdmission;
    const where = first?.gate ? ` through gate ${first.gate}` : '';
    const who = first?.scanner ? ` by ${first.scanner}` : '';
    const order = first && !first.scannedBefore ? ' (this device scanned it first, but synced later)' : '';
    return `Duplicate: ticket ${short(c.ticketId)} ${when}, was admitted at ${first ? clock(first.admittedAt) : '?'}${where}${who}${order}`;
  }
  return `Void ticket let in: ticket ${short(c.ticketId)} ${when}. ${plainReason(c.reason)}`;
}

const short = id => (id ? id.slice(0, 8) : '?');

function renderHistory() {
  $('history').replaceChildren(...door.history.map(h => {
    const li = document.createElement('li');
    li.className = h.kind;
    li.dataset.nonce = h.nonce;
    li.textContent = `${clock(h.at)} ${h.text}${h.synced ? ` · server: ${h.synced}` : ''}`;
    return li;
  }));
}

function remember(kind, text, nonce, at) {
  door.history.unshift({ kind, text, nonce, at, synced: null });
  door.history.length = Math.min(door.history.length, HISTORY);
  save('history');
  renderHistory();
}

// ---- the result screen, sound and vibration ----

let hideTimer = null;

function verdict(seq, kind, { title, who = '', why = '', note = '' }) {
  if (seq !== door.seq) {
    return; // a later scan's answer came first
  }
  const result = $('result');
  result.dataset.verdict = kind;
  result.dataset.seq = String(seq);
  $('result-title').textContent = title;
  $('result-who').textContent = who;
  $('result-why').textContent = why;
  $('result-note').textContent = note;
  result.hidden = false;
  $('announce').textContent = [title, who, why, note].filter(Boolean).join('. ');
  signal(kind);
  clearTimeout(hideTimer);
  hideTimer = setTimeout(dismiss, kind === 'ok' ? 3000 : 6000);
}

function dismiss() {
  $('result').hidden = true;
  if (!$('scan').hidden) {
    $('wedge').focus();
  }
}

let audio = null;

function signal(kind) {
  if (!$('sound').checked) {
    return;
  }
  const pattern = { ok: [80], offline: [80, 60, 80], no: [250, 100, 250] }[kind];
  navigator.vibrate?.(pattern);
  try {
    audio ??= new AudioContext();
    const tones = { ok: [[880, 0, 0.12]], offline: [[660, 0, 0.1], [660, 0.16, 0.1]], no: [[220, 0, 0.45]] }[kind];
    for (const [hz, start, length] of tones) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      gain.gain.value = 0.2;
      osc.frequency.value = hz;
      osc.type = kind === 'no' ? 'square' : 'sine';
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + start);
      osc.stop(audio.currentTime + start + length);
    }
  } catch {
    // no sound here
  }
}

// ---- signing in and choosing the door ----

async function signIn(deviceKey) {
  $('signin-error').textContent = '';
  try {
    const device = await Server.exchange(API, deviceKey.trim());
    $('device-key').value = ''; // the key is kept out of sight once it is signed in
    const devices = await store.get('devices') ?? {};
    await store.put('devices', { ...devices, [device.eventId]: device });
    await store.put('current', device.eventId);
    if (door.device) {
      location.reload(); // another event: the page starts over on it
      return;
    }
    await load();
    await Promise.all([refreshEvent(), refreshBundle()]);
    show('setup');
    keepInStep();
  } catch (e) {
    $('signin-error').textContent = e instanceof Refused
      ? 'This key is unknown or was revoked: ask the organizer for a new one.'
      : 'The server cannot be reached: a device signs in once online.';
  }
}

/** A device key from a QR code: the key itself, or a link to this page with #key=… */
function keyFrom(text) {
  const value = text.trim();
  if (value.startsWith('evxd_')) {
    return value;
  }
  try {
    return new URLSearchParams(new URL(value).hash.slice(1)).get('key');
  } catch {
    return null;
  }
}

/** This event's device signs out: what the page kept for the event goes; other events' devices stay. */
async function signOut(ask = true) {
  if (ask && door.queue.length && !confirm(`${door.queue.length} scans are not synced yet and would be lost. Sign out?`)) {
    return;
  }
  await writing;
  const eventId = door.device.eventId;
  const others = { ...door.devices };
  delete others[eventId];
  await Promise.all(PARTS.map(part => store.remove(`${part}:${eventId}`)));
  await store.put('devices', others);
  await store.put('current', Object.keys(others)[0] ?? null);
  location.reload();
}

async function switchEvent(eventId) {
  await writing;
  await store.put('current', eventId);
  location.reload();
}

async function refreshEvent() {
  const event = await door.server.event(door.device.eventId);
  door.event = { title: event.title, tiers: Object.fromEntries((event.tiers ?? []).map(t => [t.id, t.tierName])) };
  await save('event');
}

// ---- scanning ----

async function scan(text) {
  const code = text.trim();
  if (!code) {
    return;
  }
  const seq = ++door.seq;
  const input = {
    code, eventId: door.device.eventId, listId: door.setup.listId, direction: door.setup.direction,
    gate: door.setup.gate || undefined, nonce: crypto.randomUUID(), scannedAt: new Date().toISOString(),
  };
  try {
    if (door.queue.length) {
      await sync(); // what was decided offline reaches the server before anything newer
    }
    online(seq, input, await door.server.validate(input));
    connection('online');
  } catch (e) {
    if (e instanceof Unreachable) {
      connection('offline');
      await offline(seq, input);
    } else if (e instanceof Refused) {
      connection('online');
      refusedOnline(seq, input, e);
    } else {
      verdict(seq, 'no', { title: 'Not scanned', why: String(e.message ?? e) });
    }
  }
}

function online(seq, input, passed) {
  const admitted = passed.result === 'ADMITTED';
  door.book.mark(passed.ticketId, passed.listId, admitted, { at: passed.scannedAt, gate: passed.gate });
  if (admitted) {
    door.counters.admitted++;
  }
  save('marks', 'counters');
  const title = admitted ? (passed.entryCount > 1 ? `Admitted again (entry ${passed.entryCount})` : 'Admitted') : 'Out';
  verdict(seq, 'ok', { title, who: passed.holderName ?? '', why: passed.tierName ?? '', note: passed.gate ? `Gate ${passed.gate}` : '' });
  remember('ok', `${title}: ${passed.holderName ?? ''} (${passed.tierName ?? ''})`, input.nonce, input.scannedAt);
  renderCounters();
  refreshStatsSoon();
}

function refusedOnline(seq, input, e) {
  if (e.code === 'SCANNER_REVOKED' || e.code === 'INVALID_DEVICE_KEY') {
    verdict(seq, 'no', { title: 'Device signed out', why: 'This scanner was revoked by the organizer.' });
    setTimeout(() => signOut(false), 4000);
    return;
  }
  const reason = e.code === 'TICKET_INVALID' ? e.details.reason : e.code;
  if (e.code === 'ALREADY_CHECKED_IN' && e.details.ticketId) {
    door.book.mark(e.details.ticketId, e.details.listId, true, { at: e.details.admittedAt, gate: e.details.gate ?? null });
    save('marks');
  }
  const why = plainReason(reason, e.details);
  verdict(seq, 'no', { title: 'Refused', why });
  remember('no', `Refused: ${why}`, input.nonce, input.scannedAt);
  refreshStatsSoon();
}

/** The door decides alone, queues the scan, and says so. */
async function offline(seq, input) {
  if (!door.book.ready) {
    verdict(seq, 'no', { title: 'Cannot decide', why: 'No network, and this device has no offline data for the event yet.' });
    return;
  }
  const at = new Date(input.scannedAt);
  const decision = await door.book.decide(input.code, { listId: input.listId, direction: input.direction, at });
  door.queue.push({
    nonce: input.nonce, code: input.code, listId: input.listId, direction: input.direction, gate: input.gate,
    scannedAt: input.scannedAt, localResult: decision.result,
  });
  const note = 'No network: decided on this device, will be synced';
  if (decision.result === 'REFUSED') {
    const mark = decision.mark;
    const why = plainReason(decision.reason, mark ? { admittedAt: mark.at, gate: mark.gate } : null);
    verdict(seq, 'no', { title: 'Refused', why, note });
    remember('no', `Refused offline: ${why}`, input.nonce, input.scannedAt);
  } else {
    const admitted = decision.result === 'ADMITTED';
    door.book.mark(decision.ticketId, decision.listId, admitted, { at: input.scannedAt, gate: input.gate ?? null, pending: true });
    if (admitted) {
      door.counters.admitted++;
    }
    const tier = door.event?.tiers?.[decision.tierId] ?? '';
    const title = admitted ? 'Admitted (offline)' : 'Out (offline)';
    verdict(seq, 'offline', { title, who: tier, why: `Ticket ${short(decision.ticketId)}`, note });
    remember('offline', `${title}: ${tier} ticket ${short(decision.ticketId)}`, input.nonce, input.scannedAt);
  }
  await save('queue', 'marks', 'counters');
  renderCounters();
}

// ---- staying in step with the server ----

let syncing = null;

/** Sends the queue in batches, oldest first; each verdict is shown, conflicts are kept for staff to act on. */
function sync() {
  syncing ??= (async () => {
    try {
      while (door.queue.length) {
        const batch = door.queue.slice(0, SYNC_BATCH);
        const verdicts = await door.server.sync(door.device.eventId, batch);
        const sent = new Set(batch.map(s => s.nonce));
        door.queue = door.queue.filter(s => !sent.has(s.nonce));
        const known = door.counters.conflicts.length;
        verdicts.forEach(v => taken(v, batch.find(s => s.nonce === v.nonce)));
        const fresh = door.counters.conflicts.length - known;
        if (fresh > 0) {
          verdict(++door.seq, 'no', {
            title: fresh === 1 ? 'Conflict to check' : `${fresh} conflicts to check`,
            why: conflictText(door.counters.conflicts[0]), note: 'Synced with the server: see the list of conflicts',
          });
        }
        if (!door.queue.length) {
          door.book.settle();
        }
        await save('queue', 'marks', 'counters', 'history');
        renderCounters();
        renderConflicts();
        renderHistory();
      }
      connection('online');
    } finally {
      syncing = null;
    }
    refreshBundle().catch(() => {});
    refreshStats();
  })();
  return syncing;
}

function taken(v, scan) {
  const entry = door.history.find(h => h.nonce === v.nonce);
  if (entry) {
    entry.synced = v.verdict === 'INVALID' && v.reason ? `refused (${v.reason})` : v.verdict.toLowerCase().replace('_', ' ');
  }
  // Only what this device let through can clash (a refusal it made that the server also refuses is no conflict).
  if (v.result === 'DUPLICATE' || v.result === 'REVOKED_ADMITTED') {
    door.counters.conflicts.unshift({ nonce: v.nonce, verdict: v.verdict, reason: v.reason, ticketId: v.ticketId,
      scannedAt: scan?.scannedAt, firstAdmission: v.firstAdmission });
  }
}

async function refreshBundle() {
  const bundle = await door.server.bundle(door.device.eventId, door.book.state.cursor);
  door.book.apply(bundle);
  await save('book', 'marks');
  document.documentElement.dataset.bundle = door.book.state.cursor;
}

async function refreshStats() {
  try {
    door.stats = await door.server.stats(door.device.eventId);
    renderCounters();
  } catch {
    // shown again at the next refresh
  }
}

let statsTimer = null;

function refreshStatsSoon() {
  clearTimeout(statsTimer);
  statsTimer = setTimeout(refreshStats, 300);
}

let inStep = false;

function keepInStep() {
  if (inStep) {
    return;
  }
  inStep = true;
  const quietly = work => () => work().then(() => connection('online'), e => {
    if (e instanceof Unreachable) {
      connection('offline');
    }
  });
  setInterval(quietly(refreshBundle), BUNDLE_EVERY);
  setInterval(refreshStats, STATS_EVERY);
  setInterval(() => door.queue.length && quietly(sync)(), RETRY_SYNC_EVERY);
  addEventListener('online', () => door.queue.length ? quietly(sync)() : quietly(refreshBundle)());
  addEventListener('offline', () => connection('offline'));
  quietly(refreshBundle)();
  if (door.queue.length) {
    quietly(sync)();
  }
  refreshStats();
}

// ---- the camera ----

let camera = null;

async function toggleCamera() {
  const button = $('camera-button');
  camera ??= new Camera($('camera'), code => {
    if (!$('signin').hidden) {
      const key = keyFrom(code);
      if (key) {
        stopCamera();
        signIn(key);
      }
    } else {
      scan(code);
    }
  });
  if (camera.running) {
    stopCamera();
    return;
  }
  try {
    // On the sign-in screen the video shows in the scan section's box too: it is moved where it is needed.
    const screen = $('signin').hidden ? $('scan') : $('signin');
    screen.append($('camera').parentElement);
    $('camera').hidden = false;
    await camera.start();
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Stop the camera';
  } catch (e) {
    stopCamera();
    const where = $('signin').hidden ? null : $('signin-error');
    const message = `The camera cannot be used here: ${e.message ?? e}`;
    if (where) {
      where.textContent = message;
    } else {
      verdict(++door.seq, 'no', { title: 'No camera', why: message });
    }
  }
}

function stopCamera() {
  camera?.stop();
  $('camera').hidden = true;
  const button = $('camera-button');
  button.setAttribute('aria-pressed', 'false');
  button.textContent = $('signin').hidden ? 'Scan with camera' : "Scan the key's QR code";
}

// ---- wiring ----

function wire() {
  $('signin-form').addEventListener('submit', e => {
    e.preventDefault();
    signIn($('device-key').value);
  });
  $('signin-camera').addEventListener('click', toggleCamera);
  $('camera-button').addEventListener('click', toggleCamera);
  $('list').addEventListener('change', directionChoice);
  $('setup-form').addEventListener('submit', e => {
    e.preventDefault();
    if (!$('list').value) {
      return;
    }
    door.setup = {
      listId: $('list').value, gate: $('gate').value.trim(),
      direction: document.querySelector('input[name="direction"]:checked').value,
    };
    if (!door.book.list(door.setup.listId)?.scansExits) {
      door.setup.direction = 'ENTRY';
    }
    save('setup');
    show('scan');
  });
  $('signout').addEventListener('click', () => signOut());
  $('event').addEventListener('change', () => switchEvent($('event').value));
  $('add-event').addEventListener('click', () => {
    $('signin-back').hidden = false;
    show('signin');
  });
  $('signin-back').addEventListener('click', () => show('setup'));
  $('change').addEventListener('click', () => {
    stopCamera();
    show('setup');
  });
  $('wedge-form').addEventListener('submit', e => {
    e.preventDefault();
    const code = $('wedge').value;
    $('wedge').value = '';
    scan(code);
  });
  $('result').addEventListener('click', dismiss);
  $('sound').checked = localStorage.getItem('eventix-scanner-sound') !== 'off';
  $('sound').addEventListener('change', () => localStorage.setItem('eventix-scanner-sound', $('sound').checked ? 'on' : 'off'));
  // A hardware scanner types wherever the focus is: on the scanning screen, keys land in the code field.
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape') {
      dismiss();
      return;
    }
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement
      || e.target instanceof HTMLButtonElement;
    if (!$('scan').hidden && !typing && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      $('wedge').focus();
    }
  });
}

async function serviceWorker() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  const mark = () => {
    document.documentElement.dataset.serviceWorker = navigator.serviceWorker.controller ? 'controlling' : 'none';
  };
  navigator.serviceWorker.addEventListener('controllerchange', mark);
  mark();
  try {
    await navigator.serviceWorker.register('sw.js', { scope: './' });
  } catch (e) {
    console.warn('No offline page: the service worker did not register', e);
  }
}

async function start() {
  wire();
  serviceWorker();
  await load();
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromLink) {
    history.replaceState(null, '', location.pathname);
  }
  if (!door.device) {
    connection(navigator.onLine ? 'online' : 'offline');
    show('signin');
    document.documentElement.dataset.started = 'true';
    if (fromLink) {
      $('device-key').value = fromLink;
      await signIn(fromLink);
    }
    return;
  }
  if (!door.event) {
    refreshEvent().catch(() => {});
  }
  connection(navigator.onLine ? 'online' : 'offline');
  show(door.setup ? 'scan' : 'setup');
  if (!door.setup && !door.book.ready) {
    await refreshBundle().catch(() => {});
    renderSetup();
  }
  keepInStep();
  document.documentElement.dataset.started = 'true';
}

start();
