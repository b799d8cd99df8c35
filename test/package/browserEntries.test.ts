import { describe, expect, it } from 'vitest';
import { findNodeImports } from '../support/findNodeImports.ts';

/** The entry points DESIGN §10 says run in a browser bundle, as package.json `exports` maps them from the sources. */
const BROWSER_ENTRIES = [
  { subpath: 'instaview-billing-toolkit', entry: 'src/client/index.ts' },
  { subpath: 'instaview-billing-toolkit/msw', entry: 'mock/msw/index.ts' },
  { subpath: 'instaview-billing-toolkit/checker', entry: 'src/checker/index.ts' },
  { subpath: 'instaview-billing-toolkit/admin', entry: 'src/adminClient/index.ts' },
];

describe('the browser entry points import no Node builtin (DESIGN §10)', () => {
  it.each(BROWSER_ENTRIES)('$subpath ($entry) bundles for the browser without a node: module, through its packages too', async ({ entry }) => {
    expect(await findNodeImports(entry)).toEqual([]);
  });

  it('finds the chain to node:http in the server entry, which is Node only', async () => {
    const chains = await findNodeImports('mock/server/index.ts');
    expect(chains).toContainEqual(['mock/server/index.ts', 'mock/startMockServer.ts', 'mock/listen.ts', 'node:http']);
  });

  it('serves the built-in scenarios from data, not from files (mock/builtInScenarioCatalog.ts reaches no Node builtin)', async () => {
    expect(await findNodeImports('mock/builtInScenarioCatalog.ts')).toEqual([]);
  });
});
