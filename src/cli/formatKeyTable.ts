import type { StoreReader } from '../../mock/state/createStore.ts';

/**
 * The demo-key table `serve` prints (DESIGN §4): each key, its kind and state, and the companies it sees
 * with their billing systems, as aligned plain text.
 */
export function formatKeyTable(store: StoreReader): string {
  const rows = store.apiKeys().map((k) => {
    const companies = k.type === 'regular' ? [store.company(k.companyId!)].filter((c) => c !== undefined) : store.companies({ atsIntegrationId: k.atsIntegrationId! });
    const owner = k.type === 'ats' ? `ATS "${store.atsIntegration(k.atsIntegrationId!)?.name ?? '?'}"` : 'regular';
    const notes = [
      k.status !== 'active' ? k.status : '',
      k.expiresAt ? `expires ${k.expiresAt}` : '',
      k.scopes.includes('read:billing') ? '' : 'no read:billing scope',
    ].filter(Boolean);
    const sees = companies.map((c) => `${c.name} (${c.billingSystem}) ${c.id}`).join('; ') || '(no companies)';
    return [k.key, notes.length ? `${owner}, ${notes.join(', ')}` : owner, sees];
  });
  const header = ['key', 'kind', 'sees'];
  const width = [0, 1].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]}`;
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
