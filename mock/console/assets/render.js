// Builds the console's tables from the control plane's JSON. Text goes in through textContent only:
// names from a scenario file are never read as HTML.

/** An element with attributes (`class`, `data-*`, `title`, …) and children (nodes or text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

/** Replaces a table body's rows. */
export function fill(tbody, rows, emptyText, columns) {
  tbody.replaceChildren(...(rows.length > 0 ? rows : [el('tr', { class: 'empty' }, el('td', { colspan: columns }, emptyText))]));
}

/** The ATS integrations, each followed by its companies, then the companies without one. */
export function companyRows(integrations, companies, counts) {
  const events = new Map(counts.companies.map((c) => [c.companyId, c.events]));
  const row = (c) =>
    el('tr', { 'data-company-id': c.id }, el('td', {}, c.name), el('td', { class: 'id' }, c.id), el('td', {}, el('span', { class: `badge ${c.billingSystem}` }, c.billingSystem)), el('td', { class: 'num' }, (events.get(c.id) ?? 0).toLocaleString('en')));
  const rows = [];
  for (const ats of integrations) {
    const own = companies.filter((c) => c.atsIntegrationId === ats.id);
    rows.push(el('tr', { class: 'group', 'data-ats-id': ats.id }, el('th', { colspan: 4 }, `ATS "${ats.name}" · ${own.length} ${own.length === 1 ? 'company' : 'companies'} · `, el('span', { class: 'id' }, ats.id))));
    rows.push(...own.map(row));
  }
  const direct = companies.filter((c) => !c.atsIntegrationId);
  if (direct.length > 0) {
    rows.push(el('tr', { class: 'group' }, el('th', { colspan: 4 }, 'Companies without an ATS integration')));
    rows.push(...direct.map(row));
  }
  return rows;
}

/** One row per API key: kind, status (expired when the mock clock has reached `expiresAt`), scopes, what it sees. */
export function keyRows(keys, integrations, companies, nowIso) {
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const atsName = new Map(integrations.map((a) => [a.id, a.name]));
  return keys.map((k) => {
    const expired = k.expiresAt !== undefined && Date.parse(nowIso) >= Date.parse(k.expiresAt);
    const status = k.status === 'active' && expired ? 'expired' : k.status;
    const sees = k.type === 'ats' ? `ATS "${atsName.get(k.atsIntegrationId) ?? k.atsIntegrationId}"` : (companyName.get(k.companyId) ?? k.companyId);
    const plan = k.plan === undefined ? 'default' : typeof k.plan === 'string' ? k.plan : `${k.plan.perMinute}/min, ${k.plan.perHour}/h`;
    return el(
      'tr',
      { 'data-key': k.key },
      el('td', { class: 'key' }, k.key),
      el('td', {}, k.type === 'ats' ? 'ATS' : 'regular'),
      el('td', {}, el('span', { class: `badge ${status}` }, status)),
      el('td', {}, (k.scopes ?? []).join(', ')),
      el('td', {}, sees),
      el('td', {}, plan),
      el('td', {}, k.expiresAt ?? ''),
    );
  });
}

/** What a fault does, in words. */
function faultEffect(f) {
  const parts = [];
  if (f.latencyMs !== undefined) parts.push(`+${f.latencyMs} ms`);
  if (f.status !== undefined) parts.push(`${f.status}${f.code ? ` ${f.code}` : ''}${f.errorRate !== undefined && f.errorRate !== 1 ? ` for ${Math.round(f.errorRate * 100)}%` : ''}`);
  if (f.dropFields) parts.push(`drops ${f.dropFields.join(', ')}`);
  return parts.join(' · ');
}

/** One row per fault, each with a Remove button carrying the fault's id. */
export function faultRows(faults) {
  return faults.map((f) =>
    el('tr', { 'data-fault-id': f.id }, el('td', { class: 'id' }, f.id), el('td', {}, f.path ?? 'any'), el('td', { class: 'key' }, f.apiKey ?? 'any'), el('td', {}, faultEffect(f)), el('td', {}, el('button', { type: 'button', 'data-remove-fault': f.id }, 'Remove'))),
  );
}

/** One row per journal entry, newest first. */
export function journalRows(items) {
  return items.map((e) =>
    el(
      'tr',
      { 'data-request-id': e.requestId, 'data-seq': e.seq },
      el('td', {}, el('time', {}, e.at)),
      el('td', {}, e.method),
      el('td', {}, e.path),
      el('td', { class: 'query', title: e.query }, e.query),
      el('td', { class: 'key' }, e.keySuffix === null ? '—' : `…${e.keySuffix}`),
      el('td', { class: 'num' }, el('span', { class: `status s${String(e.status)[0]}xx` }, e.status)),
      el('td', { class: 'num' }, e.ms),
      el('td', { class: 'id' }, e.requestId),
    ),
  );
}
