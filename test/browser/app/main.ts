// A tiny dashboard as a frontend developer would write it: the typed client against the real API's
// base URL, answered in the browser by the MSW handlers (service worker) over the seed-examples scenario.
import { setupWorker } from 'msw/browser';
import { createBillingClient, type CompanyUsage } from 'instaview-billing-toolkit';
import { createBillingMock } from 'instaview-billing-toolkit/msw';

const KEYS = ['sk_example_minutes', 'sk_example_credits', 'sk_example_ats'];
const status = document.querySelector('#status')!;
const rows = document.querySelector('#usage tbody')!;

/** One table row; `data-*` attributes carry the raw values for the test. */
function addRow(key: string, company: string, billing: string, used: number | undefined, interviews: number): void {
  const tr = document.createElement('tr');
  Object.assign(tr.dataset, { key, company, used: String(used), interviews: String(interviews) });
  for (const text of [key, company, billing, String(used), String(interviews)]) tr.appendChild(document.createElement('td')).textContent = text;
  rows.appendChild(tr);
}

const used = (c: CompanyUsage) => (c.billingSystem === 'minutes' ? c.totalMinutesUsed : c.totalCreditsUsed);

try {
  const mock = await createBillingMock({ scenario: 'seed-examples' });
  await setupWorker(...mock.handlers).start({ onUnhandledRequest: 'bypass', quiet: true });
  for (const key of KEYS) {
    const client = createBillingClient({ baseUrl: 'https://api.instaview.sk/v1', apiKey: key });
    const { data, error, response } = await client.getUsage({ start: '2024-01-01', end: '2024-01-31' });
    if (error) throw new Error(`${key}: ${error.status} ${error.code} ${error.message}`);
    for (const c of data.companies) addRow(key, c.companyName, c.billingSystem, used(c), c.totalInterviews);
    addRow(key, 'total', `${response.headers.get('X-RateLimit-Remaining-Minute') ?? '?'} requests left this minute`, data.totalMinutesUsed ?? data.totalCreditsUsed, data.totalInterviews);
  }
  status.textContent = 'ready';
  document.body.dataset.state = 'ready';
} catch (err) {
  status.textContent = `failed: ${(err as Error).message}`;
  document.body.dataset.state = 'failed';
}
