// The QA console (DESIGN §12): reads the mock's state through the control plane every 2 seconds and
// changes it through the same routes (scenario, clock, faults, journal). Plain DOM, no framework.
import { admin, AdminCallError, adminToken, setAdminToken } from './api.js';
import { companyRows, el, faultRows, fill, journalRows, keyRows } from './render.js';

const REFRESH_MS = 2000;
const JOURNAL_ROWS = 100;
const $ = (id) => document.getElementById(id);

/** The faults as last read (with their ids), so one can be added or removed with PUT /faults. */
let faults = [];
let timer;
/** Whether the error banner shows a failed refresh (cleared by the next good one) or a failed action. */
let errorFromRefresh = false;

function showError(err, fromRefresh) {
  const needsToken = err instanceof AdminCallError && err.code === 'ADMIN_TOKEN_REQUIRED';
  $('token-form').classList.toggle('needed', needsToken);
  $('error-text').textContent = needsToken ? `${err.message} Paste the mock's --admin-token above.` : err.message;
  $('error').hidden = false;
  errorFromRefresh = fromRefresh;
}

function hideError() {
  $('error').hidden = true;
  $('token-form').classList.remove('needed');
}

/** Replaces a select's options when they changed, keeping the user's choice when it still exists. */
function setOptions(select, options, fallback) {
  const wanted = options.map(([value, label]) => `${value}\u0000${label}`).join('\u0001');
  if (select.dataset.options === wanted) return;
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  select.dataset.options = wanted;
  select.value = options.some(([value]) => value === chosen) ? chosen : fallback;
}

/** The journal's query string from the filter fields (empty fields are left out). */
function journalQuery() {
  const params = new URLSearchParams({ limit: String(JOURNAL_ROWS) });
  for (const [id, name] of [['filter-path', 'path'], ['filter-key', 'key'], ['filter-status', 'status'], ['filter-request-id', 'requestId']]) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  return `?${params}`;
}

function renderState({ health, scenarios, integrations, companies, keys, counts }) {
  const clock = health.clock;
  $('summary').textContent = `${health.status === 'ok' ? 'Serving' : `Degraded: ${health.reason}`} · scenario ${health.scenario} · ${health.responseMismatches} answers failed the spec check`;
  $('scenario-name').textContent = health.scenario;
  $('event-total').textContent = counts.total.toLocaleString('en');
  $('revision').textContent = String(health.revision);
  setOptions($('scenario-select'), scenarios.scenarios.map((n) => [n, n]), scenarios.current);
  $('clock-mode').textContent = clock.mode;
  $('clock-mode').className = `badge ${clock.mode}`;
  $('clock-now').textContent = clock.now;
  $('clock-now').dateTime = clock.now;
  $('clock-offset').textContent = clock.mode === 'real' && clock.offsetMs !== 0 ? `(real time + ${clock.offsetMs} ms)` : '';
  fill($('companies'), companyRows(integrations, companies, counts), 'No companies.', 4);
  fill($('keys'), keyRows(keys, integrations, companies, clock.now), 'No API keys.', 7);
  fill($('faults'), faultRows(faults), 'No faults: the API answers normally.', 5);
  setOptions($('fault-key'), [['', 'any'], ...keys.map((k) => [k.key, k.key])], '');
}

async function refreshJournal() {
  try {
    const page = await admin('GET', `/requests${journalQuery()}`);
    fill($('journal'), journalRows(page.items), 'No requests yet.', 8);
    $('journal-info').textContent = `Showing ${page.items.length} of ${page.total} matching · the journal keeps the last ${page.capacity}${page.dropped > 0 ? ` (${page.dropped} older dropped)` : ''}.`;
  } catch (err) {
    if (!(err instanceof AdminCallError) || err.status !== 400) throw err;
    $('journal-info').textContent = `Filter refused: ${err.message}`;
    fill($('journal'), [], '—', 8);
  }
}

/** Reads everything the page shows, then schedules the next refresh while auto-refresh is on. */
async function refresh() {
  clearTimeout(timer);
  try {
    const [health, scenarios, integrations, companies, keys, counts, faultList] = await Promise.all(
      ['/health', '/scenarios', '/ats-integrations', '/companies', '/api-keys', '/usage-events/counts', '/faults'].map((path) => admin('GET', path)),
    );
    faults = faultList;
    renderState({ health, scenarios, integrations, companies, keys, counts });
    await refreshJournal();
    if (errorFromRefresh) hideError();
    document.body.dataset.loaded = 'true';
  } catch (err) {
    showError(err, true);
  } finally {
    if ($('auto-refresh').checked) timer = setTimeout(refresh, REFRESH_MS);
  }
}

/** Runs one change, shows its error if it fails, then refreshes the page at once. */
async function act(change) {
  try {
    await change();
    hideError();
  } catch (err) {
    showError(err, false);
  }
  await refresh();
}

/** The fault the form describes (only the fields filled in). */
function faultFromForm() {
  const fault = {};
  const path = $('fault-path').value;
  const key = $('fault-key').value;
  const status = $('fault-status').value;
  const latency = $('fault-latency').value;
  const rate = $('fault-rate').value;
  const drop = $('fault-drop').value.split(',').map((p) => p.trim()).filter(Boolean);
  if (path) fault.path = path;
  if (key) fault.apiKey = key;
  if (status) fault.status = Number(status);
  if (latency !== '') fault.latencyMs = Number(latency);
  if (rate !== '') fault.errorRate = Number(rate);
  if (drop.length > 0) fault.dropFields = drop;
  return fault;
}

function on(id, event, handler) {
  $(id).addEventListener(event, (e) => {
    if (event === 'submit') e.preventDefault();
    handler(e);
  });
}

on('token-form', 'submit', () => {
  setAdminToken($('token').value.trim());
  void refresh();
});
on('auto-refresh', 'change', () => ($('auto-refresh').checked ? void refresh() : clearTimeout(timer)));
on('error-close', 'click', hideError);
on('load-form', 'submit', () => {
  const name = $('scenario-select').value;
  if (name && confirm(`Load the built-in scenario "${name}"? This replaces the whole state.`)) void act(() => admin('POST', `/scenarios/${encodeURIComponent(name)}/load`));
});
on('reset', 'click', () => {
  if (confirm('Reset to the loaded scenario? Every change since it was loaded is lost.')) void act(() => admin('POST', '/reset'));
});
on('freeze', 'click', () => act(() => admin('PUT', '/clock', { mode: 'frozen' })));
on('unfreeze', 'click', () => act(() => admin('PUT', '/clock', { mode: 'real' })));
on('freeze-at-form', 'submit', () => act(() => admin('PUT', '/clock', { mode: 'frozen', now: $('freeze-at').value.trim() })));
on('advance-form', 'submit', () => act(() => admin('PUT', '/clock', { advanceMs: Math.round(Number($('advance-amount').value) * Number($('advance-unit').value)) })));
on('fault-form', 'submit', () => act(() => admin('PUT', '/faults', [...faults, faultFromForm()])));
on('faults-clear', 'click', () => act(() => admin('DELETE', '/faults')));
on('faults', 'click', (e) => {
  const id = e.target instanceof Element ? e.target.getAttribute('data-remove-fault') : null;
  if (id) void act(() => admin('PUT', '/faults', faults.filter((f) => f.id !== id)));
});
on('journal-filter', 'submit', () => refresh());
on('journal-clear', 'click', () => act(() => admin('DELETE', '/requests')));

$('token').value = adminToken();
void refresh();
